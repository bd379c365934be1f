<?php
/**
 * Chooses the window counter that is atomic across this site's PHP workers.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Cache;

final class WindowCounters {

	/**
	 * As for Locks: without a persistent object cache, wp_cache_incr() only
	 * counts this request, so the database (shared by all) counts instead.
	 */
	public function create(): WindowCounter {
		return wp_using_ext_object_cache() ? new ObjectCacheCounter() : new OptionCounter();
	}
}
