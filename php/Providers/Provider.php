<?php
/**
 * A cloud storage service the site connects to with the admin's own OAuth app.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers;

/**
 * The connection side of a provider; galleries use its Gallery\Source. The
 * OAuth dance around it (state, PKCE, the callback) is provider-neutral and
 * lives in OAuth\; providers connected with the admin's own OAuth app
 * (Dropbox, Google Drive) share OAuthApp\OAuthAppProvider and differ only in
 * their OAuthApp\ProviderDescription, diagnosis, endpoints and test.
 */
interface Provider {

	/** Stable id used in routes, option names and the redirect URI, e.g. "dropbox". */
	public function id(): string;

	/** Human name, e.g. "Dropbox". */
	public function label(): string;

	/** What is stored and whether it works, without calling the provider. */
	public function connection(): Connection;

	/**
	 * Where to send the admin to grant access.
	 *
	 * @throws ProviderException When credentials are missing or unreadable.
	 */
	public function authorization_url( string $state, string $code_challenge, string $redirect_uri ): string;

	/**
	 * Redeems the authorization code, stores the grant and returns the result.
	 *
	 * @throws ProviderException When the provider refuses or cannot be reached.
	 */
	public function complete_authorization( string $code, string $code_verifier, string $redirect_uri ): Connection;

	/**
	 * Revokes the grant at the provider (best effort) and forgets it locally.
	 * A problem on the returned connection says if revoking was not confirmed.
	 */
	public function disconnect(): Connection;

	/** Calls the provider with the stored grant and reports what it sees. */
	public function test(): TestResult;

	/**
	 * Since when the provider refuses the stored grant (revoked there, not by
	 * Disconnect); null while it works. Galleries keep serving from the cache
	 * for a grace period after it (Gallery\GrantGrace).
	 */
	public function refused_since(): ?int;
}
