/**
 * WordPress dependencies
 */
import { PanelBody, SelectControl, ToggleControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { GalleryAttributes } from '../types';

type PhotoKeys = 'sortBy' | 'sortOrder' | 'caption' | 'lightbox';

interface Props {
	attributes: Pick< GalleryAttributes, PhotoKeys >;
	setAttributes: ( next: Partial< GalleryAttributes > ) => void;
}

/**
 * Order, captions and lightbox of the photos.
 *
 * @param props               Component props.
 * @param props.attributes    Block attributes.
 * @param props.setAttributes Updates attributes.
 */
export default function PhotosPanel( { attributes, setAttributes }: Props ) {
	return (
		<PanelBody title={ __( 'Photos', 'customer-cloud-gallery' ) }>
			<SelectControl< GalleryAttributes[ 'sortBy' ] >
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Sort by', 'customer-cloud-gallery' ) }
				value={ attributes.sortBy }
				options={ [
					{
						value: 'name',
						label: __( 'Name', 'customer-cloud-gallery' ),
					},
					{
						value: 'taken',
						label: __( 'Date taken', 'customer-cloud-gallery' ),
					},
					{
						value: 'modified',
						label: __( 'Date modified', 'customer-cloud-gallery' ),
					},
				] }
				onChange={ ( sortBy ) => setAttributes( { sortBy } ) }
			/>
			<SelectControl< GalleryAttributes[ 'sortOrder' ] >
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Order', 'customer-cloud-gallery' ) }
				value={ attributes.sortOrder }
				options={ [
					{
						value: 'asc',
						label: __( 'Ascending', 'customer-cloud-gallery' ),
					},
					{
						value: 'desc',
						label: __( 'Descending', 'customer-cloud-gallery' ),
					},
				] }
				onChange={ ( sortOrder ) => setAttributes( { sortOrder } ) }
			/>
			<SelectControl< GalleryAttributes[ 'caption' ] >
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Captions', 'customer-cloud-gallery' ) }
				value={ attributes.caption }
				options={ [
					{
						value: 'none',
						label: __( 'None', 'customer-cloud-gallery' ),
					},
					{
						value: 'filename',
						label: __( 'File name', 'customer-cloud-gallery' ),
					},
				] }
				onChange={ ( caption ) => setAttributes( { caption } ) }
			/>
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __(
					'Open photos in a lightbox',
					'customer-cloud-gallery'
				) }
				checked={ attributes.lightbox }
				onChange={ ( lightbox ) => setAttributes( { lightbox } ) }
			/>
		</PanelBody>
	);
}
