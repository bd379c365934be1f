<?php
/**
 * POST and DELETE /connections/{provider}/credentials: the admin's own OAuth app.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\REST;

use CustomerCloudGallery\Capabilities;
use CustomerCloudGallery\Providers\OAuthApp\CredentialsUpdate;
use CustomerCloudGallery\Providers\OAuthApp\ProviderDescription;
use CustomerCloudGallery\Providers\Provider;
use CustomerCloudGallery\Providers\ProviderException;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * One route shape for every provider connected with an OAuth app; the
 * fields (Dropbox's appKey, appSecret and accessType; Google's clientId and
 * clientSecret) come from the provider's CredentialsForm. Write-only for the
 * secret: it is accepted here and never returned anywhere (the answer only
 * says whether one is stored).
 */
final class CredentialsController extends WP_REST_Controller {

	/**
	 * @param ProviderDescription $description Its credentials' fields (read when routes
	 *                                         register: their words are translated).
	 */
	public function __construct(
		private Provider $provider,
		private ProviderDescription $description,
		private CredentialsUpdate $update,
		private ConnectionPresenter $presenter
	) {
		$this->namespace = RestApi::NAMESPACE;
		$this->rest_base = 'connections/' . $provider->id() . '/credentials';
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
	 * Saving another client id forgets the grant made with the old one.
	 *
	 * @param WP_REST_Request $request Full details about the request.
	 */
	public function create_item( $request ): WP_REST_Response|WP_Error {
		$form     = $this->description->credentials_form();
		$settings = array();
		foreach ( $form->choices as $choice ) {
			$settings[ $choice->stored ] = (string) $request[ $choice->name ];
		}
		try {
			$this->update->apply( (string) $request[ $form->id->name ], (string) $request[ $form->secret->name ], $settings );
		} catch ( ProviderException $exception ) {
			return ProblemError::from( $exception );
		}
		return $this->prepare_item_for_response( $this->provider->connection(), $request );
	}

	/**
	 * Revokes the grant at the provider (best effort) and forgets it and the
	 * app credentials.
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
		return Permission::require(
			Capabilities::MANAGE_CONNECTIONS,
			sprintf(
				/* translators: %s: provider name, e.g. Dropbox. */
				__( 'Sorry, only site administrators can change the %s credentials.', 'customer-cloud-gallery' ),
				$this->provider->label()
			)
		);
	}

	/**
	 * @return array<string, array<string, mixed>>
	 */
	private function arguments(): array {
		$form      = $this->description->credentials_form();
		$arguments = array(
			$form->id->name     => CredentialArgument::id( $form->id->help, $form->id->max_length ),
			$form->secret->name => CredentialArgument::secret( $form->secret->help, $form->secret->max_length ),
		);
		foreach ( $form->choices as $choice ) {
			$arguments[ $choice->name ] = array(
				'description' => $choice->help,
				'type'        => 'string',
				'enum'        => array_map( 'strval', array_keys( $choice->options ) ),
				'required'    => true,
			);
		}
		return $arguments;
	}
}
