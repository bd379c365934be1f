<?php
/**
 * Dropbox as the shared OAuth-app layer sees it: names, storage, fields,
 * scopes, and what its errors mean.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

use CustomerCloudGallery\Providers\OAuthApp\CredentialField;
use CustomerCloudGallery\Providers\OAuthApp\CredentialsForm;
use CustomerCloudGallery\Providers\OAuthApp\HealthStore;
use CustomerCloudGallery\Providers\OAuthApp\ProviderDescription;
use CustomerCloudGallery\Providers\OAuthApp\StorageKeys;
use CustomerCloudGallery\Providers\OAuthApp\TokenRecord;
use CustomerCloudGallery\Providers\ProviderError;
use CustomerCloudGallery\Storage\Keys;

final class DropboxDescription implements ProviderDescription {

	public const ID = 'dropbox';

	public const ACCESS_FULL       = 'full';
	public const ACCESS_APP_FOLDER = 'app_folder';

	/** The stored name of the app's access type: the admin chooses it, Dropbox never reports it. */
	public const ACCESS_TYPE = 'access_type';

	public static function label_text(): string {
		return __( 'Dropbox', 'customer-cloud-gallery' );
	}

	public function id(): string {
		return self::ID;
	}

	public function label(): string {
		return self::label_text();
	}

	public function keys(): StorageKeys {
		return new StorageKeys( Keys::DROPBOX_CREDENTIALS, Keys::DROPBOX_TOKEN, Keys::DROPBOX_HEALTH, 'dropbox_token_refresh' );
	}

	public function credentials_form(): CredentialsForm {
		return new CredentialsForm(
			new CredentialField( 'appKey', 'app_key', CredentialField::KIND_ID, __( 'App key', 'customer-cloud-gallery' ), __( 'The App key from the Dropbox App Console.', 'customer-cloud-gallery' ) ),
			new CredentialField( 'appSecret', 'app_secret', CredentialField::KIND_SECRET, __( 'App secret', 'customer-cloud-gallery' ), __( 'The App secret; empty keeps the stored one.', 'customer-cloud-gallery' ) ),
			array(
				new CredentialField(
					'accessType',
					self::ACCESS_TYPE,
					CredentialField::KIND_CHOICE,
					__( 'Access type', 'customer-cloud-gallery' ),
					__( 'The access type chosen when the app was created.', 'customer-cloud-gallery' ),
					0,
					array(
						self::ACCESS_FULL       => __( 'Full Dropbox', 'customer-cloud-gallery' ),
						self::ACCESS_APP_FOLDER => __( 'App folder', 'customer-cloud-gallery' ),
					)
				),
			)
		);
	}

	public function access_type( array $settings ): ?string {
		return $settings[ self::ACCESS_TYPE ] ?? self::ACCESS_FULL;
	}

	public function missing_scopes( ?array $granted, array $reported_missing ): array {
		return Scopes::missing( $granted, $reported_missing );
	}

	/** Without account_info.read the account shows as unknown. */
	public function reads_account( TokenRecord $record ): bool {
		return false !== $record->has_scope( Scopes::ACCOUNT_INFO );
	}

	public function error( string $kind, string $summary ): ProviderError {
		return new DropboxError( $kind, 0, $summary );
	}

	/**
	 * 401 expired_access_token; invalid_access_token gets the same single
	 * chance, since a refresh tells a revoked grant (invalid_grant) from a
	 * dead access token.
	 */
	public function needs_new_token( ProviderError $error ): bool {
		return in_array( $error->kind, array( DropboxError::EXPIRED, DropboxError::INVALID_TOKEN ), true );
	}

	public function grant_refused( ProviderError $error ): bool {
		return in_array( $error->kind, array( DropboxError::INVALID_TOKEN, ProviderError::INVALID_GRANT ), true );
	}

	public function refresh_refused( TokenRecord $record, ProviderError $error, HealthStore $health ): ProviderError {
		$health->mark_revoked();
		return $error;
	}

	public function learn( ProviderError $error, HealthStore $health ): void {
		if ( $error instanceof DropboxError && DropboxError::MISSING_SCOPE === $error->kind && null !== $error->required_scope ) {
			$health->mark_missing_scope( $error->required_scope );
		}
	}

	public function answered( HealthStore $health ): void {
		// Nothing Dropbox flags is disproved by one working call.
	}
}
