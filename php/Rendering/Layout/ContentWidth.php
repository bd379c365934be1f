<?php
/**
 * The width the theme gives a block, in pixels, for its alignment.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Rendering\Layout;

final class ContentWidth {

	/**
	 * theme.json's layout contentSize (wideSize for a wide block); a classic
	 * theme's $content_width.
	 *
	 * @param string $align The block's alignment: '', 'wide' or 'full'.
	 *
	 * @return int|null Pixels; null when the block is full width or the theme gives no width in pixels.
	 */
	public static function for_align( string $align ): ?int {
		if ( 'full' === $align ) {
			return null;
		}
		$setting = 'wide' === $align ? 'wideSize' : 'contentSize';
		$layout  = function_exists( 'wp_get_global_settings' ) ? wp_get_global_settings( array( 'layout' ) ) : array();
		$value   = is_array( $layout ) ? ( $layout[ $setting ] ?? null ) : null;
		if ( is_string( $value ) && 1 === preg_match( '/^\s*(\d+(?:\.\d+)?)px\s*$/', $value, $match ) ) {
			return (int) round( (float) $match[1] );
		}
		global $content_width;
		return 'contentSize' === $setting && is_numeric( $content_width ) && (int) $content_width > 0 ? (int) $content_width : null;
	}
}
