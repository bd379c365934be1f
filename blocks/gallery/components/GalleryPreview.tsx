/**
 * WordPress dependencies
 */
import { Disabled, Notice, Spinner } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { toApiError } from '../../../src/api/client';
import { usePreviewQuery } from '../../../src/api/queries';
import type { GalleryAttributes } from '../types';

interface Props {
	attributes: GalleryAttributes;
	postId: number | null;
	/** Milliseconds attributes must settle before a new preview (tests pass 0). */
	debounceMs?: number;
}

/**
 * The gallery as visitors will see it, rendered by the server. While a new
 * preview loads, the previous one stays, dimmed, so the canvas never jumps.
 *
 * @param props            Component props.
 * @param props.attributes Block attributes.
 * @param props.postId     Post being edited.
 * @param props.debounceMs Settling time.
 */
export default function GalleryPreview( {
	attributes,
	postId,
	debounceMs,
}: Props ) {
	const { data, error, isFetching, isPlaceholderData } = usePreviewQuery(
		attributes,
		postId,
		debounceMs === undefined ? {} : { debounceMs }
	);

	if ( ! data ) {
		return error ? (
			<Notice status="error" isDismissible={ false }>
				{ sprintf(
					/* translators: %s: why the preview failed. */
					__(
						'The preview could not be loaded: %s',
						'customer-cloud-gallery'
					),
					toApiError( error ).message
				) }
			</Notice>
		) : (
			<p className="ccg-preview__loading">
				<Spinner />
				{ __( 'Loading the photos…', 'customer-cloud-gallery' ) }
			</p>
		);
	}

	if ( data.rendered.trim() === '' ) {
		return (
			<p className="ccg-preview__empty">
				{ __(
					'This gallery shows nothing to visitors yet.',
					'customer-cloud-gallery'
				) }
			</p>
		);
	}

	const isUpdating = isFetching && isPlaceholderData;
	return (
		<div
			className={ `ccg-preview${ isUpdating ? ' is-updating' : '' }` }
			aria-busy={ isUpdating || undefined }
		>
			{ isUpdating && <Spinner className="ccg-preview__spinner" /> }
			<Disabled>
				<div
					className="ccg-preview__content"
					// The server built this markup and escaped every value in it;
					// it is the block's own front-end output (core's block renderer).
					dangerouslySetInnerHTML={ { __html: data.rendered } }
				/>
			</Disabled>
		</div>
	);
}
