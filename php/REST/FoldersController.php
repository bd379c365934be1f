<?php
/**
 * GET /folders: one folder of the tree, inside the gallery root.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\REST;

use CustomerCloudGallery\Capabilities;
use CustomerCloudGallery\Gallery\FolderBrowser;
use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Gallery\Sources;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Anyone who edits posts may browse inside the gallery root the
 * administrator chose for the provider; without one, only administrators
 * browse (the whole account), and everyone else gets a 403 that says whom
 * to ask. scope=all (the Settings screen choosing that root) is for
 * administrators.
 */
final class FoldersController extends WP_REST_Controller {

	public function __construct( private FolderBrowser $browser, private Sources $sources ) {
		$this->namespace = RestApi::NAMESPACE;
		$this->rest_base = 'folders';
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
	}

	/**
	 * @param WP_REST_Request $request Full details about the request.
	 */
	public function get_items_permissions_check( $request ): bool|WP_Error {
		if ( 'all' === $request['scope'] ) {
			return Permission::require( Capabilities::MANAGE_CONNECTIONS, __( 'Sorry, only site administrators can browse outside the gallery folder.', 'customer-cloud-gallery' ) );
		}
		return Permission::require( Capabilities::VIEW_CONNECTIONS, __( 'Sorry, you are not allowed to browse cloud folders.', 'customer-cloud-gallery' ) );
	}

	/**
	 * @param WP_REST_Request $request Full details about the request.
	 */
	public function get_items( $request ): WP_REST_Response|WP_Error {
		try {
			$body = $this->browser->browse(
				(string) $request['provider'],
				(string) $request['folder'],
				'all' === $request['scope'],
				current_user_can( Capabilities::MANAGE_CONNECTIONS )
			);
		} catch ( GalleryException $exception ) {
			return GalleryError::from( $exception );
		}
		return rest_ensure_response( $body );
	}

	/**
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params(): array {
		return array(
			'provider' => array(
				'description' => __( 'Cloud provider id.', 'customer-cloud-gallery' ),
				'type'        => 'string',
				'enum'        => $this->sources->ids(),
				'default'     => 'dropbox',
			),
			'folder'   => array(
				'description'       => __( 'The folder: "" for the root, or the provider\'s folder id (Dropbox "id:…", a Drive file id).', 'customer-cloud-gallery' ),
				'type'              => 'string',
				'default'           => '',
				'validate_callback' => array( $this, 'validate_folder' ),
			),
			'scope'    => array(
				'description' => __( '"all" browses from the top of the account, ignoring the gallery root (administrators only).', 'customer-cloud-gallery' ),
				'type'        => 'string',
				'enum'        => array( 'root', 'all' ),
				'default'     => 'root',
			),
		);
	}

	/**
	 * A folder reference of the shape the requested provider issues.
	 *
	 * @param mixed           $value
	 * @param WP_REST_Request $request
	 */
	public function validate_folder( $value, $request ): bool|WP_Error {
		$source = $this->sources->get( (string) $request['provider'] );
		if ( ! is_string( $value ) || null === $source || ! $source->accepts_reference( $value ) ) {
			return new WP_Error( 'rest_invalid_param', __( 'That is not a folder reference of this provider.', 'customer-cloud-gallery' ), array( 'status' => 400 ) );
		}
		return true;
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		if ( null !== $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$folder       = self::folder_schema();
		$this->schema = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'ccg-folder-listing',
			'type'       => 'object',
			'properties' => ConnectionPresenter::read_only(
				array(
					'provider'       => array(
						'type' => 'string',
						'enum' => $this->sources->ids(),
					),
					'root'           => $folder + array( 'description' => __( 'The folder browsing starts from.', 'customer-cloud-gallery' ) ),
					'folder'         => $folder + array( 'description' => __( 'The folder listed.', 'customer-cloud-gallery' ) ),
					'breadcrumb'     => array(
						'description' => __( 'From the root to this folder, inclusive.', 'customer-cloud-gallery' ),
						'type'        => 'array',
						'items'       => $folder,
					),
					'folders'        => array(
						'description' => __( 'Immediate subfolders, in natural name order.', 'customer-cloud-gallery' ),
						'type'        => 'array',
						'items'       => $folder,
					),
					'photoCount'     => array(
						'description' => __( 'Photos directly inside that can be shown (so far, while the folder is still being listed).', 'customer-cloud-gallery' ),
						'type'        => 'integer',
					),
					'otherFileCount' => array(
						'description' => __( 'Other files directly inside (not shown).', 'customer-cloud-gallery' ),
						'type'        => 'integer',
					),
					'complete'       => array(
						'description' => __( 'False while the folder is still being listed in the background: the counts are then lower bounds, never final.', 'customer-cloud-gallery' ),
						'type'        => 'boolean',
					),
				)
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * @return array<string, mixed>
	 */
	public static function folder_schema(): array {
		return array(
			'type'       => 'object',
			'properties' => array(
				'id'   => array( 'type' => 'string' ),
				'name' => array( 'type' => 'string' ),
				'path' => array( 'type' => 'string' ),
			),
		);
	}
}
