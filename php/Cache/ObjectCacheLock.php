<?php
/**
 * A lock in a persistent object cache shared by every web server.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Cache;

use CustomerCloudGallery\Storage\Keys;

/**
 * wp_cache_add() only writes when the key is absent, atomically in Redis and
 * Memcached; the cache's own expiry recovers a lock whose holder died.
 */
final class ObjectCacheLock implements Lock {

	private ?string $owner = null;

	public function __construct( private string $name, private int $ttl ) {}

	public function acquire(): bool {
		$owner = wp_generate_uuid4();
		if ( ! wp_cache_add( $this->key(), $owner, Keys::CACHE_GROUP, $this->ttl ) ) {
			return false;
		}
		$this->owner = $owner;
		return true;
	}

	public function release(): void {
		if ( null !== $this->owner && wp_cache_get( $this->key(), Keys::CACHE_GROUP, true ) === $this->owner ) {
			wp_cache_delete( $this->key(), Keys::CACHE_GROUP );
		}
		$this->owner = null;
	}

	private function key(): string {
		return Keys::LOCK_PREFIX . $this->name;
	}
}
