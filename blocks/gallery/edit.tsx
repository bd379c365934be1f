/**
 * WordPress dependencies
 */
import { useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import { Placeholder } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { GalleryAttributes } from './types';

export default function Edit( {
	attributes,
}: BlockEditProps< GalleryAttributes > ) {
	const blockProps = useBlockProps();
	return (
		<div { ...blockProps }>
			<Placeholder
				icon="format-gallery"
				label={ __( 'Cloud Gallery', 'customer-cloud-gallery' ) }
				instructions={
					attributes.folderPath ||
					__(
						'Choose a Dropbox or Google Drive folder to show its photos.',
						'customer-cloud-gallery'
					)
				}
			/>
		</div>
	);
}
