<?php
/**
 * Reads Drive File resources into the listing's plain rows.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use DateTimeImmutable;

/**
 * Static and allocation-light: a 5,000-photo folder becomes 5,000 small
 * arrays, never 5,000 objects.
 */
final class DriveFiles {

	public const FOLDER = 'application/vnd.google-apps.folder';

	/** Google-native types (Docs, shortcuts, folders) are application/vnd.google-apps.*. */
	private const NATIVE_PREFIX = 'application/vnd.google-apps.';

	/** EXIF DateTime as Drive passes it on, with no time zone. */
	private const EXIF_FORMAT = '!Y:m:d H:i:s';

	/**
	 * @param array<string, mixed> $file
	 */
	public static function is_folder( array $file ): bool {
		return self::FOLDER === ( $file['mimeType'] ?? null );
	}

	/**
	 * An image Drive can make a thumbnail of. Shortcuts, Google-native files
	 * and images without a thumbnail (some RAW formats, uploads still being
	 * processed) are not: the gallery counts them as other files.
	 *
	 * @param array<string, mixed> $file
	 */
	public static function is_photo( array $file ): bool {
		$type = is_string( $file['mimeType'] ?? null ) ? $file['mimeType'] : '';
		return str_starts_with( $type, 'image/' )
			&& ! str_starts_with( $type, self::NATIVE_PREFIX )
			&& false !== ( $file['hasThumbnail'] ?? true )
			&& is_string( $file['id'] ?? null );
	}

	/**
	 * The listing's file row: id, name, revision, size, modified, taken,
	 * width, height (as displayed, so swapped for photos turned a quarter).
	 *
	 * @param array<string, mixed> $file
	 *
	 * @return array{0: string, 1: string, 2: string, 3: int, 4: int, 5: int, 6: int, 7: int}
	 */
	public static function photo_row( array $file ): array {
		$media    = is_array( $file['imageMediaMetadata'] ?? null ) ? $file['imageMediaMetadata'] : array();
		$width    = (int) ( $media['width'] ?? 0 );
		$height   = (int) ( $media['height'] ?? 0 );
		$modified = self::time( $file['modifiedTime'] ?? null );
		if ( self::quarter_turned( $media['rotation'] ?? 0 ) ) {
			list( $width, $height ) = array( $height, $width );
		}
		$taken = self::exif_time( $media['time'] ?? null );
		return array(
			(string) $file['id'],
			self::string( $file, 'name' ),
			self::revision( $file ),
			(int) ( $file['size'] ?? 0 ),
			$modified,
			0 !== $taken ? $taken : self::time( $file['createdTime'] ?? null ),
			$width,
			$height,
		);
	}

	/**
	 * Changes whenever the photo does: the content hash, else Drive's
	 * thumbnail version, else the modified time.
	 *
	 * @param array<string, mixed> $file
	 */
	public static function revision( array $file ): string {
		foreach ( array( 'md5Checksum', 'thumbnailVersion', 'modifiedTime' ) as $field ) {
			$value = $file[ $field ] ?? null;
			if ( ( is_string( $value ) || is_int( $value ) ) && '' !== (string) $value && '0' !== (string) $value ) {
				return (string) $value;
			}
		}
		return 'r0';
	}

	/**
	 * @param array<string, mixed> $file
	 */
	public static function string( array $file, string $field ): string {
		return is_string( $file[ $field ] ?? null ) ? $file[ $field ] : '';
	}

	/**
	 * Drive documents rotation as clockwise quarter turns (0–3); degrees
	 * (90, 270) are accepted as well.
	 */
	private static function quarter_turned( mixed $rotation ): bool {
		if ( ! is_numeric( $rotation ) ) {
			return false;
		}
		$rotation = (int) $rotation;
		$turns    = abs( $rotation ) >= 90 ? intdiv( $rotation, 90 ) : $rotation;
		return 1 === abs( $turns ) % 2;
	}

	/**
	 * "YYYY:MM:DD HH:MM:SS" in the site's time zone (EXIF has none).
	 */
	private static function exif_time( mixed $value ): int {
		if ( ! is_string( $value ) || '' === $value ) {
			return 0;
		}
		$time = DateTimeImmutable::createFromFormat( self::EXIF_FORMAT, substr( $value, 0, 19 ), wp_timezone() );
		return false === $time ? 0 : $time->getTimestamp();
	}

	private static function time( mixed $value ): int {
		if ( ! is_string( $value ) ) {
			return 0;
		}
		$time = strtotime( $value );
		return false === $time ? 0 : $time;
	}
}
