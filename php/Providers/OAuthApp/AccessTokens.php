<?php
/**
 * Hands out a usable access token, refreshing it at most once across all
 * PHP workers that need it at the same moment.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

use CustomerCloudGallery\Cache\Locks;
use CustomerCloudGallery\OAuth\TokenRefresh;
use CustomerCloudGallery\Providers\ProviderError;
use CustomerCloudGallery\Storage\UnreadableSecret;
use Throwable;

/**
 * OAuth\TokenRefresh decides when to refresh and makes concurrent requests
 * share one refresh. What is the provider's own comes from its description:
 * the lock, and what a refused refresh token means (Dropbox: revoked;
 * Google: revoked, or the 7-day end of a Testing app's grant).
 */
final class AccessTokens {

	/** @var TokenRefresh<TokenRecord> */
	private TokenRefresh $refresh;

	public function __construct(
		private ProviderDescription $provider,
		private TokenStore $tokens,
		private CredentialsStore $credentials,
		private OAuthEndpoints $oauth,
		private HealthStore $health,
		Locks $locks
	) {
		$this->refresh = new TokenRefresh(
			$locks,
			$provider->keys()->refresh_lock,
			$this->stored( ... ),
			$this->call_token_endpoint( ... ),
			static fn ( Throwable $error ): bool => $error instanceof ProviderError && ProviderError::UNAVAILABLE === $error->kind,
			fn (): ProviderError => $provider->error( ProviderError::UNAVAILABLE, sprintf( 'Timed out waiting for another request to refresh the %s token.', $provider->label() ) )
		);
	}

	/**
	 * @throws ProviderError    When there is no grant or it cannot be refreshed.
	 * @throws UnreadableSecret When the stored grant or secret cannot be decrypted.
	 */
	public function current(): TokenRecord {
		return $this->refresh->current();
	}

	/**
	 * Called after the provider refused $rejected.
	 *
	 * @throws ProviderError
	 * @throws UnreadableSecret
	 */
	public function replace( string $rejected ): TokenRecord {
		return $this->refresh->replace( $rejected );
	}

	/**
	 * @throws ProviderError
	 * @throws UnreadableSecret
	 */
	private function call_token_endpoint( TokenRecord $record ): TokenRecord {
		$credentials = $this->credentials->load();
		if ( null === $credentials ) {
			throw $this->provider->error( ProviderError::NOT_CONNECTED, sprintf( 'No %s app credentials are stored.', $this->provider->label() ) );
		}
		if ( null === $record->refresh_token ) {
			$this->health->mark_revoked();
			throw $this->provider->error( ProviderError::INVALID_GRANT, 'The grant has no refresh token.' );
		}
		try {
			$grant = $this->oauth->token_endpoint()->refresh( $credentials, $record->refresh_token );
		} catch ( ProviderError $error ) {
			if ( ProviderError::INVALID_GRANT !== $error->kind ) {
				throw $error;
			}
			throw $this->provider->refresh_refused( $record, $error, $this->health );
		}
		// Save only onto the grant it came from: a Disconnect or Reconnect
		// that went ahead while the token call ran must not be undone.
		$stored = $this->tokens->load( true );
		if ( null === $stored ) {
			throw $this->provider->error( ProviderError::NOT_CONNECTED, sprintf( '%s was disconnected during a token refresh.', $this->provider->label() ) );
		}
		if ( ! $stored->same_grant( $record ) ) {
			return $stored;
		}
		$refreshed = $record->refreshed( $grant, time() );
		$this->tokens->save( $refreshed );
		return $refreshed;
	}

	/**
	 * @throws ProviderError
	 * @throws UnreadableSecret
	 */
	private function stored( bool $fresh = false ): TokenRecord {
		$record = $this->tokens->load( $fresh );
		if ( null === $record ) {
			throw $this->provider->error( ProviderError::NOT_CONNECTED, sprintf( '%s is not connected.', $this->provider->label() ) );
		}
		return $record;
	}
}
