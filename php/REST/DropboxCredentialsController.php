<?php
/**
 * POST /connections/dropbox/credentials: the admin's Dropbox app.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\REST;

use CustomerCloudGallery\Capabilities;
use CustomerCloudGallery\Providers\Dropbox\Credentials;
use CustomerCloudGallery\Providers\Dropbox\CredentialsUpdate;
use CustomerCloudGallery\Providers\Dropbox\DropboxProvider;
use CustomerCloudGallery\Providers\ProviderException;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Write-only for the secret: it is accepted here and never returned
 * anywhere (the answer only says whether one is stored).
 */
final class DropboxCredentialsController extends WP_REST_Controller {

	public function __construct(
		private DropboxProvider $provider,
		private CredentialsUpdate $update,
		private ConnectionPresenter $presenter
	) {
		$this->namespace = RestApi::NAMESPACE;
		$this->rest_base = 'connections/' . DropboxProvider::ID . '/credentials';
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => $this->arguments(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * @param WP_REST_Request $request Full details about the request.
	 */
	public function create_item_permissions_check( $request ): bool|WP_Error {
		return Permission::require( Capabilities::MANAGE_CONNECTIONS, __( 'Sorry, only site administrators can change the Dropbox credentials.', 'customer-cloud-gallery' ) );
	}

	/**
	 * @param WP_REST_Request $request Full details about the request.
	 */
	public function create_item( $request ): WP_REST_Response|WP_Error {
		try {
			$this->update->apply( (string) $request['appKey'], (string) $request['appSecret'], (string) $request['accessType'] );
		} catch ( ProviderException $exception ) {
			return ProblemError::from( $exception );
		}
		return $this->prepare_item_for_response( $this->provider->connection(), $request );
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
	 * @return array<string, array<string, mixed>>
	 */
	private function arguments(): array {
		return array(
			'appKey'     => CredentialArgument::id( __( 'The App key from the Dropbox App Console.', 'customer-cloud-gallery' ), 128 ),
			'appSecret'  => CredentialArgument::secret( __( 'The App secret; empty keeps the stored one.', 'customer-cloud-gallery' ), 128 ),
			'accessType' => array(
				'description' => __( 'The access type chosen when the app was created.', 'customer-cloud-gallery' ),
				'type'        => 'string',
				'enum'        => Credentials::ACCESS_TYPES,
				'required'    => true,
			),
		);
	}
}
