/**
 * WordPress dependencies
 */
import { PanelBody, SelectControl, ToggleControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { GalleryAttributes } from '../types';

type DownloadKeys = 'downloads' | 'downloadAll' | 'downloadSize';

interface Props {
	attributes: Pick< GalleryAttributes, DownloadKeys >;
	setAttributes: ( next: Partial< GalleryAttributes > ) => void;
}

/**
 * Whether visitors may download the photos, all at once as a ZIP, and at
 * which size. Off by default: a photographer decides what clients may keep.
 *
 * @param props               Component props.
 * @param props.attributes    Block attributes.
 * @param props.setAttributes Updates attributes.
 */
export default function DownloadsPanel( { attributes, setAttributes }: Props ) {
	return (
		<PanelBody
			title={ __( 'Downloads', 'customer-cloud-gallery' ) }
			initialOpen={ false }
		>
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __(
					'Let visitors download photos',
					'customer-cloud-gallery'
				) }
				help={ __(
					'Download links work for a few hours after the page is shown.',
					'customer-cloud-gallery'
				) }
				checked={ attributes.downloads }
				onChange={ ( downloads ) => setAttributes( { downloads } ) }
			/>
			{ attributes.downloads && (
				<>
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __(
							'Offer "Download all" as one ZIP',
							'customer-cloud-gallery'
						) }
						checked={ attributes.downloadAll }
						onChange={ ( downloadAll ) =>
							setAttributes( { downloadAll } )
						}
					/>
					<SelectControl< GalleryAttributes[ 'downloadSize' ] >
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __(
							'Download size',
							'customer-cloud-gallery'
						) }
						value={ attributes.downloadSize }
						options={ [
							{
								value: 'original',
								label: __(
									'Original file',
									'customer-cloud-gallery'
								),
							},
							{
								value: '2048',
								label: __(
									'Large (2048 pixels, JPEG)',
									'customer-cloud-gallery'
								),
							},
							{
								value: '1024',
								label: __(
									'Medium (1024 pixels, JPEG)',
									'customer-cloud-gallery'
								),
							},
						] }
						onChange={ ( downloadSize ) =>
							setAttributes( { downloadSize } )
						}
					/>
				</>
			) }
		</PanelBody>
	);
}
