<?php
/**
 * Revokes the Dropbox grant (best effort) and forgets it locally.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

use CustomerCloudGallery\Providers\Problem;
use CustomerCloudGallery\Storage\UnreadableSecret;

final class Disconnection {

	public function __construct(
		private TokenStore $tokens,
		private HealthStore $health,
		private OAuthClient $oauth,
		private AuthorizedCalls $calls
	) {}

	/**
	 * The local grant is deleted whatever Dropbox answers: the admin asked to
	 * disconnect, and a grant Dropbox already refuses needs no revoking.
	 *
	 * @return Problem|null Set when revoking at Dropbox could not be confirmed.
	 */
	public function run(): ?Problem {
		$problem = null;
		try {
			if ( null !== $this->tokens->load() ) {
				$this->calls->call( fn ( string $access_token ) => $this->oauth->revoke( $access_token ) );
			}
		} catch ( DropboxError $error ) {
			$problem = $this->after_failed_revoke( $error );
		} catch ( UnreadableSecret ) {
			// Unreadable tokens cannot be sent to Dropbox; deleting them is all there is to do.
		}
		$this->tokens->delete();
		$this->health->clear();
		return $problem;
	}

	/**
	 * Null when Dropbox already refuses the grant: then there is nothing left
	 * to revoke. Otherwise the admin learns the grant may still be live.
	 */
	private function after_failed_revoke( DropboxError $error ): ?Problem {
		if ( in_array( $error->kind, array( DropboxError::INVALID_GRANT, DropboxError::INVALID_TOKEN, DropboxError::NOT_CONNECTED ), true ) ) {
			return null;
		}
		$fix = __( 'Nothing of the connection is left on this site. To be sure, remove the app in your Dropbox account under Settings → Connected apps.', 'customer-cloud-gallery' );
		if ( in_array( $error->kind, array( DropboxError::UNAVAILABLE, DropboxError::RATE_LIMITED ), true ) ) {
			return new Problem( 'unreachable', __( 'Disconnected on this site, but Dropbox could not be reached to revoke the access.', 'customer-cloud-gallery' ), $fix );
		}
		return new Problem( 'revoke_unconfirmed', __( 'Disconnected on this site, but Dropbox did not confirm that it revoked the access.', 'customer-cloud-gallery' ), $fix );
	}
}
