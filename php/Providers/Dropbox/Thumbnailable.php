<?php
/**
 * Which files Dropbox can make thumbnails of.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

/**
 * The extensions get_thumbnail_v2 documents, and its 20 MB limit. Anything
 * else (HEIC, PDFs, huge masters) is skipped, never shown as a broken image.
 */
final class Thumbnailable {

	public const EXTENSIONS = array( 'jpg', 'jpeg', 'png', 'tiff', 'tif', 'gif', 'webp', 'ppm', 'bmp' );

	public const MAX_BYTES = 20 * 1024 * 1024;

	public static function accepts( string $name, int $size ): bool {
		$extension = strtolower( pathinfo( $name, PATHINFO_EXTENSION ) );
		return in_array( $extension, self::EXTENSIONS, true ) && $size <= self::MAX_BYTES;
	}
}
