/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import type { BlockRendererResponse } from './types';

const BLOCK_NAME = 'customer-cloud-gallery/gallery';

/**
 * Asks core's block renderer for the block's real front-end markup.
 *
 * @param attributes Block attributes.
 * @param postId     Post being edited, so the server renders in its context.
 * @param signal     Aborts a preview nobody waits for any more.
 * @return The rendered HTML.
 */
export function fetchPreview(
	attributes: Record< string, unknown >,
	postId: number | null,
	signal?: AbortSignal
): Promise< BlockRendererResponse > {
	return apiFetch< BlockRendererResponse >( {
		path: addQueryArgs( `/wp/v2/block-renderer/${ BLOCK_NAME }`, {
			context: 'edit',
			attributes,
			...( postId ? { post_id: postId } : {} ),
		} ),
		...( signal ? { signal } : {} ),
	} );
}
