<?php
/**
 * Runs Drive calls with a valid token, backs off when Google asks, and
 * learns from auth errors.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Storage\UnreadableSecret;

final class AuthorizedCalls {

	public function __construct( private AccessTokens $tokens, private HealthStore $health, private Backoff $backoff ) {}

	/**
	 * Rate limits and 5xx are retried with backoff (Backoff's budget caps
	 * the wait). On 401 the token is refreshed once and the call retried
	 * once: a refresh tells a revoked grant (invalid_grant) from a dead
	 * access token. A missing scope and a disabled Drive API are remembered
	 * for the connection status.
	 *
	 * @template T
	 *
	 * @param callable(string): T $request Receives the access token.
	 *
	 * @return T
	 *
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	public function call( callable $request ): mixed {
		$record = $this->tokens->current();
		try {
			return $this->observe( $request, $record->access_token );
		} catch ( GoogleError $error ) {
			if ( GoogleError::UNAUTHENTICATED !== $error->kind ) {
				throw $error;
			}
		}
		$record = $this->tokens->replace( $record->access_token );
		return $this->observe( $request, $record->access_token );
	}

	/**
	 * @template T
	 *
	 * @param callable(string): T $request
	 *
	 * @return T
	 *
	 * @throws GoogleError
	 */
	private function observe( callable $request, string $access_token ): mixed {
		try {
			$result = $this->backoff->run( static fn (): mixed => $request( $access_token ) );
		} catch ( GoogleError $error ) {
			if ( GoogleError::INSUFFICIENT_SCOPE === $error->kind ) {
				$this->health->mark_missing_scope( Scopes::DRIVE_READONLY );
			} elseif ( GoogleError::API_DISABLED === $error->kind ) {
				$this->health->mark_api_disabled();
			}
			throw $error;
		}
		$this->health->clear_api_disabled();
		return $result;
	}
}
