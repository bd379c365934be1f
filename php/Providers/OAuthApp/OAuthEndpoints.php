<?php
/**
 * A provider's OAuth 2 endpoints, as the shared layer uses them.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

use CustomerCloudGallery\OAuth\TokenEndpoint;
use CustomerCloudGallery\Providers\ProviderError;

interface OAuthEndpoints {

	public function authorize_url( AppCredentials $credentials, string $redirect_uri, string $state, string $code_challenge ): string;

	/**
	 * Code exchange and refresh: the standard requests, answered in the
	 * provider's way (its grant lifetime, its error classes).
	 *
	 * @return TokenEndpoint<TokenGrant>
	 */
	public function token_endpoint(): TokenEndpoint;

	/**
	 * Gives a grant back: revoked at the provider, both tokens, whether or
	 * not it is the stored one (a replaced grant is revoked too).
	 *
	 * @param TokenRecord         $record      The grant.
	 * @param AppCredentials|null $credentials Its app, for a provider that needs a live access
	 *                                         token to revoke (refreshed first); null when unreadable.
	 *
	 * @throws ProviderError
	 */
	public function revoke_grant( TokenRecord $record, ?AppCredentials $credentials ): void;

	/**
	 * Whether a grant a reconnect replaced can be revoked without ending
	 * the new one: it depends on what the provider's revocation reaches.
	 */
	public function may_revoke_replaced( TokenRecord $replaced, TokenRecord $current ): bool;

	/**
	 * Revokes one token (Dropbox: an access token, which takes its refresh
	 * token along; Google: either).
	 *
	 * @throws ProviderError
	 */
	public function revoke_token( string $token ): void;
}
