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
	 * register_deactivation_hook(): each site's part of the plugin's data
	 * that must not outlive it being active (Storage\Cleanup::on_deactivation),
	 * on every site when it was active for the whole network.
	 *
	 * @param bool $network_wide Deactivated for the whole network.
	 */
	public static function deactivate( bool $network_wide = false ): void {
		$cleanup = new Storage\Cleanup();
		if ( ! $network_wide || ! is_multisite() ) {
			$cleanup->on_deactivation();
			return;
		}
		foreach ( get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) as $site_id ) {
			switch_to_blog( (int) $site_id );
			$cleanup->on_deactivation();
			restore_current_blog();
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
