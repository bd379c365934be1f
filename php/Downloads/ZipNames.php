<?php
/**
 * Entry names for a ZIP of photos: safe, and distinct.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Downloads;

/**
 * A cloud file name can hold what an archive must not: a slash or backslash
 * (a path on extraction), "..", control characters, or nothing usable at
 * all. Every name becomes a bare file name; two photos with the same name
 * (compared without case, as Windows and macOS would on extraction) become
 * "name.jpg" and "name (2).jpg".
 */
final class ZipNames {

	private const MAX_BYTES = 200;

	/** @var array<string, true> */
	private array $taken = array();

	public function unique( string $name ): string {
		$safe = self::safe( $name );
		$dot  = strrpos( $safe, '.' );
		$stem = false === $dot || 0 === $dot ? $safe : substr( $safe, 0, $dot );
		$ext  = false === $dot || 0 === $dot ? '' : substr( $safe, $dot );
		$try  = $safe;
		for ( $n = 2; isset( $this->taken[ mb_strtolower( $try ) ] ); $n++ ) {
			$try = $stem . ' (' . $n . ')' . $ext;
		}
		$this->taken[ mb_strtolower( $try ) ] = true;
		return $try;
	}

	public static function safe( string $name ): string {
		if ( ! mb_check_encoding( $name, 'UTF-8' ) ) {
			$name = mb_convert_encoding( $name, 'UTF-8', 'UTF-8' );
		}
		// Whatever a path separator could be, only the last part counts.
		$name = str_replace( '\\', '/', $name );
		$name = (string) substr( $name, (int) strrpos( '/' . $name, '/' ) );
		$name = ltrim( $name, '/' );
		$name = (string) preg_replace( '/[\x00-\x1f\x7f\x{80}-\x{9f}]/u', '', $name );
		$name = (string) preg_replace( '/[<>:"|?*]/', '_', $name );
		$name = trim( $name, " .\t" );
		$name = (string) preg_replace( '/\.{2,}/', '.', $name );
		if ( '' === $name ) {
			$name = 'photo';
		}
		if ( strlen( $name ) > self::MAX_BYTES ) {
			$ext  = (string) pathinfo( $name, PATHINFO_EXTENSION );
			$keep = self::MAX_BYTES - ( '' === $ext ? 0 : strlen( $ext ) + 1 );
			$name = mb_strcut( $name, 0, max( 1, $keep ), 'UTF-8' ) . ( '' === $ext ? '' : '.' . $ext );
		}
		return $name;
	}
}
