/**
 * WordPress dependencies
 */
import { PanelBody, RangeControl, ToggleControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { GalleryAttributes } from '../types';

type AlbumKeys = 'albums' | 'albumDepth';

interface Props {
	attributes: Pick< GalleryAttributes, AlbumKeys >;
	setAttributes: ( next: Partial< GalleryAttributes > ) => void;
}

/**
 * Whether the folder's subfolders become album cards, and how deep.
 *
 * @param props               Component props.
 * @param props.attributes    Block attributes.
 * @param props.setAttributes Updates attributes.
 */
export default function AlbumsPanel( { attributes, setAttributes }: Props ) {
	return (
		<PanelBody
			title={ __( 'Albums', 'customer-cloud-gallery' ) }
			initialOpen={ attributes.albums }
		>
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __(
					'Show subfolders as albums',
					'customer-cloud-gallery'
				) }
				help={ __(
					'Each subfolder becomes a card with a cover photo, its name and its number of photos. Visitors open it and come back through a breadcrumb.',
					'customer-cloud-gallery'
				) }
				checked={ attributes.albums }
				onChange={ ( albums ) => setAttributes( { albums } ) }
			/>
			{ attributes.albums && (
				<RangeControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Album levels', 'customer-cloud-gallery' ) }
					help={ __(
						'How many levels of subfolders visitors can open: 1 shows only the folder’s own subfolders.',
						'customer-cloud-gallery'
					) }
					min={ 1 }
					max={ 3 }
					value={ attributes.albumDepth }
					onChange={ ( albumDepth ) =>
						setAttributes( { albumDepth: albumDepth ?? 1 } )
					}
				/>
			) }
		</PanelBody>
	);
}
