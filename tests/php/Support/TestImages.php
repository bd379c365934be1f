<?php
/**
 * Image bytes for the tests, made with GD.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Support;

final class TestImages {

	/**
	 * A JPEG of noise (so its size is not trivial).
	 */
	public static function jpeg( int $width = 32, int $height = 24 ): string {
		$image = imagecreatetruecolor( $width, $height );
		mt_srand( $width * 1000 + $height );
		for ( $x = 0; $x < $width; $x++ ) {
			for ( $y = 0; $y < $height; $y++ ) {
				imagesetpixel( $image, $x, $y, mt_rand( 0, 0xFFFFFF ) );
			}
		}
		ob_start();
		imagejpeg( $image, null, 90 );
		return (string) ob_get_clean();
	}

	/**
	 * A PNG, half of it transparent, as some providers send thumbnails.
	 */
	public static function png( int $width = 40, int $height = 30 ): string {
		$image = imagecreatetruecolor( $width, $height );
		imagesavealpha( $image, true );
		imagealphablending( $image, false );
		imagefill( $image, 0, 0, (int) imagecolorallocatealpha( $image, 0, 0, 0, 127 ) );
		imagefilledrectangle( $image, 0, 0, (int) ( $width / 2 ) - 1, $height - 1, (int) imagecolorallocatealpha( $image, 200, 30, 30, 0 ) );
		ob_start();
		imagepng( $image );
		return (string) ob_get_clean();
	}
}
