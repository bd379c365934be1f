<?php
/**
 * Example Cloud as the shared OAuth-app layer sees it.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\ExampleProvider;

use CustomerCloudGallery\Providers\OAuthApp\CredentialField;
use CustomerCloudGallery\Providers\OAuthApp\CredentialsForm;
use CustomerCloudGallery\Providers\OAuthApp\HealthStore;
use CustomerCloudGallery\Providers\OAuthApp\ProviderDescription;
use CustomerCloudGallery\Providers\OAuthApp\StorageKeys;
use CustomerCloudGallery\Providers\OAuthApp\TokenRecord;
use CustomerCloudGallery\Providers\ProviderError;

final class ExampleDescription implements ProviderDescription {

	public const ID = 'example';

	public const LABEL = 'Example Cloud';

	public function id(): string {
		return self::ID;
	}

	public function label(): string {
		return self::LABEL;
	}

	public function keys(): StorageKeys {
		return new StorageKeys( 'ccg_example_credentials', 'ccg_example_token', 'ccg_example_health', 'example_token_refresh' );
	}

	public function credentials_form(): CredentialsForm {
		return new CredentialsForm(
			new CredentialField( 'clientId', 'client_id', CredentialField::KIND_ID, 'Client ID', 'The Client ID of your Example Cloud app.' ),
			new CredentialField( 'clientSecret', 'client_secret', CredentialField::KIND_SECRET, 'Client secret', 'The Client secret; empty keeps the stored one.' )
		);
	}

	public function access_type( array $settings ): ?string {
		return null;
	}

	public function missing_scopes( ?array $granted, array $reported_missing ): array {
		return null !== $granted && ! in_array( 'folders.read', $granted, true ) ? array( 'folders.read' ) : array();
	}

	public function reads_account( TokenRecord $record ): bool {
		return true;
	}

	public function error( string $kind, string $summary ): ProviderError {
		return new ExampleError( $kind, 0, $summary );
	}

	public function needs_new_token( ProviderError $error ): bool {
		return false;
	}

	public function grant_refused( ProviderError $error ): bool {
		return ProviderError::INVALID_GRANT === $error->kind;
	}

	public function refresh_refused( TokenRecord $record, ProviderError $error, HealthStore $health ): ProviderError {
		$health->mark_revoked();
		return $error;
	}

	public function learn( ProviderError $error, HealthStore $health ): void {}

	public function answered( HealthStore $health ): void {}
}
