<?php
/**
 * Runs Dropbox API calls with a valid token, and learns from auth errors.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

use CustomerCloudGallery\Storage\UnreadableSecret;

final class AuthorizedCalls {

	public function __construct( private AccessTokens $tokens, private HealthStore $health ) {}

	/**
	 * On 401 expired_access_token the token is refreshed once and the call
	 * retried once; invalid_access_token gets the same single chance, since a
	 * refresh tells a revoked grant (invalid_grant) from a dead access token.
	 * Missing scopes are remembered for the connection status.
	 *
	 * @template T
	 *
	 * @param callable(string): T $request Receives the access token.
	 *
	 * @return T
	 *
	 * @throws DropboxError
	 * @throws UnreadableSecret
	 */
	public function call( callable $request ): mixed {
		$record = $this->tokens->current();
		try {
			return $this->observe( $request, $record->access_token );
		} catch ( DropboxError $error ) {
			if ( DropboxError::EXPIRED !== $error->kind && DropboxError::INVALID_TOKEN !== $error->kind ) {
				throw $error;
			}
		}
		$record = $this->tokens->replace( $record->access_token );
		try {
			return $this->observe( $request, $record->access_token );
		} catch ( DropboxError $error ) {
			if ( DropboxError::INVALID_TOKEN === $error->kind ) {
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
	 * @throws DropboxError
	 */
	private function observe( callable $request, string $access_token ): mixed {
		try {
			return $request( $access_token );
		} catch ( DropboxError $error ) {
			if ( DropboxError::MISSING_SCOPE === $error->kind && null !== $error->required_scope ) {
				$this->health->mark_missing_scope( $error->required_scope );
			}
			throw $error;
		}
	}
}
