<?php
/**
 * Builds everything Dropbox, each piece once.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

use CustomerCloudGallery\Cache\Locks;
use CustomerCloudGallery\Cache\MediaInfoStore;
use CustomerCloudGallery\Http\Transport;
use CustomerCloudGallery\Images\ThumbnailHealth;
use CustomerCloudGallery\Providers\BuildsOnce;
use CustomerCloudGallery\Providers\ProviderModule;
use CustomerCloudGallery\Providers\ThumbnailProbe;
use CustomerCloudGallery\REST\ConnectionPresenter;
use CustomerCloudGallery\REST\DropboxCredentialsController;
use CustomerCloudGallery\Storage\Encryption;
use CustomerCloudGallery\Storage\OptionStore;

/**
 * The Dropbox half of the composition root: lazily built, so a page view
 * that only renders cached galleries never builds the OAuth machinery.
 */
final class DropboxModule implements ProviderModule {

	use BuildsOnce;

	public function __construct( private OptionStore $options, private Encryption $encryption ) {}

	public function provider(): DropboxProvider {
		return $this->once(
			__FUNCTION__,
			fn () => new DropboxProvider(
				$this->connections(),
				new Authorization( $this->credentials(), $this->tokens(), $this->health(), $this->oauth(), $this->api(), $this->diagnosis() ),
				new Disconnection( $this->tokens(), $this->health(), $this->oauth(), $this->calls() ),
				new ConnectionTest( $this->tokens(), $this->api(), $this->calls(), $this->health(), $this->connections(), $this->diagnosis(), new ThumbnailProbe( $this->source(), new ThumbnailHealth( $this->options ) ) )
			)
		);
	}

	public function source(): DropboxSource {
		return $this->once( __FUNCTION__, fn () => new DropboxSource( $this->api(), $this->calls(), new DropboxFailures( $this->diagnosis() ), new MediaInfoStore() ) );
	}

	public function rest_controllers( ConnectionPresenter $presenter ): array {
		return array(
			new DropboxCredentialsController(
				$this->provider(),
				new CredentialsUpdate( $this->credentials(), $this->tokens(), $this->health() ),
				$presenter
			),
		);
	}

	public function access_tokens(): AccessTokens {
		return $this->once( __FUNCTION__, fn () => new AccessTokens( $this->tokens(), $this->credentials(), $this->oauth(), $this->health(), new Locks() ) );
	}

	public function calls(): AuthorizedCalls {
		return $this->once( __FUNCTION__, fn () => new AuthorizedCalls( $this->access_tokens(), $this->health() ) );
	}

	public function api(): ApiClient {
		return $this->once( __FUNCTION__, fn () => new ApiClient( $this->endpoints(), $this->transport() ) );
	}

	public function credentials(): CredentialsStore {
		return $this->once( __FUNCTION__, fn () => new CredentialsStore( $this->options, $this->encryption ) );
	}

	public function tokens(): TokenStore {
		return $this->once( __FUNCTION__, fn () => new TokenStore( $this->options, $this->encryption ) );
	}

	private function connections(): ConnectionFactory {
		return $this->once( __FUNCTION__, fn () => new ConnectionFactory( $this->credentials(), $this->tokens(), $this->health(), $this->diagnosis() ) );
	}

	private function oauth(): OAuthClient {
		return $this->once( __FUNCTION__, fn () => new OAuthClient( $this->endpoints(), $this->transport() ) );
	}

	private function health(): HealthStore {
		return $this->once( __FUNCTION__, fn () => new HealthStore( $this->options ) );
	}

	private function transport(): Transport {
		return $this->once( __FUNCTION__, fn () => new Transport( DropboxError::unreachable( ... ) ) );
	}

	private function diagnosis(): Diagnosis {
		return $this->once( __FUNCTION__, fn () => new Diagnosis() );
	}

	private function endpoints(): Endpoints {
		return $this->once( __FUNCTION__, fn () => Endpoints::from_constants() );
	}
}
