<?php
/**
 * Builds the provider's consent URL and redeems the code it returns.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

use CustomerCloudGallery\Providers\ProviderError;
use CustomerCloudGallery\Providers\ProviderException;
use CustomerCloudGallery\Storage\UnreadableSecret;

final class Authorization {

	public function __construct(
		private ProviderDescription $provider,
		private CredentialsStore $credentials,
		private TokenStore $tokens,
		private HealthStore $health,
		private OAuthEndpoints $oauth,
		private AccountLookup $accounts,
		private ProviderDiagnosis $diagnosis,
		private GrantLock $lock
	) {}

	/**
	 * @throws ProviderException When no readable credentials are stored.
	 */
	public function url( string $state, string $code_challenge, string $redirect_uri ): string {
		return $this->oauth->authorize_url( $this->readable_credentials(), $redirect_uri, $state, $code_challenge );
	}

	/**
	 * Stores the new grant with its account. A grant without a required
	 * scope is stored too: the connection status then says which permission
	 * to add. Under the grant lock, so a refresh under way cannot save the
	 * replaced grant back afterwards. The grant it replaces is revoked at the
	 * provider afterwards, best effort, where that cannot end the new one
	 * (OAuthEndpoints::may_revoke_replaced).
	 *
	 * @throws ProviderException When the provider refuses, cannot be reached,
	 *                           or grants what the site cannot keep.
	 */
	public function complete( string $code, string $code_verifier, string $redirect_uri ): void {
		$credentials = $this->readable_credentials();
		try {
			$grant = $this->oauth->token_endpoint()->exchange_code( $credentials, $code, $code_verifier, $redirect_uri );
		} catch ( ProviderError $error ) {
			throw new ProviderException( $this->diagnosis->from_exchange_error( $error ), 502 );
		}

		$unusable = $this->diagnosis->unusable_grant( $grant );
		if ( null !== $unusable ) {
			$this->revoke_quietly( $grant->access_token );
			throw new ProviderException( $unusable, 502 );
		}

		$record  = TokenRecord::from_grant( $grant, time() );
		$refusal = null;
		if ( $this->provider->reads_account( $record ) ) {
			try {
				$record = $record->with_account( $this->accounts->account( $record->access_token ) );
			} catch ( ProviderError $error ) {
				// The account is a nicety: it shows as unknown. What the failure says is not.
				$refusal = $error;
			}
		}
		$replaced = $this->lock->hold(
			function () use ( $record, $refusal ): ?TokenRecord {
				$replaced = $this->stored();
				$this->tokens->save( $record );
				$this->health->clear();
				if ( null !== $refusal ) {
					$this->provider->learn( $refusal, $this->health );
				}
				return $replaced;
			}
		);
		if ( null !== $replaced && ! $replaced->same_grant( $record ) && $this->oauth->may_revoke_replaced( $replaced, $record ) ) {
			try {
				$this->oauth->revoke_grant( $replaced, $credentials );
			} catch ( ProviderError ) {
				// Best effort: the new grant is stored; the old one may still expire on its own.
			}
		}
	}

	private function stored(): ?TokenRecord {
		try {
			return $this->tokens->load( true );
		} catch ( UnreadableSecret ) {
			return null;
		}
	}

	/**
	 * Gives the access back rather than keep what the site cannot use; best
	 * effort, since the access token expires soon anyway.
	 */
	private function revoke_quietly( string $access_token ): void {
		try {
			$this->oauth->revoke_token( $access_token );
		} catch ( ProviderError ) {
			// Nothing more to do.
		}
	}

	/**
	 * @throws ProviderException
	 */
	private function readable_credentials(): AppCredentials {
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
}
