<?php
/**
 * How long a download URL works, in whole-hour buckets.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Downloads;

/**
 * A URL's expiry is the end of the current hour plus the lifetime, so every
 * render within the same hour puts the same URL in the page (page caches keep
 * byte-stable HTML), and every URL works for at least the lifetime after
 * the page was made. A page cached longer than the lifetime holds links that
 * answer 410 with a link back to the gallery, whose fresh render has new ones.
 */
final class DownloadLifetime {

	public const DEFAULT_HOURS = 6;

	public const MIN_HOURS = 1;

	public const MAX_HOURS = 48;

	private const BUCKET = HOUR_IN_SECONDS;

	public function hours(): int {
		/**
		 * Filters how many hours a download link works after the page was made.
		 *
		 * @param int $hours Hours, clamped to 1..48.
		 */
		$hours = (int) apply_filters( 'ccg_download_lifetime_hours', self::DEFAULT_HOURS );
		return max( self::MIN_HOURS, min( self::MAX_HOURS, $hours ) );
	}

	/**
	 * The expiry of a URL made at $now.
	 */
	public function expires( int $now ): int {
		return $now - $now % self::BUCKET + self::BUCKET + $this->hours() * HOUR_IN_SECONDS;
	}
}
