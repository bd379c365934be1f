<?php
/**
 * A cloud storage service the site connects to with the admin's own OAuth app.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers;

/**
 * Dropbox implements it now, Google Drive later. The OAuth dance around it
 * (state, PKCE, the callback) is provider-neutral and lives in OAuth\; a
 * provider only builds its authorize URL and redeems the code.
 *
 * Folder browsing and thumbnails arrive with later issues as further methods
 * taking a provider-neutral path or id and returning value objects (a page of
 * entries with a cursor; image bytes with their type), reusing the same
 * authorized-call and error-diagnosis machinery as test().
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
}
