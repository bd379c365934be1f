<?php
/**
 * Hands out a usable access token, refreshing it at most once across all
 * PHP workers that need it at the same moment.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\OAuth;

use Closure;
use CustomerCloudGallery\Cache\Locks;
use Throwable;

/**
 * The refresh policy both providers follow; each provider's AccessTokens
 * supplies what differs (where its grant is stored, how its token endpoint
 * is called and what a refusal means, its error types).
 *
 * A token with less than REFRESH_MARGIN seconds left is refreshed before
 * use (as Dropbox's and Google's own SDKs do), and a token the provider
 * refused is refreshed once. Refreshing happens under a lock: the process
 * that takes it calls the token endpoint; the others wait for the new token
 * to appear in the database instead of making token calls of their own, so
 * a page with many thumbnails does not burn through the token endpoint's
 * rate limit or race two refreshes against each other.
 *
 * The records are the providers' own TokenRecord classes: both carry the
 * public access_token and expires_at properties and expires_within() used
 * here.
 *
 * @template T of object
 */
final class TokenRefresh {

	public const REFRESH_MARGIN = 300;

	/** A refresh that takes longer than a token call's timeout has died. */
	private const LOCK_TTL = 30;

	/** How long a stored token that can no longer be refreshed stays worth using. */
	private const GRACE_SECONDS = 5;

	private const POLL_MICROS = 200000;

	/**
	 * @param string                   $lock_name    One per provider: their refreshes are independent.
	 * @param Closure(bool): T          $load         The stored record; true reads past this request's
	 *                                                cached copy. Throws the provider's "not connected"
	 *                                                error when nothing is stored.
	 * @param Closure(T): T             $renew        Calls the token endpoint with the record's refresh
	 *                                                token, stores the new record and returns it.
	 * @param Closure(Throwable): bool $unreachable  Whether a failed renewal only means the provider
	 *                                                could not be reached (a still-valid token serves).
	 * @param Closure(): Throwable      $timed_out    The provider's error for giving up on another
	 *                                                process's refresh.
	 * @param float                    $wait_seconds How long to wait for that other process.
	 */
	public function __construct(
		private Locks $locks,
		private string $lock_name,
		private Closure $load,
		private Closure $renew,
		private Closure $unreachable,
		private Closure $timed_out,
		private float $wait_seconds = 20.0
	) {}

	/**
	 * The stored record, refreshed first when it is about to expire.
	 *
	 * @return T
	 *
	 * @throws Throwable The provider's errors, and UnreadableSecret.
	 */
	public function current(): object {
		$record = ( $this->load )( false );
		if ( ! $record->expires_within( self::REFRESH_MARGIN, time() ) ) {
			return $record;
		}
		try {
			return $this->refresh( static fn ( object $latest ): bool => $latest->expires_within( self::REFRESH_MARGIN, time() ) );
		} catch ( Throwable $error ) {
			// A network hiccup while the old token still works must not fail the call.
			if ( ( $this->unreachable )( $error ) && $record->expires_at > time() + self::GRACE_SECONDS ) {
				return $record;
			}
			throw $error;
		}
	}

	/**
	 * A new record after the provider refused $rejected, unless another
	 * process has already replaced it.
	 *
	 * @return T
	 *
	 * @throws Throwable The provider's errors, and UnreadableSecret.
	 */
	public function replace( string $rejected ): object {
		return $this->refresh( static fn ( object $latest ): bool => $latest->access_token === $rejected );
	}

	/**
	 * @param callable(T): bool $still_needed Whether the latest stored record still needs a refresh.
	 *
	 * @return T
	 *
	 * @throws Throwable
	 */
	private function refresh( callable $still_needed ): object {
		$lock     = $this->locks->create( $this->lock_name, self::LOCK_TTL );
		$deadline = microtime( true ) + $this->wait_seconds;

		while ( ! $lock->acquire() ) {
			// Another process is refreshing: wait for its token to land.
			usleep( self::POLL_MICROS );
			$latest = ( $this->load )( true );
			if ( ! $still_needed( $latest ) ) {
				return $latest;
			}
			if ( microtime( true ) > $deadline ) {
				throw ( $this->timed_out )();
			}
		}

		try {
			// Re-read under the lock: the previous holder may have just refreshed.
			$latest = ( $this->load )( true );
			if ( ! $still_needed( $latest ) ) {
				return $latest;
			}
			return ( $this->renew )( $latest );
		} finally {
			$lock->release();
		}
	}
}
