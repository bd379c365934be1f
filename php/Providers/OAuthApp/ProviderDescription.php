<?php
/**
 * What a provider tells the shared OAuth-app layer about itself.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

use CustomerCloudGallery\Providers\ProviderError;

/**
 * The admin's own OAuth app, its grant, refresh, connect and disconnect work
 * the same for every provider (this folder). What differs is small and
 * lives here: names and storage, the credentials' fields, the scopes it
 * needs, and what its errors mean.
 */
interface ProviderDescription {

	/** Stable id used in routes, option names and the redirect URI, e.g. "dropbox". */
	public function id(): string;

	/** Human name, e.g. "Dropbox". */
	public function label(): string;

	public function keys(): StorageKeys;

	public function credentials_form(): CredentialsForm;

	/**
	 * The connection's access type, from the app's stored settings (Dropbox:
	 * "full" or "app_folder"), or null for a provider without one.
	 *
	 * @param array<string, string> $settings
	 */
	public function access_type( array $settings ): ?string;

	/**
	 * Required scopes the grant lacks: absent from the token response's
	 * "scope" (when it had one), plus those API calls reported missing.
	 *
	 * @param list<string>|null $granted
	 * @param list<string>      $reported_missing
	 *
	 * @return list<string>
	 */
	public function missing_scopes( ?array $granted, array $reported_missing ): array;

	/** Whether the grant may read the account's name and email. */
	public function reads_account( TokenRecord $record ): bool;

	/** The provider's own error class, for a failure found outside a call. */
	public function error( string $kind, string $summary ): ProviderError;

	/** An API call refused the access token: refresh it once and retry. */
	public function needs_new_token( ProviderError $error ): bool;

	/** The provider refuses the grant itself (revoked, unlinked): nothing to retry or revoke. */
	public function grant_refused( ProviderError $error ): bool;

	/**
	 * The token endpoint refused the refresh token (invalid_grant): records
	 * why in $health and returns the error to throw.
	 */
	public function refresh_refused( TokenRecord $record, ProviderError $error, HealthStore $health ): ProviderError;

	/** Remembers what a failed call says about the grant (a missing scope…). */
	public function learn( ProviderError $error, HealthStore $health ): void;

	/** A call succeeded: forgets what that disproves. */
	public function answered( HealthStore $health ): void;
}
