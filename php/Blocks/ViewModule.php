<?php
/**
 * The gallery's front-end script module (lightbox, Load more in place).
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Blocks;

use CustomerCloudGallery\Rendering\GalleryView;

/**
 * Registered on every request, enqueued only by a gallery that needs it, so a
 * gallery with the lightbox off and a single page costs visitors no
 * JavaScript (block.json's viewScriptModule would load it for every gallery).
 */
final class ViewModule {

	public const ID = '@customer-cloud-gallery/gallery-view';

	public function __construct( private string $plugin_file ) {}

	public function register(): void {
		add_action( 'init', array( $this, 'register_module' ) );
	}

	public function register_module(): void {
		$asset_file = dirname( $this->plugin_file ) . '/build/gallery/view.asset.php';
		if ( ! is_readable( $asset_file ) ) {
			return;
		}
		$asset = require $asset_file;
		wp_register_script_module(
			self::ID,
			plugins_url( 'build/gallery/view.js', $this->plugin_file ),
			is_array( $asset ) ? ( $asset['dependencies'] ?? array() ) : array(),
			is_array( $asset ) ? ( $asset['version'] ?? false ) : false
		);
	}

	public function enqueue_for( GalleryView $view ): void {
		if ( $view->is_interactive() ) {
			wp_enqueue_script_module( self::ID );
		}
	}
}
