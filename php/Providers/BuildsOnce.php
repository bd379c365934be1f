<?php
/**
 * Builds each part of an object graph once, on first use.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers;

/**
 * For the provider modules: a page view that only renders a cached gallery
 * asks a module for its Source and nothing else, so the OAuth machinery is
 * never built. Each accessor passes its own name (__FUNCTION__) as the key.
 */
trait BuildsOnce {

	/** @var array<string, object> */
	private array $built = array();

	/**
	 * @template T of object
	 *
	 * @param callable(): T $build
	 *
	 * @return T
	 */
	private function once( string $name, callable $build ): object {
		return $this->built[ $name ] ??= $build();
	}
}
