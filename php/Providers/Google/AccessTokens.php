<?php
/**
 * Hands out a usable access token, refreshing it at most once across all
 * PHP workers that need it at the same moment.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Cache\Locks;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * Google access tokens live an hour. One with less than five minutes left
 * is refreshed before use, and one Drive answers 401 for is refreshed once.
 * Refreshing happens under a lock: the process that takes it calls Google;
 * the others wait for the new token to appear in the database instead of
 * making token calls of their own.
 */
final class AccessTokens {

	public const REFRESH_MARGIN = 300;

	/**
	 * Grants of an app in "Testing" publishing status end 7 days after
	 * consent. An invalid_grant from a grant at least that old (less an
	 * hour of slack) and younger than two weeks is most likely that; an
	 * older one on an idle site is as likely to be a removed access.
	 */
	public const TESTING_LIFETIME = 7 * DAY_IN_SECONDS;

	private const TESTING_SLACK = HOUR_IN_SECONDS;

	private const TESTING_WINDOW = 14 * DAY_IN_SECONDS;

	private const LOCK_NAME    = 'google_token_refresh';
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
	 * @throws GoogleError      When there is no grant or it cannot be refreshed.
	 * @throws UnreadableSecret When the stored grant or secret cannot be decrypted.
	 */
	public function current(): TokenRecord {
		$record = $this->stored();
		if ( ! $record->expires_within( self::REFRESH_MARGIN, time() ) ) {
			return $record;
		}
		try {
			return $this->refresh( fn ( TokenRecord $latest ): bool => $latest->expires_within( self::REFRESH_MARGIN, time() ) );
		} catch ( GoogleError $error ) {
			// A network hiccup while the old token still works must not fail the call.
			if ( GoogleError::UNAVAILABLE === $error->kind && $record->expires_at > time() + 5 ) {
				return $record;
			}
			throw $error;
		}
	}

	/**
	 * Called after Drive answered 401 for $rejected.
	 *
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	public function replace( string $rejected ): TokenRecord {
		return $this->refresh( fn ( TokenRecord $latest ): bool => $latest->access_token === $rejected );
	}

	public static function looks_like_testing_expiry( TokenRecord $record, int $now ): bool {
		$age = $now - $record->connected_at;
		return $age >= self::TESTING_LIFETIME - self::TESTING_SLACK && $age < self::TESTING_WINDOW;
	}

	/**
	 * @param callable(TokenRecord): bool $still_needed Whether the latest stored record still needs a refresh.
	 *
	 * @throws GoogleError
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
				throw new GoogleError( GoogleError::UNAVAILABLE, 0, 'Timed out waiting for another request to refresh the Google token.' );
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
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	private function call_token_endpoint( TokenRecord $record ): TokenRecord {
		$credentials = $this->credentials->load();
		if ( null === $credentials ) {
			throw new GoogleError( GoogleError::NOT_CONNECTED, 0, 'No Google Client ID and secret are stored.' );
		}
		if ( null === $record->refresh_token ) {
			$this->health->mark_revoked();
			throw new GoogleError( GoogleError::INVALID_GRANT, 0, 'The grant has no refresh token.' );
		}
		try {
			$grant = $this->oauth->refresh( $credentials, $record->refresh_token );
		} catch ( GoogleError $error ) {
			if ( GoogleError::INVALID_GRANT !== $error->kind ) {
				throw $error;
			}
			if ( self::looks_like_testing_expiry( $record, time() ) ) {
				$this->health->mark_revoked( HealthStore::REFUSED_TESTING );
				throw new GoogleError( GoogleError::TESTING_EXPIRED, $error->http_status, $error->summary, $error->reason );
			}
			$this->health->mark_revoked();
			throw $error;
		}
		$refreshed = $record->refreshed( $grant, time() );
		$this->tokens->save( $refreshed );
		return $refreshed;
	}

	/**
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	private function stored( bool $fresh = false ): TokenRecord {
		$record = $this->tokens->load( $fresh );
		if ( null === $record ) {
			throw new GoogleError( GoogleError::NOT_CONNECTED, 0, 'Google Drive is not connected.' );
		}
		return $record;
	}
}
