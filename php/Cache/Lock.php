<?php
/**
 * A named, expiring mutual-exclusion lock shared by all PHP workers.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Cache;

interface Lock {

	/**
	 * Takes the lock without waiting. True when this process now holds it.
	 */
	public function acquire(): bool;

	/**
	 * Releases the lock if this process still holds it.
	 */
	public function release(): void;
}
