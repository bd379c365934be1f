<?php
/**
 * Explains each Dropbox problem in the setup guide's words, with its fix.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

use CustomerCloudGallery\OAuth\RedirectUri;
use CustomerCloudGallery\Providers\OAuthApp\HealthStore;
use CustomerCloudGallery\Providers\OAuthApp\ProviderDiagnosis;
use CustomerCloudGallery\Providers\OAuthApp\TokenGrant;
use CustomerCloudGallery\Providers\Problem;
use CustomerCloudGallery\Providers\ProviderError;

/**
 * One place for every message, so the Settings screen, the OAuth callback and
 * "Test connection" say the same thing about the same problem.
 */
final class Diagnosis implements ProviderDiagnosis {

	/**
	 * For failures while using a stored grant (refresh, API calls).
	 */
	public function from_error( ProviderError $error ): Problem {
		return match ( $error->kind ) {
			DropboxError::INVALID_GRANT, DropboxError::INVALID_TOKEN => $this->revoked(),
			DropboxError::MISSING_SCOPE => $this->missing_scope( $error instanceof DropboxError && null !== $error->required_scope ? array( $error->required_scope ) : Scopes::REQUIRED ),
			DropboxError::INVALID_CLIENT => $this->invalid_client(),
			DropboxError::REDIRECT_URI_MISMATCH => $this->redirect_uri_mismatch(),
			DropboxError::RATE_LIMITED => $this->rate_limited( $error->retry_after ?? 1 ),
			DropboxError::UNAVAILABLE => $this->unreachable(),
			DropboxError::NOT_CONNECTED => $this->not_connected(),
			default => $this->unexpected( $error ),
		};
	}

	/**
	 * For failures while redeeming an authorization code.
	 */
	public function from_exchange_error( ProviderError $error ): Problem {
		if ( DropboxError::INVALID_GRANT === $error->kind ) {
			return new Problem(
				'invalid_grant',
				__( 'Dropbox did not accept the authorization code (it expired or was already used). Nothing was changed.', 'customer-cloud-gallery' ),
				__( 'Press Connect Dropbox again.', 'customer-cloud-gallery' ),
				Problem::ACTION_CONNECT
			);
		}
		return $this->from_error( $error );
	}

	public function not_configured(): Problem {
		return new Problem(
			'not_configured',
			__( 'Dropbox is not set up yet.', 'customer-cloud-gallery' ),
			__( 'Create an app in the Dropbox App Console as shown under Dropbox — step-by-step, paste its App key and App secret here, and press Save credentials.', 'customer-cloud-gallery' ),
			Problem::ACTION_SAVE_CREDENTIALS
		);
	}

	public function not_connected(): Problem {
		return new Problem(
			'not_connected',
			__( 'Dropbox is not connected yet.', 'customer-cloud-gallery' ),
			__( 'Press Connect Dropbox and approve access on Dropbox’s consent screen.', 'customer-cloud-gallery' ),
			Problem::ACTION_CONNECT
		);
	}

	/**
	 * @param list<string> $scopes The required scopes that are missing.
	 */
	public function missing_scope( array $scopes ): Problem {
		return new Problem(
			'missing_scope',
			sprintf(
				/* translators: %s: Dropbox permission names, e.g. "files.metadata.read and files.content.read". */
				_n(
					'Your Dropbox app is missing the permission %s, so galleries cannot show your photos.',
					'Your Dropbox app is missing the permissions %s, so galleries cannot show your photos.',
					count( $scopes ),
					'customer-cloud-gallery'
				),
				wp_sprintf_l( '%l', $scopes )
			),
			__( 'In the Dropbox App Console, open your app’s Permissions tab, tick files.metadata.read and files.content.read, press Submit, then Disconnect and Connect Dropbox again.', 'customer-cloud-gallery' ),
			Problem::ACTION_RECONNECT
		);
	}

	public function app_folder(): Problem {
		return new Problem(
			'app_folder',
			__( 'Your Dropbox app has App folder access: the plugin only sees what is inside /Apps/<your app name>/.', 'customer-cloud-gallery' ),
			__( 'Move your photo folders into that folder, or recreate the app with Full Dropbox access (recommended for galleries).', 'customer-cloud-gallery' )
		);
	}

	public function invalid_client(): Problem {
		return new Problem(
			'invalid_client',
			__( 'Dropbox did not accept the App key and App secret. Nothing was changed.', 'customer-cloud-gallery' ),
			__( 'In the Dropbox App Console, check the App secret on your app’s Settings tab (click Show) and Save credentials again.', 'customer-cloud-gallery' ),
			Problem::ACTION_SAVE_CREDENTIALS
		);
	}

	public function revoked(): Problem {
		return new Problem(
			'invalid_grant',
			__( 'Dropbox no longer accepts this connection (revoked or expired).', 'customer-cloud-gallery' ),
			__( 'Press Reconnect and approve access on Dropbox again.', 'customer-cloud-gallery' ),
			Problem::ACTION_RECONNECT
		);
	}

	public function redirect_uri_mismatch(): Problem {
		return new Problem(
			'redirect_uri_mismatch',
			__( 'Dropbox rejected this site’s redirect URI. Nothing was changed.', 'customer-cloud-gallery' ),
			sprintf(
				/* translators: %s: the exact redirect URI to register in the Dropbox App Console. */
				__( 'In the Dropbox App Console, on your app’s Settings tab, add this exact URI under OAuth 2 → Redirect URIs, then press Connect Dropbox again: %s', 'customer-cloud-gallery' ),
				RedirectUri::for_provider( DropboxDescription::ID )
			),
			Problem::ACTION_CONNECT
		);
	}

	public function unreachable(): Problem {
		return new Problem(
			'unreachable',
			__( 'Dropbox could not be reached; nothing was changed.', 'customer-cloud-gallery' ),
			__( 'Try again in a moment.', 'customer-cloud-gallery' ),
			Problem::ACTION_RETRY
		);
	}

	public function rate_limited( int $retry_after ): Problem {
		return new Problem(
			'rate_limited',
			__( 'Dropbox is limiting requests from this site right now.', 'customer-cloud-gallery' ),
			sprintf(
				/* translators: %d: number of seconds Dropbox asked us to wait. */
				_n( 'Try again in %d second.', 'Try again in %d seconds.', $retry_after, 'customer-cloud-gallery' ),
				$retry_after
			),
			Problem::ACTION_RETRY
		);
	}

	/**
	 * @param bool $secret_readable False when the App secret is unreadable too, so only saving it again helps.
	 */
	public function credentials_unreadable( bool $secret_readable ): Problem {
		return new Problem(
			'credentials_unreadable',
			__( 'The stored Dropbox connection can no longer be read, most likely because this site’s security keys (salts) or CCG_ENCRYPTION_KEY changed.', 'customer-cloud-gallery' ),
			$secret_readable
				? __( 'Press Reconnect and approve access on Dropbox again.', 'customer-cloud-gallery' )
				: __( 'Paste the App secret again (on your app’s Settings tab, click Show), press Save credentials, then Connect Dropbox.', 'customer-cloud-gallery' ),
			$secret_readable ? Problem::ACTION_RECONNECT : Problem::ACTION_SAVE_CREDENTIALS
		);
	}

	private function unexpected( ProviderError $error ): Problem {
		return new Problem(
			DropboxError::BAD_REQUEST === $error->kind ? 'bad_request' : 'unexpected_response',
			sprintf(
				/* translators: %s: Dropbox's short error description. */
				__( 'Dropbox refused the request: %s', 'customer-cloud-gallery' ),
				'' !== $error->summary ? $error->summary : $error->kind
			),
			// A 400 says the request itself was malformed: no setting causes
			// that, so reconnecting would not help.
			DropboxError::BAD_REQUEST === $error->kind
				? __( 'Dropbox refused how the plugin asked, which no setting of yours causes or fixes. Update Customer Cloud Gallery; if it keeps happening, send this message to its developers.', 'customer-cloud-gallery' )
				: __( 'Try again. If it keeps happening, Disconnect and Connect Dropbox again.', 'customer-cloud-gallery' ),
			Problem::ACTION_RETRY
		);
	}

	public function refused( string $cause ): Problem {
		return $this->revoked();
	}

	public function flagged( HealthStore $health ): ?Problem {
		return null;
	}

	public function note( array $settings ): ?Problem {
		return DropboxDescription::ACCESS_APP_FOLDER === ( $settings[ DropboxDescription::ACCESS_TYPE ] ?? null ) ? $this->app_folder() : null;
	}

	public function unusable_grant( TokenGrant $grant ): ?Problem {
		return null;
	}

	public function secret_required( bool $stored_but_unreadable ): Problem {
		return new Problem(
			'app_secret_required',
			$stored_but_unreadable
				? __( 'The stored App secret can no longer be read (the site’s security keys changed).', 'customer-cloud-gallery' )
				: __( 'The App secret is required with a new App key.', 'customer-cloud-gallery' ),
			__( 'Copy the App secret from your app’s Settings tab in the Dropbox App Console (click Show), paste it here and press Save credentials.', 'customer-cloud-gallery' ),
			Problem::ACTION_SAVE_CREDENTIALS
		);
	}

	public function revoke_unconfirmed( bool $unreachable ): Problem {
		$fix = __( 'Nothing of the connection is left on this site. To be sure, remove the app in your Dropbox account under Settings → Connected apps.', 'customer-cloud-gallery' );
		return $unreachable
			? new Problem( 'unreachable', __( 'Disconnected on this site, but Dropbox could not be reached to revoke the access.', 'customer-cloud-gallery' ), $fix )
			: new Problem( 'revoke_unconfirmed', __( 'Disconnected on this site, but Dropbox did not confirm that it revoked the access.', 'customer-cloud-gallery' ), $fix );
	}
}
