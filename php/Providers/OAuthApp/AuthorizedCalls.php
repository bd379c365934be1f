<?php
/**
 * Runs API calls with a valid token, and learns from auth errors.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

use Closure;
use CustomerCloudGallery\Providers\ProviderError;
use CustomerCloudGallery\Storage\UnreadableSecret;

final class AuthorizedCalls {

	/**
	 * @param Closure(callable(): mixed): mixed|null $attempt Runs one attempt; a provider
	 *                                                      that backs off on rate limits
	 *                                                      wraps it (Google). Null runs it.
	 */
	public function __construct(
		private ProviderDescription $provider,
		private AccessTokens $tokens,
		private HealthStore $health,
		private ?Closure $attempt = null
	) {}

	/**
	 * When the provider refuses the access token, it is refreshed once and
	 * the call retried once: a refresh tells a revoked grant (invalid_grant)
	 * from a dead access token. What failures say about the grant (a missing
	 * scope…) is remembered for the connection status.
	 *
	 * @template T
	 *
	 * @param callable(string): T $request Receives the access token.
	 *
	 * @return T
	 *
	 * @throws ProviderError
	 * @throws UnreadableSecret
	 */
	public function call( callable $request ): mixed {
		$record = $this->tokens->current();
		try {
			return $this->observe( $request, $record->access_token );
		} catch ( ProviderError $error ) {
			if ( ! $this->provider->needs_new_token( $error ) ) {
				throw $error;
			}
		}
		$record = $this->tokens->replace( $record->access_token );
		try {
			return $this->observe( $request, $record->access_token );
		} catch ( ProviderError $error ) {
			if ( $this->provider->grant_refused( $error ) ) {
				$this->health->mark_revoked();
			}
			throw $error;
		}
	}

	/**
	 * Several requests sent together, on the rules of call(): when the
	 * provider refuses the access token, it is refreshed once (the same
	 * shared refresh) and only the refused requests are sent again. The
	 * provider's attempt wrapper (Google's backoff) sees the batch as one
	 * call: it waits once per round, and each round sends again only the
	 * requests that were rate limited or found the service unavailable.
	 *
	 * @template K of array-key
	 * @template T
	 *
	 * @param callable(string, list<K>): array<K, T|ProviderError> $requests Sends the requests of the
	 *                                                                     given keys with the access
	 *                                                                     token; a failure is its
	 *                                                                     key's entry, not thrown.
	 * @param list<K>                                              $keys
	 *
	 * @return array<K, T|ProviderError> Every key: its result, or the error it ended with.
	 *
	 * @throws ProviderError    A rate limit or outage the wrapper stopped retrying (or, without
	 *                          one, at once): the rest of the batch would meet it too.
	 * @throws UnreadableSecret
	 */
	public function call_each( callable $requests, array $keys ): array {
		if ( array() === $keys ) {
			return array();
		}
		$record  = $this->tokens->current();
		$results = $this->observe_each( $requests, $keys, $record->access_token );
		$refused = array();
		foreach ( $results as $key => $result ) {
			if ( $result instanceof ProviderError && $this->provider->needs_new_token( $result ) ) {
				$refused[] = $key;
			}
		}
		if ( array() === $refused ) {
			return $results;
		}
		$record = $this->tokens->replace( $record->access_token );
		foreach ( $this->observe_each( $requests, $refused, $record->access_token ) as $key => $result ) {
			if ( $result instanceof ProviderError && $this->provider->grant_refused( $result ) ) {
				$this->health->mark_revoked();
			}
			$results[ $key ] = $result;
		}
		return $results;
	}

	/**
	 * @template K of array-key
	 * @template T
	 *
	 * @param callable(string, list<K>): array<K, T|ProviderError> $requests
	 * @param list<K>                                              $keys
	 *
	 * @return array<K, T|ProviderError>
	 *
	 * @throws ProviderError
	 */
	private function observe_each( callable $requests, array $keys, string $access_token ): array {
		$results = array();
		$pending = $keys;
		$round   = static function () use ( $requests, $access_token, &$pending, &$results ): void {
			$again     = array();
			$transient = null;
			foreach ( $requests( $access_token, $pending ) as $key => $result ) {
				$results[ $key ] = $result;
				if ( $result instanceof ProviderError && in_array( $result->kind, array( ProviderError::RATE_LIMITED, ProviderError::UNAVAILABLE ), true ) ) {
					$again[]     = $key;
					$transient ??= $result;
				}
			}
			$pending = $again;
			if ( null !== $transient ) {
				throw $transient;
			}
		};
		try {
			null === $this->attempt ? $round() : ( $this->attempt )( $round );
		} catch ( ProviderError $error ) {
			$this->provider->learn( $error, $this->health );
			throw $error;
		}
		$answered = false;
		foreach ( $results as $result ) {
			if ( $result instanceof ProviderError ) {
				$this->provider->learn( $result, $this->health );
			} else {
				$answered = true;
			}
		}
		if ( $answered ) {
			$this->provider->answered( $this->health );
		}
		return $results;
	}

	/**
	 * @template T
	 *
	 * @param callable(string): T $request
	 *
	 * @return T
	 *
	 * @throws ProviderError
	 */
	private function observe( callable $request, string $access_token ): mixed {
		$once = static fn (): mixed => $request( $access_token );
		try {
			$result = null === $this->attempt ? $once() : ( $this->attempt )( $once );
		} catch ( ProviderError $error ) {
			$this->provider->learn( $error, $this->health );
			throw $error;
		}
		$this->provider->answered( $this->health );
		return $result;
	}
}
