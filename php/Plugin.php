<?php
/**
 * Composition root: builds the plugin's services once and lets each hook itself in.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery;

final class Plugin {

	private static ?Plugin $instance = null;

	private function __construct( private Services $services ) {}

	public static function boot(): void {
		if ( null !== self::$instance ) {
			return;
		}
		self::$instance = new self( new Services() );
		foreach ( self::$instance->services->hooked() as $service ) {
			$service->register();
		}
	}

	/**
	 * The booted object graph, for code outside the hooks (tests, WP-CLI).
	 */
	public static function services(): Services {
		self::boot();
		return self::$instance->services;
	}
}
