<?php
/**
 * Revokes the grant at the provider (best effort) and forgets it locally.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

use CustomerCloudGallery\Providers\Problem;
use CustomerCloudGallery\Providers\ProviderError;
use CustomerCloudGallery\Storage\UnreadableSecret;

final class Disconnection {

	public function __construct(
		private ProviderDescription $provider,
		private TokenStore $tokens,
		private HealthStore $health,
		private OAuthEndpoints $oauth,
		private AuthorizedCalls $calls,
		private ProviderDiagnosis $diagnosis
	) {}

	/**
	 * The local grant is deleted whatever the provider answers: the admin
	 * asked to disconnect, and a grant the provider already refuses needs no
	 * revoking.
	 *
	 * @return Problem|null Set when revoking at the provider could not be confirmed.
	 */
	public function run(): ?Problem {
		$problem = null;
		try {
			$record = $this->tokens->load();
			if ( null !== $record ) {
				$this->oauth->revoke( $record, $this->calls );
			}
		} catch ( ProviderError $error ) {
			$problem = $this->after_failed_revoke( $error );
		} catch ( UnreadableSecret ) {
			// Unreadable tokens cannot be sent anywhere; deleting them is all there is to do.
		}
		$this->tokens->delete();
		$this->health->clear();
		return $problem;
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
