<?php
/**
 * The JSON shape of a Connection, and its schema.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\REST;

use CustomerCloudGallery\Images\ThumbnailHealth;
use CustomerCloudGallery\Providers\Connection;
use CustomerCloudGallery\Providers\OAuthApp\CredentialField;
use CustomerCloudGallery\Providers\Problem;
use CustomerCloudGallery\Providers\ProviderRegistry;

/**
 * Shared by every route that answers with a Connection, so they all agree.
 * Credentials, the redirect URI, the account's name and email and the
 * scopes go to administrators only: an author needs to know whether a
 * provider works, not whose account it is. A connection
 * whose thumbnails fail is reported with that problem when it has no other:
 * listing folders is not enough to call it healthy.
 */
final class ConnectionPresenter {

	public function __construct( private ProviderRegistry $providers, private ThumbnailHealth $thumbnails ) {}

	/**
	 * @return array<string, mixed>
	 */
	public function present( Connection $connection, bool $can_manage ): array {
		$problem = $connection->problem ?? $this->thumbnails->problem( $connection );
		return array(
			'provider'         => $connection->provider,
			'label'            => $connection->label,
			'status'           => $connection->status,
			'canManage'        => $can_manage,
			'credentials'      => $can_manage ? $connection->credentials : null,
			'credentialFields' => $can_manage ? $connection->credential_fields : null,
			'redirectUri'      => $can_manage ? $connection->redirect_uri : null,
			'account'          => $can_manage ? $connection->account : null,
			'accessType'       => $connection->access_type,
			'grantedScopes'    => $can_manage ? $connection->granted_scopes : array(),
			'missingScopes'    => $can_manage ? $connection->missing_scopes : array(),
			'connectedAt'      => null === $connection->connected_at ? null : gmdate( 'c', $connection->connected_at ),
			'problem'          => null === $problem ? null : array(
				'code'    => $problem->code,
				'message' => $problem->message,
				'fix'     => $problem->fix,
				'action'  => $problem->action,
			),
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public function schema(): array {
		$string      = array( 'type' => 'string' );
		$access_type = array(
			'type' => array( 'string', 'null' ),
			'enum' => array( 'full', 'app_folder', null ),
		);
		$scopes      = array(
			'type'  => 'array',
			'items' => $string,
		);

		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'ccg-connection',
			'type'       => 'object',
			'properties' => self::read_only(
				array(
					'provider'      => array(
						'description' => __( 'Provider id.', 'customer-cloud-gallery' ),
						'type'        => 'string',
						'enum'        => $this->providers->ids(),
					),
					'label'         => array(
						'description' => __( 'Provider name.', 'customer-cloud-gallery' ),
						'type'        => 'string',
					),
					'status'        => array(
						'description' => __( 'Connection status.', 'customer-cloud-gallery' ),
						'type'        => 'string',
						'enum'        => array( Connection::STATUS_UNCONFIGURED, Connection::STATUS_READY, Connection::STATUS_CONNECTED, Connection::STATUS_NEEDS_ATTENTION ),
					),
					'canManage'     => array(
						'description' => __( 'Whether the current user may change this connection.', 'customer-cloud-gallery' ),
						'type'        => 'boolean',
					),
					'credentials'   => array(
						'description'          => __( 'Stored app credentials under the names of credentialFields, without the secret; administrators only.', 'customer-cloud-gallery' ),
						'type'                 => array( 'object', 'null' ),
						'properties'           => array(
							'secretStored' => array( 'type' => 'boolean' ),
						),
						'additionalProperties' => $string,
					),
					'credentialFields' => array(
						'description' => __( 'The fields of the provider\'s app credentials, in display order; administrators only.', 'customer-cloud-gallery' ),
						'type'        => array( 'array', 'null' ),
						'items'       => array(
							'type'       => 'object',
							'properties' => array(
								'name'    => $string,
								'label'   => $string,
								'kind'    => array(
									'type' => 'string',
									'enum' => array( CredentialField::KIND_ID, CredentialField::KIND_SECRET, CredentialField::KIND_CHOICE ),
								),
								'help'    => $string,
								'options' => array(
									'type'  => 'array',
									'items' => array(
										'type'       => 'object',
										'properties' => array(
											'value' => $string,
											'label' => $string,
										),
									),
								),
							),
						),
					),
					'redirectUri'   => array(
						'description' => __( 'The exact OAuth redirect URI to register; administrators only.', 'customer-cloud-gallery' ),
						'type'        => array( 'string', 'null' ),
						'format'      => 'uri',
					),
					'account'       => array(
						'description' => __( 'The connected account, or null when unknown; administrators only.', 'customer-cloud-gallery' ),
						'type'        => array( 'object', 'null' ),
						'properties'  => array(
							'name'  => $string,
							'email' => $string,
						),
					),
					'accessType'    => $access_type + array( 'description' => __( 'Access type of the connected app.', 'customer-cloud-gallery' ) ),
					'grantedScopes' => $scopes + array( 'description' => __( 'Permissions the grant carries.', 'customer-cloud-gallery' ) ),
					'missingScopes' => $scopes + array( 'description' => __( 'Required permissions the grant lacks.', 'customer-cloud-gallery' ) ),
					'connectedAt'   => array(
						'description' => __( 'When the account was connected (ISO 8601).', 'customer-cloud-gallery' ),
						'type'        => array( 'string', 'null' ),
						'format'      => 'date-time',
					),
					'problem'       => array(
						'description' => __( 'What needs attention, and how to fix it.', 'customer-cloud-gallery' ),
						'type'        => array( 'object', 'null' ),
						'properties'  => array(
							'code'    => $string,
							'message' => $string,
							'fix'     => $string,
							'action'  => array(
								'type' => array( 'string', 'null' ),
								'enum' => array( Problem::ACTION_RECONNECT, Problem::ACTION_CONNECT, Problem::ACTION_SAVE_CREDENTIALS, Problem::ACTION_RETRY, null ),
							),
						),
					),
				)
			),
		);
	}

	/**
	 * @param array<string, array<string, mixed>> $properties
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function read_only( array $properties ): array {
		foreach ( $properties as $name => $property ) {
			$properties[ $name ] = $property + array(
				'context'  => array( 'view', 'edit' ),
				'readonly' => true,
			);
		}
		return $properties;
	}
}
