<?php
/**
 * A counter per key and fixed time window, shared by all PHP workers.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Cache;

interface WindowCounter {

	/**
	 * Adds one to $key's count in the window that started at $window_start
	 * and returns the count after this process's own increment. Another
	 * process may increment in between, so the answer may be higher than
	 * this process's own step, never lower: a limit checked against it
	 * lets through at most the limit.
	 *
	 * @param string $key          Short, [a-z0-9] only (stored in a name).
	 * @param int    $window_start Unix time the window started.
	 * @param int    $window       The window's length in seconds.
	 */
	public function increment( string $key, int $window_start, int $window ): int;

	/**
	 * Deletes the counts of windows that started before $window_start.
	 */
	public function forget_before( int $window_start ): void;
}
