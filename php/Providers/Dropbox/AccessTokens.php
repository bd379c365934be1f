<?php
/**
 * Hands out a usable access token, refreshing it at most once across all
 * PHP workers that need it at the same moment.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

use CustomerCloudGallery\Cache\Locks;
use CustomerCloudGallery\OAuth\TokenRefresh;
use CustomerCloudGallery\Storage\UnreadableSecret;
use Throwable;

/**
 * Dropbox access tokens live four hours; OAuth\TokenRefresh decides when to
 * refresh and makes concurrent requests share one refresh. What is Dropbox's
 * own: the lock, the token call, and that a refused refresh token means the
 * grant was revoked.
 */
final class AccessTokens {

	private const LOCK_NAME = 'dropbox_token_refresh';

	/** @var TokenRefresh<TokenRecord> */
	private TokenRefresh $refresh;

	public function __construct(
		private TokenStore $tokens,
		private CredentialsStore $credentials,
		private OAuthClient $oauth,
		private HealthStore $health,
		Locks $locks
	) {
		$this->refresh = new TokenRefresh(
			$locks,
			self::LOCK_NAME,
			$this->stored( ... ),
			$this->call_token_endpoint( ... ),
			static fn ( Throwable $error ): bool => $error instanceof DropboxError && DropboxError::UNAVAILABLE === $error->kind,
			static fn (): DropboxError => new DropboxError( DropboxError::UNAVAILABLE, 0, 'Timed out waiting for another request to refresh the Dropbox token.' )
		);
	}

	/**
	 * @throws DropboxError      When there is no grant or it cannot be refreshed.
	 * @throws UnreadableSecret  When the stored grant or secret cannot be decrypted.
	 */
	public function current(): TokenRecord {
		return $this->refresh->current();
	}

	/**
	 * Called after Dropbox answered 401 expired_access_token for $rejected.
	 *
	 * @throws DropboxError
	 * @throws UnreadableSecret
	 */
	public function replace( string $rejected ): TokenRecord {
		return $this->refresh->replace( $rejected );
	}

	/**
	 * @throws DropboxError
	 * @throws UnreadableSecret
	 */
	private function call_token_endpoint( TokenRecord $record ): TokenRecord {
		$credentials = $this->credentials->load();
		if ( null === $credentials ) {
			throw new DropboxError( DropboxError::NOT_CONNECTED, 0, 'No Dropbox App key and secret are stored.' );
		}
		if ( null === $record->refresh_token ) {
			$this->health->mark_revoked();
			throw new DropboxError( DropboxError::INVALID_GRANT, 0, 'The grant has no refresh token.' );
		}
		try {
			$grant = $this->oauth->refresh( $credentials, $record->refresh_token );
		} catch ( DropboxError $error ) {
			if ( DropboxError::INVALID_GRANT === $error->kind ) {
				$this->health->mark_revoked();
			}
			throw $error;
		}
		$refreshed = $record->refreshed( $grant, time() );
		$this->tokens->save( $refreshed );
		return $refreshed;
	}

	/**
	 * @throws DropboxError
	 * @throws UnreadableSecret
	 */
	private function stored( bool $fresh = false ): TokenRecord {
		$record = $this->tokens->load( $fresh );
		if ( null === $record ) {
			throw new DropboxError( DropboxError::NOT_CONNECTED, 0, 'Dropbox is not connected.' );
		}
		return $record;
	}
}
