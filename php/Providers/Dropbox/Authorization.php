<?php
/**
 * Builds the Dropbox consent URL and redeems the code it returns.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

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
		return $this->oauth->authorize_url( $this->readable_credentials()->app_key, $redirect_uri, $state, $code_challenge );
	}

	/**
	 * Stores the new grant with its account; granted scopes are checked by
	 * the connection status built from it.
	 *
	 * @throws ProviderException When Dropbox refuses or cannot be reached.
	 */
	public function complete( string $code, string $code_verifier, string $redirect_uri ): void {
		$credentials = $this->readable_credentials();
		try {
			$grant = $this->oauth->exchange_code( $credentials, $code, $code_verifier, $redirect_uri );
		} catch ( DropboxError $error ) {
			throw new ProviderException( $this->diagnosis->from_exchange_error( $error ), 502 );
		}

		$record = TokenRecord::from_grant( $grant, time() );
		if ( false !== $record->has_scope( Scopes::ACCOUNT_INFO ) ) {
			$record = $this->with_account( $record );
		}
		$this->tokens->save( $record );
		$this->health->clear();
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

	/**
	 * The account is a nicety: when the lookup fails it shows as unknown and
	 * the grant is stored all the same.
	 */
	private function with_account( TokenRecord $record ): TokenRecord {
		try {
			return $record->with_account( $this->api->get_current_account( $record->access_token ) );
		} catch ( DropboxError ) {
			return $record;
		}
	}
}
