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
use CustomerCloudGallery\OAuth\TokenRefresh;
use CustomerCloudGallery\Storage\UnreadableSecret;
use Throwable;

/**
 * Google access tokens live an hour; OAuth\TokenRefresh decides when to
 * refresh and makes concurrent requests share one refresh. What is Google's
 * own: the lock, the token call, and what a refused refresh token means (a
 * revocation, or the 7-day end of a Testing app's grant).
 */
final class AccessTokens {

	/**
	 * Grants of an app in "Testing" publishing status end 7 days after
	 * consent. An invalid_grant from a grant at least that old (less an
	 * hour of slack) and younger than two weeks is most likely that; an
	 * older one on an idle site is as likely to be a removed access.
	 */
	public const TESTING_LIFETIME = 7 * DAY_IN_SECONDS;

	private const TESTING_SLACK = HOUR_IN_SECONDS;

	private const TESTING_WINDOW = 14 * DAY_IN_SECONDS;

	private const LOCK_NAME = 'google_token_refresh';

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
			static fn ( Throwable $error ): bool => $error instanceof GoogleError && GoogleError::UNAVAILABLE === $error->kind,
			static fn (): GoogleError => new GoogleError( GoogleError::UNAVAILABLE, 0, 'Timed out waiting for another request to refresh the Google token.' )
		);
	}

	/**
	 * @throws GoogleError      When there is no grant or it cannot be refreshed.
	 * @throws UnreadableSecret When the stored grant or secret cannot be decrypted.
	 */
	public function current(): TokenRecord {
		return $this->refresh->current();
	}

	/**
	 * Called after Drive answered 401 for $rejected.
	 *
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	public function replace( string $rejected ): TokenRecord {
		return $this->refresh->replace( $rejected );
	}

	public static function looks_like_testing_expiry( TokenRecord $record, int $now ): bool {
		$age = $now - $record->connected_at;
		return $age >= self::TESTING_LIFETIME - self::TESTING_SLACK && $age < self::TESTING_WINDOW;
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
