<?php
/**
 * POST /connections/{provider}/authorize, /disconnect and /test.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\REST;

use CustomerCloudGallery\Capabilities;
use CustomerCloudGallery\OAuth\AuthorizationStart;
use CustomerCloudGallery\Providers\Provider;
use CustomerCloudGallery\Providers\ProviderException;
use CustomerCloudGallery\Providers\ProviderRegistry;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Administrators only. Each route answers with its own schema: the consent
 * URL, the connection, or the test result.
 */
final class ConnectionActionsController extends WP_REST_Controller {

	public function __construct(
		private ProviderRegistry $providers,
		private ConnectionPresenter $presenter,
		private AuthorizationStart $authorization
	) {
		$this->namespace = RestApi::NAMESPACE;
		$this->rest_base = 'connections';
	}

	public function register_routes(): void {
		$base = '/' . $this->rest_base . '/' . ProviderArgument::route_pattern( $this->providers );
		$args = array( 'provider' => ProviderArgument::schema( $this->providers ) );

		$routes = array(
			'/authorize'  => array( array( $this, 'authorize' ), array( $this, 'get_authorize_schema' ) ),
			'/disconnect' => array( array( $this, 'disconnect' ), array( $this, 'get_public_item_schema' ) ),
			'/test'       => array( array( $this, 'test' ), array( $this, 'get_test_schema' ) ),
		);
		foreach ( $routes as $path => list( $callback, $schema ) ) {
			register_rest_route(
				$this->namespace,
				$base . $path,
				array(
					array(
						'methods'             => WP_REST_Server::CREATABLE,
						'callback'            => $callback,
						'permission_callback' => array( $this, 'manage_permissions_check' ),
						'args'                => $args,
					),
					'schema' => $schema,
				)
			);
		}
	}

	public function manage_permissions_check(): bool|WP_Error {
		return Permission::require( Capabilities::MANAGE_CONNECTIONS, __( 'Sorry, only site administrators can change cloud connections.', 'customer-cloud-gallery' ) );
	}

	public function authorize( WP_REST_Request $request ): WP_REST_Response|WP_Error {
		return $this->with_provider(
			$request,
			fn ( Provider $provider ): WP_REST_Response => rest_ensure_response(
				array( 'authorizeUrl' => $this->authorization->begin( $provider, get_current_user_id() ) )
			)
		);
	}

	public function disconnect( WP_REST_Request $request ): WP_REST_Response|WP_Error {
		return $this->with_provider(
			$request,
			fn ( Provider $provider ): WP_REST_Response => $this->prepare_item_for_response( $provider->disconnect(), $request )
		);
	}

	/**
	 * A failed test is a normal answer (ok: false, with the diagnosis), not
	 * an HTTP error: the request itself succeeded.
	 */
	public function test( WP_REST_Request $request ): WP_REST_Response|WP_Error {
		return $this->with_provider(
			$request,
			function ( Provider $provider ): WP_REST_Response {
				$result = $provider->test();
				return rest_ensure_response(
					array(
						'ok'             => $result->ok,
						'message'        => $result->message,
						'connection'     => $this->presenter->present( $result->connection, true ),
						'visibleFolders' => $result->visible_folders,
					)
				);
			}
		);
	}

	/**
	 * @param mixed           $item    The connection to present.
	 * @param WP_REST_Request $request Full details about the request.
	 */
	public function prepare_item_for_response( $item, $request ): WP_REST_Response {
		return rest_ensure_response( $this->presenter->present( $item, true ) );
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
	 * @return array<string, mixed>
	 */
	public function get_authorize_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'ccg-authorization',
			'type'       => 'object',
			'properties' => ConnectionPresenter::read_only(
				array(
					'authorizeUrl' => array(
						'description' => __( 'Where to send the administrator to approve access.', 'customer-cloud-gallery' ),
						'type'        => 'string',
						'format'      => 'uri',
					),
				)
			),
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_test_schema(): array {
		$connection = $this->presenter->schema();
		unset( $connection['$schema'], $connection['title'] );
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'ccg-connection-test',
			'type'       => 'object',
			'properties' => ConnectionPresenter::read_only(
				array(
					'ok'             => array(
						'description' => __( 'Whether the provider answered and everything needed is granted.', 'customer-cloud-gallery' ),
						'type'        => 'boolean',
					),
					'message'        => array(
						'description' => __( 'What the test found, in plain words.', 'customer-cloud-gallery' ),
						'type'        => 'string',
					),
					'connection'     => $connection,
					'visibleFolders' => array(
						'description' => __( 'Top-level folders the connection can see.', 'customer-cloud-gallery' ),
						'type'        => 'array',
						'items'       => array( 'type' => 'string' ),
					),
				)
			),
		);
	}

	/**
	 * @param callable(Provider): WP_REST_Response $action
	 */
	private function with_provider( WP_REST_Request $request, callable $action ): WP_REST_Response|WP_Error {
		$provider = $this->providers->get( (string) $request['provider'] );
		if ( null === $provider ) {
			return ProviderArgument::not_found();
		}
		try {
			return $action( $provider );
		} catch ( ProviderException $exception ) {
			return ProblemError::from( $exception );
		}
	}
}
