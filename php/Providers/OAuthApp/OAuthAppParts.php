<?php
/**
 * Builds one provider's OAuth-app machinery, each piece once.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

use Closure;
use CustomerCloudGallery\Cache\Locks;
use CustomerCloudGallery\Gallery\Source;
use CustomerCloudGallery\Images\ThumbnailHealth;
use CustomerCloudGallery\Providers\BuildsOnce;
use CustomerCloudGallery\Providers\ThumbnailProbe;
use CustomerCloudGallery\REST\ConnectionPresenter;
use CustomerCloudGallery\REST\CredentialsController;
use CustomerCloudGallery\Storage\Encryption;
use CustomerCloudGallery\Storage\OptionStore;
use WP_REST_Controller;

/**
 * What every provider module composes the same way: credentials, grant,
 * health, tokens with refresh, authorized calls, connect, disconnect and
 * the connection status. The module brings what is its own: the
 * description, the diagnosis, the OAuth endpoints and the account lookup
 * (lazily: a page view that renders a cached gallery builds none of this).
 */
final class OAuthAppParts {

	use BuildsOnce;

	/**
	 * @param Closure(): OAuthEndpoints               $oauth
	 * @param Closure(): AccountLookup                $accounts
	 * @param Closure(callable(): mixed): mixed|null $attempt  Wraps each API call attempt (AuthorizedCalls).
	 */
	public function __construct(
		private ProviderDescription $description,
		private ProviderDiagnosis $diagnosis,
		private OptionStore $options,
		private Encryption $encryption,
		private Locks $locks,
		private Closure $oauth,
		private Closure $accounts,
		private ?Closure $attempt = null
	) {}

	/**
	 * @param GrantSurvey $survey What "Test connection" looks at.
	 * @param Source      $source Fetches one of the photos it found, the way galleries do.
	 */
	public function provider( GrantSurvey $survey, Source $source ): OAuthAppProvider {
		return $this->once(
			__FUNCTION__,
			fn () => new OAuthAppProvider(
				$this->description,
				$this->connections(),
				$this->authorization(),
				$this->disconnection(),
				new ConnectionTest( $this->description, $this->tokens(), $this->calls(), ( $this->accounts )(), $this->health(), $this->connections(), $this->diagnosis, $survey, new ThumbnailProbe( $source, new ThumbnailHealth( $this->options ) ) ),
				$this->health()
			)
		);
	}

	/**
	 * POST and DELETE /connections/{id}/credentials.
	 *
	 * @return list<WP_REST_Controller>
	 */
	public function rest_controllers( OAuthAppProvider $provider, ConnectionPresenter $presenter ): array {
		return array( new CredentialsController( $provider, $this->description, $this->credentials_update(), $presenter ) );
	}

	public function credentials(): CredentialsStore {
		return $this->once( __FUNCTION__, fn () => new CredentialsStore( $this->options, $this->encryption, $this->description->keys()->credentials, $this->description ) );
	}

	public function tokens(): TokenStore {
		return $this->once( __FUNCTION__, fn () => new TokenStore( $this->options, $this->encryption, $this->description->keys()->token ) );
	}

	public function health(): HealthStore {
		return $this->once( __FUNCTION__, fn () => new HealthStore( $this->options, $this->description->keys()->health ) );
	}

	public function access_tokens(): AccessTokens {
		return $this->once( __FUNCTION__, fn () => new AccessTokens( $this->description, $this->tokens(), $this->credentials(), ( $this->oauth )(), $this->health(), $this->locks ) );
	}

	public function calls(): AuthorizedCalls {
		return $this->once( __FUNCTION__, fn () => new AuthorizedCalls( $this->description, $this->access_tokens(), $this->health(), $this->attempt ) );
	}

	public function connections(): ConnectionFactory {
		return $this->once( __FUNCTION__, fn () => new ConnectionFactory( $this->description, $this->credentials(), $this->tokens(), $this->health(), $this->diagnosis ) );
	}

	public function credentials_update(): CredentialsUpdate {
		return $this->once( __FUNCTION__, fn () => new CredentialsUpdate( $this->credentials(), $this->tokens(), $this->disconnection(), $this->diagnosis ) );
	}

	private function authorization(): Authorization {
		return $this->once( __FUNCTION__, fn () => new Authorization( $this->description, $this->credentials(), $this->tokens(), $this->health(), ( $this->oauth )(), ( $this->accounts )(), $this->diagnosis, $this->grant_lock() ) );
	}

	private function disconnection(): Disconnection {
		return $this->once( __FUNCTION__, fn () => new Disconnection( $this->description, $this->credentials(), $this->tokens(), $this->health(), ( $this->oauth )(), $this->grant_lock(), $this->diagnosis ) );
	}

	private function grant_lock(): GrantLock {
		return $this->once( __FUNCTION__, fn () => new GrantLock( $this->locks, $this->description->keys()->refresh_lock ) );
	}
}
