<?php
/**
 * Chooses the lock that is atomic across this site's PHP workers.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Cache;

final class Locks {

	/**
	 * With a persistent object cache the cache is shared by every web server;
	 * without one, wp_cache_add() only sees this request, so the database
	 * (shared by all) holds the lock instead.
	 */
	public function create( string $name, int $ttl ): Lock {
		if ( wp_using_ext_object_cache() ) {
			return new ObjectCacheLock( $name, $ttl );
		}
		return new OptionLock( $name, $ttl );
	}
}
