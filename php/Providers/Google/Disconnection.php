<?php
/**
 * Revokes the Google grant (best effort) and forgets it locally.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Providers\Problem;
use CustomerCloudGallery\Storage\UnreadableSecret;

final class Disconnection {

	public function __construct(
		private TokenStore $tokens,
		private HealthStore $health,
		private OAuthClient $oauth
	) {}

	/**
	 * Revokes the refresh token (which takes its access tokens with it);
	 * the local grant is deleted whatever Google answers: the admin asked to
	 * disconnect, and a grant Google already refuses needs no revoking.
	 *
	 * @return Problem|null Set when revoking at Google could not be confirmed.
	 */
	public function run(): ?Problem {
		$problem = null;
		try {
			$record = $this->tokens->load();
			if ( null !== $record ) {
				$this->oauth->revoke( $record->refresh_token ?? $record->access_token );
			}
		} catch ( GoogleError $error ) {
			$problem = $this->after_failed_revoke( $error );
		} catch ( UnreadableSecret ) {
			// Unreadable tokens cannot be sent to Google; deleting them is all there is to do.
		}
		$this->tokens->delete();
		$this->health->clear();
		return $problem;
	}

	/**
	 * Null when Google already refuses the token (400 invalid_token or
	 * invalid_grant): then there is nothing left to revoke. Otherwise the
	 * admin learns the grant may still be live.
	 */
	private function after_failed_revoke( GoogleError $error ): ?Problem {
		if ( in_array( $error->kind, array( GoogleError::INVALID_GRANT, GoogleError::NOT_CONNECTED ), true ) || 'invalid_token' === $error->reason ) {
			return null;
		}
		$fix = __( 'Nothing of the connection is left on this site. To be sure, remove the app’s access at myaccount.google.com/permissions.', 'customer-cloud-gallery' );
		if ( in_array( $error->kind, array( GoogleError::UNAVAILABLE, GoogleError::RATE_LIMITED ), true ) ) {
			return new Problem( 'unreachable', __( 'Disconnected on this site, but Google could not be reached to revoke the access.', 'customer-cloud-gallery' ), $fix );
		}
		return new Problem( 'revoke_unconfirmed', __( 'Disconnected on this site, but Google did not confirm that it revoked the access.', 'customer-cloud-gallery' ), $fix );
	}
}
