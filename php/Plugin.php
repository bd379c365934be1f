<?php
/**
 * Composition root: builds the plugin's services once and lets each hook itself in.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery;

use CustomerCloudGallery\Blocks\GalleryBlock;

final class Plugin {

	private static ?Plugin $instance = null;

	/**
	 * @param list<object> $services Services that expose a register() method.
	 */
	private function __construct( private array $services ) {}

	public static function boot(): void {
		if ( null !== self::$instance ) {
			return;
		}
		self::$instance = new self( self::services() );
		foreach ( self::$instance->services as $service ) {
			$service->register();
		}
	}

	/**
	 * @return list<object>
	 */
	private static function services(): array {
		return array(
			new GalleryBlock( dirname( PLUGIN_FILE ) ),
		);
	}
}
