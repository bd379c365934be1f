<?php
/**
 * Google Drive as the shared OAuth-app layer sees it: names, storage,
 * fields, scopes, and what its errors mean.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Providers\OAuthApp\CredentialField;
use CustomerCloudGallery\Providers\OAuthApp\CredentialsForm;
use CustomerCloudGallery\Providers\OAuthApp\HealthStore;
use CustomerCloudGallery\Providers\OAuthApp\ProviderDescription;
use CustomerCloudGallery\Providers\OAuthApp\StorageKeys;
use CustomerCloudGallery\Providers\OAuthApp\TokenRecord;
use CustomerCloudGallery\Providers\ProviderError;
use CustomerCloudGallery\Storage\Keys;

final class GoogleDescription implements ProviderDescription {

	public const ID = 'google';

	/** Why a grant was refused: the 7-day end of a "Testing" app's grant. */
	public const REFUSED_TESTING = 'testing';

	/** Health flag: the Drive API is switched off in the admin's project. */
	public const FLAG_API_DISABLED = 'api_disabled';

	/** Health fact: the account's My Drive root id (each account has its own). */
	public const FACT_MY_DRIVE = 'my_drive';

	/**
	 * Grants of an app in "Testing" publishing status end 7 days after
	 * consent. An invalid_grant from a grant at least that old (less an
	 * hour of slack) and younger than two weeks is most likely that; an
	 * older one on an idle site is as likely to be a removed access.
	 */
	public const TESTING_LIFETIME = 7 * DAY_IN_SECONDS;

	private const TESTING_SLACK = HOUR_IN_SECONDS;

	private const TESTING_WINDOW = 14 * DAY_IN_SECONDS;

	public static function label_text(): string {
		return __( 'Google Drive', 'customer-cloud-gallery' );
	}

	/** The name galleries show for the account's own drive. */
	public static function my_drive_label(): string {
		return __( 'My Drive', 'customer-cloud-gallery' );
	}

	public static function looks_like_testing_expiry( TokenRecord $record, int $now ): bool {
		$age = $now - $record->connected_at;
		return $age >= self::TESTING_LIFETIME - self::TESTING_SLACK && $age < self::TESTING_WINDOW;
	}

	public function id(): string {
		return self::ID;
	}

	public function label(): string {
		return self::label_text();
	}

	public function keys(): StorageKeys {
		return new StorageKeys( Keys::GOOGLE_CREDENTIALS, Keys::GOOGLE_TOKEN, Keys::GOOGLE_HEALTH, 'google_token_refresh' );
	}

	/**
	 * Client IDs end in ".apps.googleusercontent.com"; that is not enforced
	 * (REST\CredentialArgument says why).
	 */
	public function credentials_form(): CredentialsForm {
		return new CredentialsForm(
			new CredentialField( 'clientId', 'client_id', CredentialField::KIND_ID, __( 'Client ID', 'customer-cloud-gallery' ), __( 'The Client ID of the OAuth client from the Google Cloud console (…apps.googleusercontent.com).', 'customer-cloud-gallery' ), 256 ),
			new CredentialField( 'clientSecret', 'client_secret', CredentialField::KIND_SECRET, __( 'Client secret', 'customer-cloud-gallery' ), __( 'The Client secret; empty keeps the stored one.', 'customer-cloud-gallery' ), 256 )
		);
	}

	public function access_type( array $settings ): ?string {
		return null;
	}

	public function missing_scopes( ?array $granted, array $reported_missing ): array {
		return Scopes::missing( $granted, $reported_missing );
	}

	/** about.get needs what galleries need: drive.readonly. */
	public function reads_account( TokenRecord $record ): bool {
		return array() === Scopes::missing( $record->scopes, array() );
	}

	public function error( string $kind, string $summary ): ProviderError {
		return new GoogleError( $kind, 0, $summary );
	}

	/** 401 authError/required: a refresh tells a revoked grant from a dead access token. */
	public function needs_new_token( ProviderError $error ): bool {
		return GoogleError::UNAUTHENTICATED === $error->kind;
	}

	/** The revoke endpoint answers 400 invalid_token for a token already revoked. */
	public function grant_refused( ProviderError $error ): bool {
		return ProviderError::INVALID_GRANT === $error->kind || ( $error instanceof GoogleError && 'invalid_token' === $error->reason );
	}

	public function refresh_refused( TokenRecord $record, ProviderError $error, HealthStore $health ): ProviderError {
		if ( self::looks_like_testing_expiry( $record, time() ) ) {
			$health->mark_revoked( self::REFUSED_TESTING );
			return new GoogleError( GoogleError::TESTING_EXPIRED, $error->http_status, $error->summary, $error instanceof GoogleError ? $error->reason : null );
		}
		$health->mark_revoked();
		return $error;
	}

	public function learn( ProviderError $error, HealthStore $health ): void {
		if ( GoogleError::INSUFFICIENT_SCOPE === $error->kind ) {
			$health->mark_missing_scope( Scopes::DRIVE_READONLY );
		} elseif ( GoogleError::API_DISABLED === $error->kind ) {
			$health->flag( self::FLAG_API_DISABLED );
		}
	}

	/** Google just answered a Drive call, so the API is on again. */
	public function answered( HealthStore $health ): void {
		$health->unflag( self::FLAG_API_DISABLED );
	}
}
