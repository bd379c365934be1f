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
