/**
 * WordPress dependencies
 */
import { PanelBody, RangeControl, SelectControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { GalleryAttributes } from '../types';

type LayoutKeys =
	'layout' | 'rowHeight' | 'columns' | 'gap' | 'aspectRatio' | 'perPage';

interface Props {
	attributes: Pick< GalleryAttributes, LayoutKeys >;
	setAttributes: ( next: Partial< GalleryAttributes > ) => void;
}

const LAYOUTS: Array< {
	value: GalleryAttributes[ 'layout' ];
	label: string;
} > = [
	{ value: 'grid', label: __( 'Grid', 'customer-cloud-gallery' ) },
	{ value: 'justified', label: __( 'Justified', 'customer-cloud-gallery' ) },
	{ value: 'masonry', label: __( 'Masonry', 'customer-cloud-gallery' ) },
];

const LAYOUT_HELP: Record< GalleryAttributes[ 'layout' ], string > = {
	grid: __(
		'Photos in equal cells, cropped to one shape.',
		'customer-cloud-gallery'
	),
	justified: __(
		'Rows of equal height that fill the width; each photo keeps its shape.',
		'customer-cloud-gallery'
	),
	masonry: __(
		'Columns of equal width; each photo keeps its shape.',
		'customer-cloud-gallery'
	),
};

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
 * The layout (grid, justified rows, masonry) and what it needs: columns and
 * a crop for the grid, columns for masonry, a row height for justified
 * rows; gap and page size for all. A setting that means nothing to the
 * chosen layout is hidden, not disabled.
 *
 * @param props               Component props.
 * @param props.attributes    Block attributes.
 * @param props.setAttributes Updates attributes.
 */
export default function LayoutPanel( { attributes, setAttributes }: Props ) {
	const { layout } = attributes;
	return (
		<PanelBody title={ __( 'Layout', 'customer-cloud-gallery' ) }>
			<SelectControl< GalleryAttributes[ 'layout' ] >
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Layout', 'customer-cloud-gallery' ) }
				help={ LAYOUT_HELP[ layout ] }
				value={ layout }
				options={ LAYOUTS }
				onChange={ ( next ) => setAttributes( { layout: next } ) }
			/>
			{ layout === 'justified' ? (
				<RangeControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Row height (px)', 'customer-cloud-gallery' ) }
					help={ __(
						'Rows stretch a little to fill the width.',
						'customer-cloud-gallery'
					) }
					min={ 120 }
					max={ 480 }
					step={ 10 }
					value={ attributes.rowHeight }
					onChange={ ( rowHeight ) =>
						setAttributes( { rowHeight: rowHeight ?? 240 } )
					}
				/>
			) : (
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
			) }
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
			{ layout === 'grid' && (
				<SelectControl< GalleryAttributes[ 'aspectRatio' ] >
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __(
						'Crop to aspect ratio',
						'customer-cloud-gallery'
					) }
					help={ __(
						'Original keeps each photo’s own shape.',
						'customer-cloud-gallery'
					) }
					value={ attributes.aspectRatio }
					options={ ASPECT_RATIOS }
					onChange={ ( aspectRatio ) =>
						setAttributes( { aspectRatio } )
					}
				/>
			) }
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
