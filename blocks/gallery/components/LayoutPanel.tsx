/**
 * WordPress dependencies
 */
import { PanelBody, RangeControl, SelectControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { GalleryAttributes } from '../types';

type LayoutKeys = 'columns' | 'gap' | 'aspectRatio' | 'perPage';

interface Props {
	attributes: Pick< GalleryAttributes, LayoutKeys >;
	setAttributes: ( next: Partial< GalleryAttributes > ) => void;
}

const ASPECT_RATIOS: Array< {
	value: GalleryAttributes[ 'aspectRatio' ];
	label: string;
} > = [
	{ value: 'original', label: __( 'Original', 'customer-cloud-gallery' ) },
	{ value: '1', label: __( 'Square', 'customer-cloud-gallery' ) },
	{ value: '4/3', label: __( '4:3', 'customer-cloud-gallery' ) },
	{ value: '3/2', label: __( '3:2', 'customer-cloud-gallery' ) },
	{ value: '16/9', label: __( '16:9', 'customer-cloud-gallery' ) },
	{ value: '3/4', label: __( '3:4 (portrait)', 'customer-cloud-gallery' ) },
	{ value: '2/3', label: __( '2:3 (portrait)', 'customer-cloud-gallery' ) },
];

/**
 * Columns, gap, crop and page size of the grid.
 *
 * @param props               Component props.
 * @param props.attributes    Block attributes.
 * @param props.setAttributes Updates attributes.
 */
export default function LayoutPanel( { attributes, setAttributes }: Props ) {
	return (
		<PanelBody title={ __( 'Layout', 'customer-cloud-gallery' ) }>
			<RangeControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Columns', 'customer-cloud-gallery' ) }
				help={ __(
					'Small screens show fewer columns.',
					'customer-cloud-gallery'
				) }
				min={ 1 }
				max={ 8 }
				value={ attributes.columns }
				onChange={ ( columns ) =>
					setAttributes( { columns: columns ?? 3 } )
				}
			/>
			<RangeControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __(
					'Space between photos (px)',
					'customer-cloud-gallery'
				) }
				min={ 0 }
				max={ 64 }
				value={ attributes.gap }
				onChange={ ( gap ) => setAttributes( { gap: gap ?? 8 } ) }
			/>
			<SelectControl< GalleryAttributes[ 'aspectRatio' ] >
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Crop to aspect ratio', 'customer-cloud-gallery' ) }
				help={ __(
					'Original keeps each photo’s own shape.',
					'customer-cloud-gallery'
				) }
				value={ attributes.aspectRatio }
				options={ ASPECT_RATIOS }
				onChange={ ( aspectRatio ) => setAttributes( { aspectRatio } ) }
			/>
			<RangeControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Photos per page', 'customer-cloud-gallery' ) }
				help={ __(
					'More photos load with a “Load more” link.',
					'customer-cloud-gallery'
				) }
				min={ 1 }
				max={ 200 }
				value={ attributes.perPage }
				onChange={ ( perPage ) =>
					setAttributes( { perPage: perPage ?? 24 } )
				}
			/>
		</PanelBody>
	);
}
