<?php
/**
 * The layout a block asked for.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Rendering\Layout;

use CustomerCloudGallery\Rendering\GalleryAttributes;

final class Layouts {

	/**
	 * @param string $align The block's alignment: '', 'wide' or 'full'.
	 */
	public static function for_gallery( GalleryAttributes $gallery, string $align ): Layout {
		$content = ContentWidth::for_align( $align );
		return match ( $gallery->layout ) {
			'justified' => new JustifiedLayout( $gallery->row_height, $content ),
			'masonry'   => new MasonryLayout( $gallery->columns, $gallery->gap, $content ),
			default     => new GridLayout( $gallery->crop(), $gallery->columns, $gallery->gap, $content ),
		};
	}
}
