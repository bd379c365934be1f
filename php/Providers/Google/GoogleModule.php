<?php
/**
 * The whole Google Drive object graph, built lazily, behind ProviderModule.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Cache\Locks;
use CustomerCloudGallery\Http\Transport;
use CustomerCloudGallery\Images\ThumbnailHealth;
use CustomerCloudGallery\Providers\BuildsOnce;
use CustomerCloudGallery\Providers\ProviderModule;
use CustomerCloudGallery\Providers\ThumbnailProbe;
use CustomerCloudGallery\REST\ConnectionPresenter;
use CustomerCloudGallery\REST\GoogleCredentialsController;
use CustomerCloudGallery\Storage\Encryption;
use CustomerCloudGallery\Storage\OptionStore;

/**
 * Each part is built once, on first use, so a page view that only renders
 * a cached gallery builds nothing of the OAuth machinery. The accessors
 * below provider()/source() exist for tests and tooling.
 */
final class GoogleModule implements ProviderModule {

	use BuildsOnce;

	/**
	 * @param Endpoints|null $endpoints Null reads the CCG_GOOGLE_*_BASE constants.
	 * @param Backoff|null   $backoff   Null waits for real (tests pass one that does not).
	 */
	public function __construct(
		private OptionStore $options,
		private Encryption $encryption,
		private Locks $locks,
		private ?Endpoints $endpoints = null,
		private ?Backoff $backoff = null
	) {}

	public function provider(): GoogleProvider {
		return $this->once(
			__FUNCTION__,
			fn () => new GoogleProvider(
				$this->connections(),
				new Authorization( $this->credentials(), $this->tokens(), $this->health(), $this->oauth(), $this->api(), $this->diagnosis() ),
				$this->disconnection(),
				new ConnectionTest( $this->tokens(), $this->api(), $this->calls(), $this->health(), $this->connections(), $this->diagnosis(), new ThumbnailProbe( $this->source(), new ThumbnailHealth( $this->options ) ) )
			)
		);
	}

	public function source(): GoogleSource {
		return $this->once(
			__FUNCTION__,
			fn () => new GoogleSource(
				$this->tree(),
				new DriveListing( $this->api(), $this->calls(), $this->tree(), $this->thumbnail_links() ),
				new DriveThumbnails( $this->api(), $this->calls(), $this->thumbnail_links(), $this->endpoints() ),
				new GoogleFailures( $this->diagnosis() )
			)
		);
	}

	public function rest_controllers( ConnectionPresenter $presenter ): array {
		return array( new GoogleCredentialsController( $this->provider(), $this->credentials_update(), $presenter ) );
	}

	public function credentials_update(): CredentialsUpdate {
		return $this->once( __FUNCTION__, fn () => new CredentialsUpdate( $this->credentials(), $this->tokens(), $this->health(), $this->disconnection() ) );
	}

	public function access_tokens(): AccessTokens {
		return $this->once( __FUNCTION__, fn () => new AccessTokens( $this->tokens(), $this->credentials(), $this->oauth(), $this->health(), $this->locks ) );
	}

	public function calls(): AuthorizedCalls {
		return $this->once( __FUNCTION__, fn () => new AuthorizedCalls( $this->access_tokens(), $this->health(), $this->backoff ?? new Backoff() ) );
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

	public function health(): HealthStore {
		return $this->once( __FUNCTION__, fn () => new HealthStore( $this->options ) );
	}

	private function connections(): ConnectionFactory {
		return $this->once( __FUNCTION__, fn () => new ConnectionFactory( $this->credentials(), $this->tokens(), $this->health(), $this->diagnosis() ) );
	}

	private function disconnection(): Disconnection {
		return $this->once( __FUNCTION__, fn () => new Disconnection( $this->tokens(), $this->health(), $this->oauth() ) );
	}

	private function tree(): DriveTree {
		return $this->once( __FUNCTION__, fn () => new DriveTree( $this->api(), $this->calls(), new FolderCache(), $this->health() ) );
	}

	private function oauth(): OAuthClient {
		return $this->once( __FUNCTION__, fn () => new OAuthClient( $this->endpoints(), $this->transport() ) );
	}

	private function thumbnail_links(): ThumbnailLinks {
		return $this->once( __FUNCTION__, fn () => new ThumbnailLinks() );
	}

	private function transport(): Transport {
		return $this->once( __FUNCTION__, fn () => new Transport( GoogleError::unreachable( ... ) ) );
	}

	private function diagnosis(): Diagnosis {
		return $this->once( __FUNCTION__, fn () => new Diagnosis() );
	}

	private function endpoints(): Endpoints {
		return $this->endpoints ??= Endpoints::from_constants();
	}
}
