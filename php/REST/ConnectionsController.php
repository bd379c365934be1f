<?php
/**
 * GET /connections and GET /connections/{provider}.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\REST;

use CustomerCloudGallery\Capabilities;
use CustomerCloudGallery\Providers\Connection;
use CustomerCloudGallery\Providers\ProviderRegistry;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Readable by anyone who edits posts (the block's provider picker needs to
 * know what is connected); credentials only appear for administrators.
 */
final class ConnectionsController extends WP_REST_Controller {

	public function __construct( private ProviderRegistry $providers, private ConnectionPresenter $presenter ) {
		$this->namespace = RestApi::NAMESPACE;
		$this->rest_base = 'connections';
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
					'args'                => $this->get_collection_params(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/' . ProviderArgument::route_pattern( $this->providers ),
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array(
						'provider' => ProviderArgument::schema( $this->providers ),
						'context'  => $this->get_context_param( array( 'default' => 'view' ) ),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * @param WP_REST_Request $request Full details about the request.
	 */
	public function get_items_permissions_check( $request ): bool|WP_Error {
		return Permission::require( Capabilities::VIEW_CONNECTIONS, __( 'Sorry, you are not allowed to see the cloud connections.', 'customer-cloud-gallery' ) );
	}

	/**
	 * @param WP_REST_Request $request Full details about the request.
	 */
	public function get_item_permissions_check( $request ): bool|WP_Error {
		return $this->get_items_permissions_check( $request );
	}

	/**
	 * @param WP_REST_Request $request Full details about the request.
	 */
	public function get_items( $request ): WP_REST_Response {
		$items = array();
		foreach ( $this->providers->all() as $provider ) {
			$items[] = $this->prepare_response_for_collection( $this->prepare_item_for_response( $provider->connection(), $request ) );
		}
		return rest_ensure_response( $items );
	}

	/**
	 * @param WP_REST_Request $request Full details about the request.
	 */
	public function get_item( $request ): WP_REST_Response|WP_Error {
		$provider = $this->providers->get( (string) $request['provider'] );
		if ( null === $provider ) {
			return ProviderArgument::not_found();
		}
		return $this->prepare_item_for_response( $provider->connection(), $request );
	}

	/**
	 * @param Connection      $item    The connection to present.
	 * @param WP_REST_Request $request Full details about the request.
	 */
	public function prepare_item_for_response( $item, $request ): WP_REST_Response {
		$data = $this->presenter->present( $item, current_user_can( Capabilities::MANAGE_CONNECTIONS ) );
		return rest_ensure_response( $this->filter_response_by_context( $data, $request['context'] ?? 'view' ) );
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		if ( null === $this->schema ) {
			$this->schema = $this->presenter->schema();
		}
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * Only "context": there is one connection per provider, nothing to page.
	 *
	 * @return array<string, mixed>
	 */
	public function get_collection_params(): array {
		return array( 'context' => $this->get_context_param( array( 'default' => 'view' ) ) );
	}
}
