<?php
/**
 * Builds the Google consent URL and redeems the code it returns.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Providers\ProviderException;
use CustomerCloudGallery\Storage\UnreadableSecret;

final class Authorization {

	public function __construct(
		private CredentialsStore $credentials,
		private TokenStore $tokens,
		private HealthStore $health,
		private OAuthClient $oauth,
		private ApiClient $api,
		private Diagnosis $diagnosis
	) {}

	/**
	 * @throws ProviderException When no readable credentials are stored.
	 */
	public function url( string $state, string $code_challenge, string $redirect_uri ): string {
		return $this->oauth->authorize_url( $this->readable_credentials()->client_id, $redirect_uri, $state, $code_challenge );
	}

	/**
	 * Stores the new grant with its account. A grant without drive.readonly
	 * is stored too: the connection status then says which box to tick.
	 *
	 * @throws ProviderException When Google refuses, cannot be reached, or
	 *                           grants no refresh token.
	 */
	public function complete( string $code, string $code_verifier, string $redirect_uri ): void {
		$credentials = $this->readable_credentials();
		try {
			$grant = $this->oauth->exchange_code( $credentials, $code, $code_verifier, $redirect_uri );
		} catch ( GoogleError $error ) {
			throw new ProviderException( $this->diagnosis->from_exchange_error( $error ), 502 );
		}

		if ( null === $grant->refresh_token ) {
			// Useless after an hour: give the access back rather than keep it.
			$this->revoke_quietly( $grant->access_token );
			throw new ProviderException( $this->diagnosis->no_refresh_token(), 502 );
		}

		$record  = TokenRecord::from_grant( $grant, time() );
		$refusal = null;
		if ( array() === Scopes::missing( $record->scopes, array() ) ) {
			try {
				$record = $record->with_account( $this->api->about( $record->access_token ) );
			} catch ( GoogleError $error ) {
				// The account is a nicety; what the failure says is not.
				$refusal = $error->kind;
			}
		}
		$this->tokens->save( $record );
		$this->health->clear();
		if ( GoogleError::API_DISABLED === $refusal ) {
			$this->health->mark_api_disabled();
		} elseif ( GoogleError::INSUFFICIENT_SCOPE === $refusal ) {
			$this->health->mark_missing_scope( Scopes::DRIVE_READONLY );
		}
	}

	/**
	 * @throws ProviderException
	 */
	private function readable_credentials(): Credentials {
		try {
			$credentials = $this->credentials->load();
		} catch ( UnreadableSecret ) {
			throw new ProviderException( $this->diagnosis->credentials_unreadable( false ), 409 );
		}
		if ( null === $credentials ) {
			throw new ProviderException( $this->diagnosis->not_configured(), 409 );
		}
		return $credentials;
	}

	private function revoke_quietly( string $access_token ): void {
		try {
			$this->oauth->revoke( $access_token );
		} catch ( GoogleError ) {
			// Best effort: the token expires within the hour anyway.
		}
	}
}
