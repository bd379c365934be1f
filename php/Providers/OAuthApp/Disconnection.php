<?php
/**
 * Revokes the grant at the provider (best effort) and forgets it locally.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

use CustomerCloudGallery\Gallery\ProviderPurge;
use CustomerCloudGallery\Providers\Problem;
use CustomerCloudGallery\Providers\ProviderError;
use CustomerCloudGallery\Storage\UnreadableSecret;

final class Disconnection {

	public function __construct(
		private ProviderDescription $provider,
		private CredentialsStore $credentials,
		private TokenStore $tokens,
		private HealthStore $health,
		private OAuthEndpoints $oauth,
		private GrantLock $lock,
		private ProviderDiagnosis $diagnosis
	) {}

	/**
	 * The local grant is deleted whatever the provider answers: the admin
	 * asked to disconnect, and a grant the provider already refuses needs no
	 * revoking. Under the grant lock, so a refresh under way cannot save the
	 * grant back afterwards.
	 *
	 * @return Problem|null Set when revoking at the provider could not be confirmed.
	 */
	public function run(): ?Problem {
		return $this->lock->hold(
			function (): ?Problem {
				$problem = null;
				try {
					$record = $this->tokens->load( true );
					if ( null !== $record ) {
						$this->revoke( $record );
					}
				} catch ( ProviderError $error ) {
					$problem = $this->after_failed_revoke( $error );
				} catch ( UnreadableSecret ) {
					// Unreadable tokens cannot be sent anywhere; deleting them is all there is to do.
				}
				$this->tokens->delete();
				$this->health->clear();
				/**
				 * The provider's grant is gone from this site: Gallery\ProviderPurge
				 * deletes its listings, media info and thumbnails.
				 *
				 * @param string $provider The provider's id.
				 */
				do_action( ProviderPurge::DISCONNECTED_HOOK, $this->provider->id() );
				return $problem;
			}
		);
	}

	/**
	 * @throws ProviderError
	 */
	private function revoke( TokenRecord $record ): void {
		try {
			$credentials = $this->credentials->load();
		} catch ( UnreadableSecret ) {
			$credentials = null;
		}
		$this->oauth->revoke_grant( $record, $credentials );
	}

	/**
	 * Null when the provider already refuses the grant: then there is
	 * nothing left to revoke. Otherwise the admin learns it may still be live.
	 */
	private function after_failed_revoke( ProviderError $error ): ?Problem {
		if ( ProviderError::NOT_CONNECTED === $error->kind || $this->provider->grant_refused( $error ) ) {
			return null;
		}
		return $this->diagnosis->revoke_unconfirmed( in_array( $error->kind, array( ProviderError::UNAVAILABLE, ProviderError::RATE_LIMITED ), true ) );
	}
}
