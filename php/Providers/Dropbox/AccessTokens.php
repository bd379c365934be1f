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
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * Dropbox access tokens live four hours. A token with less than five minutes
 * left is refreshed before use (as Dropbox's own SDK does), and a token
 * Dropbox calls expired is refreshed once. Refreshing happens under a lock:
 * the process that takes it calls Dropbox; the others wait for the new token
 * to appear in the database instead of making token calls of their own.
 */
final class AccessTokens {

	public const REFRESH_MARGIN = 300;

	private const LOCK_NAME    = 'dropbox_token_refresh';
	private const LOCK_TTL     = 30;
	private const WAIT_SECONDS = 20;
	private const POLL_MICROS  = 200000;

	public function __construct(
		private TokenStore $tokens,
		private CredentialsStore $credentials,
		private OAuthClient $oauth,
		private HealthStore $health,
		private Locks $locks
	) {}

	/**
	 * @throws DropboxError      When there is no grant or it cannot be refreshed.
	 * @throws UnreadableSecret  When the stored grant or secret cannot be decrypted.
	 */
	public function current(): TokenRecord {
		$record = $this->stored();
		if ( ! $record->expires_within( self::REFRESH_MARGIN, time() ) ) {
			return $record;
		}
		try {
			return $this->refresh( fn ( TokenRecord $latest ): bool => $latest->expires_within( self::REFRESH_MARGIN, time() ) );
		} catch ( DropboxError $error ) {
			// A network hiccup while the old token still works must not fail the call.
			if ( DropboxError::UNAVAILABLE === $error->kind && $record->expires_at > time() + 5 ) {
				return $record;
			}
			throw $error;
		}
	}

	/**
	 * Called after Dropbox answered 401 expired_access_token for $rejected.
	 *
	 * @throws DropboxError
	 * @throws UnreadableSecret
	 */
	public function replace( string $rejected ): TokenRecord {
		return $this->refresh( fn ( TokenRecord $latest ): bool => $latest->access_token === $rejected );
	}

	/**
	 * @param callable(TokenRecord): bool $still_needed Whether the latest stored record still needs a refresh.
	 *
	 * @throws DropboxError
	 * @throws UnreadableSecret
	 */
	private function refresh( callable $still_needed ): TokenRecord {
		$lock     = $this->locks->create( self::LOCK_NAME, self::LOCK_TTL );
		$deadline = microtime( true ) + self::WAIT_SECONDS;

		while ( ! $lock->acquire() ) {
			// Another process is refreshing: wait for its token to land.
			usleep( self::POLL_MICROS );
			$latest = $this->stored( true );
			if ( ! $still_needed( $latest ) ) {
				return $latest;
			}
			if ( microtime( true ) > $deadline ) {
				throw new DropboxError( DropboxError::UNAVAILABLE, 0, 'Timed out waiting for another request to refresh the Dropbox token.' );
			}
		}

		try {
			// Re-read under the lock: the previous holder may have just refreshed.
			$latest = $this->stored( true );
			if ( ! $still_needed( $latest ) ) {
				return $latest;
			}
			return $this->call_token_endpoint( $latest );
		} finally {
			$lock->release();
		}
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
