<?php
/**
 * The problems, in the provider's own words, that the shared layer reports.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

use CustomerCloudGallery\Providers\Problem;
use CustomerCloudGallery\Providers\ProviderError;

/**
 * Each provider's Diagnosis: the fixes name its console, its buttons and its
 * permissions, as the product's setup guides do.
 */
interface ProviderDiagnosis {

	public function not_configured(): Problem;

	/** Credentials are saved but no account is connected. */
	public function not_connected(): Problem;

	/** For failures while using a stored grant (refresh, API calls). */
	public function from_error( ProviderError $error ): Problem;

	public function credentials_unreadable( bool $secret_readable ): Problem;

	/**
	 * @param string $cause HealthStore::REFUSED_REVOKED or the provider's own.
	 */
	public function refused( string $cause ): Problem;

	/**
	 * @param list<string> $missing
	 */
	public function missing_scope( array $missing ): Problem;

	/** A problem the provider's health flags show, besides refusal and scopes. */
	public function flagged( HealthStore $health ): ?Problem;

	/**
	 * A note for a working connection (Dropbox: an App folder app sees only its folder).
	 *
	 * @param array<string, string> $settings
	 */
	public function note( array $settings ): ?Problem;

	public function from_exchange_error( ProviderError $error ): Problem;

	/** A grant the site cannot keep (Google: no refresh token), or null. */
	public function unusable_grant( TokenGrant $grant ): ?Problem;

	public function secret_required( bool $stored_but_unreadable ): Problem;

	/**
	 * Disconnected here, but revoking at the provider was not confirmed.
	 *
	 * @param bool $unreachable The provider could not be reached at all.
	 */
	public function revoke_unconfirmed( bool $unreachable ): Problem;
}
