<?php
/**
 * Truncated exponential backoff with jitter, within a time budget.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

/**
 * Google asks clients to retry rate limits and 5xx after 2^n seconds plus
 * jitter. A web request cannot wait the 32–64 s Google's own clients allow,
 * so this waits about 0.5, 1 and 2 s (each plus up to half again at random,
 * each capped) and never more than BUDGET seconds in all, counted over the
 * whole PHP request (one instance per request): a page view that needs
 * several calls while Google is throttling still waits at most that long.
 * Then the error goes up, and callers serve what is cached or ask to come
 * back later.
 */
final class Backoff {

	/** Base wait before each retry; their count is the number of retries. */
	private const BASE_SECONDS = array( 0.5, 1.0, 2.0 );

	/** No single wait is longer. */
	private const MAX_WAIT = 2.5;

	/** No request waits longer in all. */
	public const BUDGET = 5.0;

	/** @var callable(float): void */
	private $sleep;

	/** @var callable(): float */
	private $random;

	/** Seconds this request has already waited. */
	private float $spent = 0.0;

	/**
	 * @param (callable(float): void)|null $sleep  Waits that many seconds (tests pass a recorder).
	 * @param (callable(): float)|null     $random A number in [0, 1] for the jitter.
	 */
	public function __construct( ?callable $sleep = null, ?callable $random = null, private float $budget = self::BUDGET ) {
		$this->sleep  = $sleep ?? static function ( float $seconds ): void {
			usleep( (int) round( $seconds * 1000000 ) );
		};
		$this->random = $random ?? static fn (): float => random_int( 0, 1000 ) / 1000;
	}

	/**
	 * @template T
	 *
	 * @param callable(): T $attempt
	 *
	 * @return T
	 *
	 * @throws GoogleError The last error, once retrying stops.
	 */
	public function run( callable $attempt ): mixed {
		$retry = 0;
		while ( true ) {
			try {
				return $attempt();
			} catch ( GoogleError $error ) {
				if ( ! $error->is_retryable() || $retry >= count( self::BASE_SECONDS ) ) {
					throw $error;
				}
				$wait = $this->wait( $retry, $error );
				if ( $this->spent + $wait > $this->budget ) {
					throw $error;
				}
				( $this->sleep )( $wait );
				$this->spent += $wait;
				++$retry;
			}
		}
	}

	private function wait( int $retry, GoogleError $error ): float {
		$base = self::BASE_SECONDS[ $retry ];
		$wait = min( self::MAX_WAIT, $base + $base / 2 * max( 0.0, min( 1.0, ( $this->random )() ) ) );
		// A Retry-After longer than the budget ends the retries at once.
		return null !== $error->retry_after ? max( $wait, (float) $error->retry_after ) : $wait;
	}
}
