<?php
/**
 * POST and DELETE /connections/google/credentials: the admin's Google OAuth client.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\REST;

use CustomerCloudGallery\Capabilities;
use CustomerCloudGallery\Providers\Google\CredentialsUpdate;
use CustomerCloudGallery\Providers\Google\GoogleProvider;
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
final class GoogleCredentialsController extends WP_REST_Controller {

	public function __construct(
		private GoogleProvider $provider,
		private CredentialsUpdate $update,
		private ConnectionPresenter $presenter
	) {
		$this->namespace = RestApi::NAMESPACE;
		$this->rest_base = 'connections/' . GoogleProvider::ID . '/credentials';
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
				array(
					'methods'             => WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete_item' ),
					'permission_callback' => array( $this, 'delete_item_permissions_check' ),
					'args'                => array(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * @param WP_REST_Request $request Full details about the request.
	 */
	public function create_item_permissions_check( $request ): bool|WP_Error {
		return $this->can_manage();
	}

	/**
	 * @param WP_REST_Request $request Full details about the request.
	 */
	public function delete_item_permissions_check( $request ): bool|WP_Error {
		return $this->can_manage();
	}

	/**
	 * Saving another Client ID forgets the grant made with the old one.
	 *
	 * @param WP_REST_Request $request Full details about the request.
	 */
	public function create_item( $request ): WP_REST_Response|WP_Error {
		try {
			$this->update->apply( (string) $request['clientId'], (string) $request['clientSecret'] );
		} catch ( ProviderException $exception ) {
			return ProblemError::from( $exception );
		}
		return $this->prepare_item_for_response( $this->provider->connection(), $request );
	}

	/**
	 * Revokes the grant at Google (best effort) and forgets it and the
	 * OAuth client.
	 *
	 * @param WP_REST_Request $request Full details about the request.
	 */
	public function delete_item( $request ): WP_REST_Response|WP_Error {
		$problem    = $this->update->remove();
		$connection = $this->provider->connection();
		return $this->prepare_item_for_response( null === $problem ? $connection : $connection->with_problem( $problem ), $request );
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

	private function can_manage(): bool|WP_Error {
		return Permission::require( Capabilities::MANAGE_CONNECTIONS, __( 'Sorry, only site administrators can change the Google Drive credentials.', 'customer-cloud-gallery' ) );
	}

	/**
	 * Client IDs end in ".apps.googleusercontent.com"; that is not enforced
	 * (CredentialArgument says why).
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private function arguments(): array {
		return array(
			'clientId'     => CredentialArgument::id( __( 'The Client ID of the OAuth client from the Google Cloud console (…apps.googleusercontent.com).', 'customer-cloud-gallery' ), 256 ),
			'clientSecret' => CredentialArgument::secret( __( 'The Client secret; empty keeps the stored one.', 'customer-cloud-gallery' ), 256 ),
		);
	}
}
