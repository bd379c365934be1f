<?php
/**
 * The `sizes` of a photo one column wide, as a browser lays the column out.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Rendering\Layout;

/**
 * At most two columns below 600px (style.scss), and inside the theme's
 * content width, less the gaps. WordPress gives lazy images "sizes=auto",
 * which a browser resolves to the laid-out width; the first row is eager
 * and takes this value, so it must name the same srcset size, or a cold
 * page asks for two sizes of its photos.
 */
final class ColumnSizes {

	/**
	 * @param int      $columns Columns from 600px up.
	 * @param int      $gap     Pixels between columns.
	 * @param int|null $content The block's width in pixels (ContentWidth), null when it spans the viewport.
	 */
	public static function of( int $columns, int $gap, ?int $content ): string {
		$columns = max( 1, $columns );
		$narrow  = sprintf( '(max-width: 600px) %dvw', (int) floor( 100 / min( 2, $columns ) ) );
		if ( null === $content ) {
			return sprintf( '%s, %dvw', $narrow, (int) floor( 100 / $columns ) );
		}
		$cell = (int) floor( max( 1, $content - $gap * ( $columns - 1 ) ) / $columns );
		return sprintf( '%s, (max-width: %dpx) %dvw, %dpx', $narrow, $content, (int) floor( 100 / $columns ), $cell );
	}
}
