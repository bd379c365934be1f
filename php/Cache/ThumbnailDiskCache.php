<?php
/**
 * Thumbnails on disk under uploads, with a size limit.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Cache;

use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Storage\Keys;

/**
 * wp-content/uploads/customer-cloud-gallery/thumbs/<hash>.jpg. Files are
 * written to a temporary name and renamed, so a reader never sees half a
 * JPEG. A hit refreshes the file's mtime (at most hourly) so eviction, run
 * in the background, removes the least recently used first.
 */
final class ThumbnailDiskCache {

	public const EVICT_HOOK = 'ccg_evict_thumbnails';

	private const DEFAULT_LIMIT = 500 * 1024 * 1024;

	private const TOUCH_AFTER = HOUR_IN_SECONDS;

	/** Evict down to this share of the limit, so eviction does not run on every write. */
	private const LOW_WATER = 0.9;

	public function register(): void {
		add_action( self::EVICT_HOOK, array( $this, 'evict' ) );
	}

	public function path( ImageRef $image ): string {
		return $this->dir() . '/' . $image->hash() . '.jpg';
	}

	public function url( ImageRef $image ): string {
		$uploads = wp_upload_dir( null, false );
		return $uploads['baseurl'] . '/' . Keys::UPLOADS_DIR . '/thumbs/' . $image->hash() . '.jpg';
	}

	/**
	 * The file's path on a hit, null on a miss.
	 */
	public function hit( ImageRef $image ): ?string {
		$path = $this->path( $image );
		if ( ! is_file( $path ) ) {
			return null;
		}
		$mtime = (int) filemtime( $path );
		if ( $mtime < time() - self::TOUCH_AFTER ) {
			touch( $path );
		}
		return $path;
	}

	public function has( ImageRef $image ): bool {
		return is_file( $this->path( $image ) );
	}

	/**
	 * Width and height of a cached thumbnail (only its header is read).
	 * "bestfit" keeps the photo's ratio, orientation applied, so this is the
	 * ratio the page needs to reserve before the image loads.
	 *
	 * @return array{0: int, 1: int}|null
	 */
	public function dimensions( ImageRef $image ): ?array {
		$path = $this->path( $image );
		$size = is_file( $path ) ? @getimagesize( $path ) : false; // phpcs:ignore WordPress.PHP.NoSilencedErrors -- a truncated file is a miss.
		return is_array( $size ) && $size[0] > 0 && $size[1] > 0 ? array( (int) $size[0], (int) $size[1] ) : null;
	}

	public function write( ImageRef $image, string $bytes ): ?string {
		$dir = $this->dir();
		if ( ! wp_mkdir_p( $dir ) ) {
			return null;
		}
		$path      = $this->path( $image );
		$temporary = $path . '.' . wp_generate_password( 8, false ) . '.tmp';
		if ( strlen( $bytes ) !== file_put_contents( $temporary, $bytes ) || ! rename( $temporary, $path ) ) {
			@unlink( $temporary ); // phpcs:ignore WordPress.PHP.NoSilencedErrors -- may not exist.
			return null;
		}
		if ( false === wp_next_scheduled( self::EVICT_HOOK ) ) {
			wp_schedule_single_event( time() + MINUTE_IN_SECONDS, self::EVICT_HOOK );
		}
		return $path;
	}

	public function limit(): int {
		return (int) apply_filters( 'ccg_thumbnail_cache_bytes', self::DEFAULT_LIMIT );
	}

	/**
	 * WP-Cron: deletes the least recently used files until the cache is
	 * under 90% of its limit.
	 */
	public function evict(): void {
		$files = glob( $this->dir() . '/*.jpg' );
		if ( false === $files ) {
			return;
		}
		$total = 0;
		$seen  = array();
		foreach ( $files as $file ) {
			$size           = (int) @filesize( $file ); // phpcs:ignore WordPress.PHP.NoSilencedErrors -- may vanish meanwhile.
			$total         += $size;
			$seen[ $file ]  = array( (int) @filemtime( $file ), $size ); // phpcs:ignore WordPress.PHP.NoSilencedErrors
		}
		$limit = $this->limit();
		if ( $total <= $limit ) {
			return;
		}
		uasort( $seen, static fn ( array $a, array $b ): int => $a[0] <=> $b[0] );
		foreach ( $seen as $file => list( , $size ) ) {
			if ( $total <= $limit * self::LOW_WATER ) {
				break;
			}
			if ( @unlink( $file ) ) { // phpcs:ignore WordPress.PHP.NoSilencedErrors
				$total -= $size;
			}
		}
	}

	public function dir(): string {
		$uploads = wp_upload_dir( null, false );
		return $uploads['basedir'] . '/' . Keys::UPLOADS_DIR . '/thumbs';
	}
}
