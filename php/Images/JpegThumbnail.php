<?php
/**
 * Makes whatever a provider sent as a thumbnail into JPEG bytes.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Images;

/**
 * The disk cache stores JPEG only, so a thumbnail's URL (which names the
 * file, extension included) is known before it is fetched, and the web
 * server's type for ".jpg" is right for every file it serves. Dropbox sends
 * JPEG (we ask for it); other providers may send PNG (Google Drive's
 * thumbnails of some files), so PNG, GIF and WebP are converted with GD,
 * transparency flattened onto white. Bytes that are no image GD can read
 * are refused: nothing that is not an image is ever written under uploads.
 */
final class JpegThumbnail {

	/** WordPress's own default for generated JPEGs (wp_editor_set_quality). */
	private const QUALITY = 82;

	private const SIGNATURES = array(
		'image/jpeg' => "\xFF\xD8\xFF",
		'image/png'  => "\x89PNG\r\n\x1A\n",
		'image/gif'  => 'GIF8',
	);

	/**
	 * The MIME type from the first bytes, null when it is none of ours.
	 */
	public static function sniff( string $bytes ): ?string {
		foreach ( self::SIGNATURES as $type => $signature ) {
			if ( str_starts_with( $bytes, $signature ) ) {
				return $type;
			}
		}
		if ( 'RIFF' === substr( $bytes, 0, 4 ) && 'WEBP' === substr( $bytes, 8, 4 ) ) {
			return 'image/webp';
		}
		return null;
	}

	/**
	 * JPEG bytes as they are; other images converted; null for anything else.
	 */
	public static function from_bytes( string $bytes ): ?string {
		$type = self::sniff( $bytes );
		if ( 'image/jpeg' === $type ) {
			return $bytes;
		}
		if ( null === $type || ! function_exists( 'imagecreatefromstring' ) ) {
			return null;
		}
		$source = @imagecreatefromstring( $bytes ); // phpcs:ignore WordPress.PHP.NoSilencedErrors -- a corrupt image is refused below.
		if ( false === $source ) {
			return null;
		}
		$width  = imagesx( $source );
		$height = imagesy( $source );
		$canvas = imagecreatetruecolor( $width, $height );
		imagefill( $canvas, 0, 0, (int) imagecolorallocate( $canvas, 255, 255, 255 ) );
		imagecopy( $canvas, $source, 0, 0, 0, 0, $width, $height );
		ob_start();
		$written = imagejpeg( $canvas, null, self::QUALITY );
		$jpeg    = (string) ob_get_clean();
		return $written && 'image/jpeg' === self::sniff( $jpeg ) ? $jpeg : null;
	}
}
