<?php
/**
 * Explains each Google Drive problem in the setup guide's words, with its fix.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\OAuth\RedirectUri;
use CustomerCloudGallery\Providers\OAuthApp\HealthStore;
use CustomerCloudGallery\Providers\OAuthApp\ProviderDiagnosis;
use CustomerCloudGallery\Providers\OAuthApp\TokenGrant;
use CustomerCloudGallery\Providers\Problem;
use CustomerCloudGallery\Providers\ProviderError;

/**
 * One place for every message, so the Settings screen, the OAuth callback,
 * "Test connection" and galleries say the same thing about the same problem.
 * Drive's own pitfalls (a Testing app's 7-day grants, the Drive API left
 * disabled, an unticked Drive box on the consent screen) each get the exact
 * console path that fixes them.
 */
final class Diagnosis implements ProviderDiagnosis {

	/** How long to suggest waiting when Google gave no Retry-After. */
	public const DEFAULT_RETRY_AFTER = 15;

	/**
	 * For failures while using a stored grant (refresh, Drive calls).
	 */
	public function from_error( ProviderError $error ): Problem {
		return match ( $error->kind ) {
			GoogleError::INVALID_GRANT => $this->revoked(),
			GoogleError::TESTING_EXPIRED => $this->testing_expired(),
			GoogleError::UNAUTHENTICATED => $this->revoked(),
			GoogleError::INSUFFICIENT_SCOPE => $this->missing_scope(),
			GoogleError::API_DISABLED => $this->api_disabled(),
			GoogleError::INVALID_CLIENT => $this->invalid_client(),
			GoogleError::REDIRECT_URI_MISMATCH => $this->redirect_uri_mismatch(),
			GoogleError::RATE_LIMITED => $this->rate_limited( $error->retry_after ?? self::DEFAULT_RETRY_AFTER ),
			GoogleError::QUOTA_EXHAUSTED => $this->quota_exhausted(),
			GoogleError::UNAVAILABLE => $this->unreachable(),
			GoogleError::NOT_CONNECTED => $this->not_connected(),
			GoogleError::FORBIDDEN => $error instanceof GoogleError && 'domainPolicy' === $error->reason ? $this->domain_policy() : $this->unexpected( $error ),
			default => $this->unexpected( $error ),
		};
	}

	/**
	 * For failures while redeeming an authorization code.
	 */
	public function from_exchange_error( ProviderError $error ): Problem {
		if ( GoogleError::INVALID_GRANT === $error->kind ) {
			return new Problem(
				'invalid_grant',
				__( 'Google did not accept the authorization code (it expired or was already used). Nothing was changed.', 'customer-cloud-gallery' ),
				__( 'Press Connect Google Drive again.', 'customer-cloud-gallery' ),
				Problem::ACTION_CONNECT
			);
		}
		return $this->from_error( $error );
	}

	public function not_configured(): Problem {
		return new Problem(
			'not_configured',
			__( 'Google Drive is not set up yet.', 'customer-cloud-gallery' ),
			__( 'Create an OAuth client in the Google Cloud console as shown under Google Drive — step-by-step, paste its Client ID and Client secret here, and press Save credentials.', 'customer-cloud-gallery' ),
			Problem::ACTION_SAVE_CREDENTIALS
		);
	}

	public function not_connected(): Problem {
		return new Problem(
			'not_connected',
			__( 'Google Drive is not connected yet.', 'customer-cloud-gallery' ),
			__( 'Press Connect Google Drive and approve access on Google’s consent screen.', 'customer-cloud-gallery' ),
			Problem::ACTION_CONNECT
		);
	}

	/**
	 * Google's consent screen lists each permission with its own box; the
	 * Drive one can be left unticked; drive.readonly is the only scope asked.
	 *
	 * @param list<string> $missing
	 */
	public function missing_scope( array $missing = array() ): Problem {
		return new Problem(
			'missing_scope',
			__( 'Google Drive did not grant access to your files, so galleries cannot show your photos.', 'customer-cloud-gallery' ),
			__( 'Press Reconnect and, on Google’s consent screen, tick the box that lets the app see and download your Google Drive files.', 'customer-cloud-gallery' ),
			Problem::ACTION_RECONNECT
		);
	}

	/**
	 * The plugin always asks with prompt=consent, so a missing refresh token
	 * means Google reused an earlier grant; removing it forces a new one.
	 */
	public function no_refresh_token(): Problem {
		return new Problem(
			'no_refresh_token',
			__( 'Google did not give this site lasting access (no refresh token), so the connection would stop working within the hour. Nothing was stored.', 'customer-cloud-gallery' ),
			__( 'Remove the app’s access at myaccount.google.com/permissions (choose your app, then Delete all connections), then press Connect Google Drive again.', 'customer-cloud-gallery' ),
			Problem::ACTION_CONNECT
		);
	}

	public function testing_expired(): Problem {
		return new Problem(
			'testing_grant_expired',
			__( 'Google ended this connection after 7 days because your Google Cloud app is still in “Testing” publishing status, whose access always expires after 7 days.', 'customer-cloud-gallery' ),
			__( 'Publish the app (Google Cloud console → APIs & Services → OAuth consent screen → Publish app) and press Reconnect. A published app keeps its access until you remove it.', 'customer-cloud-gallery' ),
			Problem::ACTION_RECONNECT
		);
	}

	public function revoked(): Problem {
		return new Problem(
			'invalid_grant',
			__( 'Google no longer accepts this connection (the access was removed or expired).', 'customer-cloud-gallery' ),
			__( 'Press Reconnect and approve access on Google again.', 'customer-cloud-gallery' ),
			Problem::ACTION_RECONNECT
		);
	}

	public function api_disabled(): Problem {
		return new Problem(
			'api_disabled',
			__( 'The Google Drive API is not enabled in your Google Cloud project, so Google refuses to list your folders.', 'customer-cloud-gallery' ),
			__( 'Enable the Google Drive API for your project (Google Cloud console → APIs & Services → Library → Google Drive API → Enable), wait a minute, then press Test connection.', 'customer-cloud-gallery' ),
			Problem::ACTION_RETRY
		);
	}

	public function invalid_client(): Problem {
		return new Problem(
			'invalid_client',
			__( 'Google did not accept the Client ID and Client secret. Nothing was changed.', 'customer-cloud-gallery' ),
			__( 'Copy the Client ID and Client secret again from the Google Cloud console (APIs & Services → Credentials → your OAuth client), paste them here and press Save credentials.', 'customer-cloud-gallery' ),
			Problem::ACTION_SAVE_CREDENTIALS
		);
	}

	/**
	 * Google shows redirect_uri_mismatch on its own page, before coming back;
	 * this covers the rarer case where the token endpoint reports it.
	 */
	public function redirect_uri_mismatch(): Problem {
		return new Problem(
			'redirect_uri_mismatch',
			__( 'Google rejected this site’s redirect URI. Nothing was changed.', 'customer-cloud-gallery' ),
			sprintf(
				/* translators: %s: the exact redirect URI to register in the Google Cloud console. */
				__( 'In the Google Cloud console, open APIs & Services → Credentials → your OAuth client, add this exact URI under Authorized redirect URIs, press Save, then press Connect Google Drive again: %s', 'customer-cloud-gallery' ),
				RedirectUri::for_provider( GoogleDescription::ID )
			),
			Problem::ACTION_CONNECT
		);
	}

	public function unreachable(): Problem {
		return new Problem(
			'unreachable',
			__( 'Google Drive could not be reached; nothing was changed.', 'customer-cloud-gallery' ),
			__( 'Try again in a moment.', 'customer-cloud-gallery' ),
			Problem::ACTION_RETRY
		);
	}

	public function rate_limited( int $retry_after ): Problem {
		return new Problem(
			'rate_limited',
			__( 'Google Drive is limiting requests from this site right now.', 'customer-cloud-gallery' ),
			sprintf(
				/* translators: %d: number of seconds to wait. */
				_n( 'Try again in %d second.', 'Try again in %d seconds.', $retry_after, 'customer-cloud-gallery' ),
				$retry_after
			),
			Problem::ACTION_RETRY
		);
	}

	public function quota_exhausted(): Problem {
		return new Problem(
			'quota_exhausted',
			__( 'Your Google Cloud project used up its Google Drive quota for today.', 'customer-cloud-gallery' ),
			__( 'Galleries keep showing what is cached; try again later. If it keeps happening, ask for a higher quota in the Google Cloud console (APIs & Services → Google Drive API → Quotas).', 'customer-cloud-gallery' ),
			Problem::ACTION_RETRY
		);
	}

	public function domain_policy(): Problem {
		return new Problem(
			'domain_policy',
			__( 'Your Google Workspace administrator does not allow this app to use Google Drive.', 'customer-cloud-gallery' ),
			__( 'Ask your Workspace administrator to trust the app (Admin console → Security → API controls → App access control), then press Reconnect.', 'customer-cloud-gallery' ),
			Problem::ACTION_RECONNECT
		);
	}

	/**
	 * @param bool $secret_readable False when the Client secret is unreadable too, so only saving it again helps.
	 */
	public function credentials_unreadable( bool $secret_readable ): Problem {
		return new Problem(
			'credentials_unreadable',
			__( 'The stored Google Drive connection can no longer be read, most likely because this site’s security keys (salts) or CCG_ENCRYPTION_KEY changed.', 'customer-cloud-gallery' ),
			$secret_readable
				? __( 'Press Reconnect and approve access on Google again.', 'customer-cloud-gallery' )
				: __( 'Paste the Client secret again (Google Cloud console → APIs & Services → Credentials → your OAuth client), press Save credentials, then Connect Google Drive.', 'customer-cloud-gallery' ),
			$secret_readable ? Problem::ACTION_RECONNECT : Problem::ACTION_SAVE_CREDENTIALS
		);
	}

	private function unexpected( ProviderError $error ): Problem {
		return new Problem(
			GoogleError::BAD_REQUEST === $error->kind ? 'bad_request' : 'unexpected_response',
			sprintf(
				/* translators: %s: Google's short error description. */
				__( 'Google Drive refused the request: %s', 'customer-cloud-gallery' ),
				'' !== $error->summary ? $error->summary : $error->kind
			),
			// A 400 says the request itself was malformed: no setting causes
			// that, so reconnecting would not help.
			GoogleError::BAD_REQUEST === $error->kind
				? __( 'Google Drive refused how the plugin asked, which no setting of yours causes or fixes. Update Customer Cloud Gallery; if it keeps happening, send this message to its developers.', 'customer-cloud-gallery' )
				: __( 'Try again. If it keeps happening, Disconnect and Connect Google Drive again.', 'customer-cloud-gallery' ),
			Problem::ACTION_RETRY
		);
	}

	public function refused( string $cause ): Problem {
		return GoogleDescription::REFUSED_TESTING === $cause ? $this->testing_expired() : $this->revoked();
	}

	public function flagged( HealthStore $health ): ?Problem {
		return $health->flagged( GoogleDescription::FLAG_API_DISABLED ) ? $this->api_disabled() : null;
	}

	public function note( array $settings ): ?Problem {
		return null;
	}

	/** Without a refresh token the connection would stop working within the hour. */
	public function unusable_grant( TokenGrant $grant ): ?Problem {
		return null === $grant->refresh_token ? $this->no_refresh_token() : null;
	}

	public function secret_required( bool $stored_but_unreadable ): Problem {
		return new Problem(
			'client_secret_required',
			$stored_but_unreadable
				? __( 'The stored Client secret can no longer be read (the site’s security keys changed).', 'customer-cloud-gallery' )
				: __( 'The Client secret is required with a new Client ID.', 'customer-cloud-gallery' ),
			__( 'Copy the Client secret from the Google Cloud console (APIs & Services → Credentials → your OAuth client), paste it here and press Save credentials.', 'customer-cloud-gallery' ),
			Problem::ACTION_SAVE_CREDENTIALS
		);
	}

	public function revoke_unconfirmed( bool $unreachable ): Problem {
		$fix = __( 'Nothing of the connection is left on this site. To be sure, remove the app’s access at myaccount.google.com/permissions.', 'customer-cloud-gallery' );
		return $unreachable
			? new Problem( 'unreachable', __( 'Disconnected on this site, but Google could not be reached to revoke the access.', 'customer-cloud-gallery' ), $fix )
			: new Problem( 'revoke_unconfirmed', __( 'Disconnected on this site, but Google did not confirm that it revoked the access.', 'customer-cloud-gallery' ), $fix );
	}
}
