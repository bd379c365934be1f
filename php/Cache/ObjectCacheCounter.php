<?php
/**
 * Window counters in a persistent object cache shared by every web server.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Cache;

use CustomerCloudGallery\Storage\Keys;

/**
 * wp_cache_add() creates the entry only when it is absent and
 * wp_cache_incr() is atomic in Redis and Memcached, so no two processes
 * read the same count. The cache's expiry drops a window's entry after it.
 */
final class ObjectCacheCounter implements WindowCounter {

	public function increment( string $key, int $window_start, int $window ): int {
		$name = Keys::MISS_BUDGET_PREFIX . $window_start . '_' . $key;
		wp_cache_add( $name, 0, Keys::CACHE_GROUP, 2 * $window );
		$count = wp_cache_incr( $name, 1, Keys::CACHE_GROUP );
		if ( false === $count ) {
			// Evicted between add and incr: this process starts the window again.
			wp_cache_add( $name, 1, Keys::CACHE_GROUP, 2 * $window );
			return 1;
		}
		return (int) $count;
	}

	public function forget_before( int $window_start ): void {
		// Each entry expires by itself two windows after it was created.
	}
}
