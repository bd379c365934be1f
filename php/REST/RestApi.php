<?php
/**
 * Registers the plugin's REST controllers under one namespace.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\REST;

use Closure;
use WP_REST_Controller;

/**
 * The controllers (and the providers behind them) are built on
 * rest_api_init, so a page view that is no REST request builds none of them.
 */
final class RestApi {

	public const NAMESPACE = 'customer-cloud-gallery/v1';

	/**
	 * @param Closure(): list<WP_REST_Controller> $controllers
	 */
	public function __construct( private Closure $controllers ) {}

	public function register(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	public function register_routes(): void {
		foreach ( ( $this->controllers )() as $controller ) {
			$controller->register_routes();
		}
	}
}
