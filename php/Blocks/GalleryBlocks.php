<?php
/**
 * Finds the Cloud Gallery blocks in a post's blocks.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Blocks;

use CustomerCloudGallery\Rendering\GalleryAttributes;

final class GalleryBlocks {

	/**
	 * Gallery blocks anywhere in the tree (inside columns, groups…) that
	 * name a folder.
	 *
	 * @param array<int, array<string, mixed>> $blocks What parse_blocks() gave.
	 *
	 * @return list<GalleryAttributes>
	 */
	public static function in( array $blocks ): array {
		$found = array();
		foreach ( $blocks as $block ) {
			if ( GalleryBlock::NAME === ( $block['blockName'] ?? null ) ) {
				$gallery = GalleryAttributes::from_block( is_array( $block['attrs'] ?? null ) ? $block['attrs'] : array() );
				if ( $gallery->has_folder() ) {
					$found[] = $gallery;
				}
			}
			if ( is_array( $block['innerBlocks'] ?? null ) ) {
				$found = array_merge( $found, self::in( $block['innerBlocks'] ) );
			}
		}
		return $found;
	}
}
