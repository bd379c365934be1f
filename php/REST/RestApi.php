<?php
/**
 * Registers the plugin's REST controllers under one namespace.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\REST;

use WP_REST_Controller;

final class RestApi {

	public const NAMESPACE = 'customer-cloud-gallery/v1';

	/**
	 * @param list<WP_REST_Controller> $controllers
	 */
	public function __construct( private array $controllers ) {}

	public function register(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	public function register_routes(): void {
		foreach ( $this->controllers as $controller ) {
			$controller->register_routes();
		}
	}
}
