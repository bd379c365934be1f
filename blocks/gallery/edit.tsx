/**
 * External dependencies
 */
import { QueryClientProvider } from '@tanstack/react-query';

/**
 * WordPress dependencies
 */
import type { BlockEditProps } from '@wordpress/blocks';

/**
 * Internal dependencies
 */
import { queryClient } from '../../src/api/query-client';
import GalleryEdit from './components/GalleryEdit';
import type { GalleryAttributes } from './types';

/**
 * Every gallery block of the editor shares one QueryClient, so a folder
 * opened in one block is already loaded in the next.
 *
 * @param props Block edit props.
 */
export default function Edit( props: BlockEditProps< GalleryAttributes > ) {
	return (
		<QueryClientProvider client={ queryClient }>
			<GalleryEdit { ...props } />
		</QueryClientProvider>
	);
}
