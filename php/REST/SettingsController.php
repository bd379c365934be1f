<?php
/**
 * GET and POST /settings: the gallery root.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\REST;

use CustomerCloudGallery\Capabilities;
use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Gallery\GalleryRoot;
use CustomerCloudGallery\Gallery\Sources;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Administrators only. A new root is looked up at the provider first, so only an
 * existing folder is stored, with its current path.
 */
final class SettingsController extends WP_REST_Controller {

	public function __construct( private GalleryRoot $roots, private Sources $sources ) {
		$this->namespace = RestApi::NAMESPACE;
		$this->rest_base = 'settings';
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'update_item_permissions_check' ),
					'args'                => $this->get_endpoint_args_for_item_schema( WP_REST_Server::CREATABLE ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * @param WP_REST_Request $request Full details about the request.
	 */
	public function get_item_permissions_check( $request ): bool|WP_Error {
		return Permission::require( Capabilities::MANAGE_CONNECTIONS, __( 'Sorry, only site administrators can change the gallery settings.', 'customer-cloud-gallery' ) );
	}

	/**
	 * @param WP_REST_Request $request Full details about the request.
	 */
	public function update_item_permissions_check( $request ): bool|WP_Error {
		return $this->get_item_permissions_check( $request );
	}

	/**
	 * @param WP_REST_Request $request Full details about the request.
	 */
	public function get_item( $request ): WP_REST_Response {
		return rest_ensure_response( $this->present() );
	}

	/**
	 * @param WP_REST_Request $request Full details about the request.
	 */
	public function update_item( $request ): WP_REST_Response|WP_Error {
		$roots = $request['galleryRoot'];
		if ( ! is_array( $roots ) || array() === array_intersect( array_keys( $roots ), $this->sources->ids() ) ) {
			return new WP_Error( 'ccg_invalid_settings', __( 'Say which folder galleries come from, per provider, or null for the whole account.', 'customer-cloud-gallery' ), array( 'status' => 400 ) );
		}
		// Resolve every choice before storing any, so one bad folder changes nothing.
		$chosen = array();
		foreach ( $this->sources->ids() as $provider ) {
			if ( ! array_key_exists( $provider, $roots ) ) {
				continue;
			}
			$choice = $roots[ $provider ];
			$ref    = is_array( $choice ) ? ( '' !== (string) ( $choice['id'] ?? '' ) ? (string) $choice['id'] : (string) ( $choice['path'] ?? '' ) ) : '';
			if ( '' === $ref || '/' === $ref ) {
				$chosen[ $provider ] = null;
				continue;
			}
			try {
				$chosen[ $provider ] = $this->sources->require( $provider )->folder( $ref );
			} catch ( GalleryException $exception ) {
				return GalleryError::from( $exception );
			}
		}
		foreach ( $chosen as $provider => $folder ) {
			$this->roots->set( $provider, $folder );
		}
		return rest_ensure_response( $this->present() );
	}

	/**
	 * @return array{galleryRoot: array<string, array{id: string, path: string}|null>}
	 */
	private function present(): array {
		$roots = array();
		foreach ( $this->sources->ids() as $provider ) {
			$root               = $this->roots->get( $provider );
			$roots[ $provider ] = null === $root ? null : array(
				'id'   => $root->id,
				'path' => $root->path,
			);
		}
		return array( 'galleryRoot' => $roots );
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		if ( null === $this->schema ) {
			$root         = array(
				'type'       => array( 'object', 'null' ),
				'properties' => array(
					'id'   => array(
						'type'      => 'string',
						'maxLength' => 200,
					),
					'path' => array( 'type' => 'string' ),
				),
			);
			$this->schema = array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'ccg-settings',
				'type'       => 'object',
				'properties' => array(
					'galleryRoot' => array(
						'description' => __( 'The folder galleries come from, per provider; null for the whole account (for Dropbox, the whole Dropbox or App folder).', 'customer-cloud-gallery' ),
						'type'        => 'object',
						'context'     => array( 'view', 'edit' ),
						'required'    => true,
						'properties'  => array_fill_keys( $this->sources->ids(), $root ),
					),
				),
			);
		}
		return $this->add_additional_fields_schema( $this->schema );
	}
}
