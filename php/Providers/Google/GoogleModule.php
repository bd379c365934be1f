<?php
/**
 * The whole Google Drive object graph, built lazily, behind ProviderModule.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Cache\ListingStore;
use CustomerCloudGallery\Cache\Locks;
use CustomerCloudGallery\Gallery\Albums\ShownAlbums;
use CustomerCloudGallery\Gallery\FolderListings;
use CustomerCloudGallery\Downloads\DrivePhotos;
use CustomerCloudGallery\Gallery\GalleryPosts;
use CustomerCloudGallery\Http\StreamingTransport;
use CustomerCloudGallery\Http\Transport;
use CustomerCloudGallery\Providers\BuildsOnce;
use CustomerCloudGallery\Providers\OAuthApp\OAuthAppParts;
use CustomerCloudGallery\Providers\OAuthApp\OAuthAppProvider;
use CustomerCloudGallery\Providers\ProviderModule;
use CustomerCloudGallery\REST\ConnectionPresenter;
use CustomerCloudGallery\Storage\Encryption;
use CustomerCloudGallery\Storage\OptionStore;

/**
 * Each part is built once, on first use, so a page view that only renders
 * a cached gallery builds nothing of the OAuth machinery. The shared
 * OAuthAppParts holds credentials, grant, refresh, connect and disconnect;
 * this module adds Drive's API, endpoints, backoff, diagnosis and source.
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

	public function id(): string {
		return GoogleDescription::ID;
	}

	public function provider(): OAuthAppProvider {
		return $this->once(
			__FUNCTION__,
			fn () => $this->app()->provider(
				new ConnectionSurvey( $this->api(), $this->app()->calls() ),
				$this->source()
			)
		);
	}

	public function source(): GoogleSource {
		return $this->once(
			__FUNCTION__,
			function (): GoogleSource {
				$thumbnails = new DriveThumbnails( $this->api(), $this->app()->calls(), $this->endpoints() );
				return new GoogleSource(
					$this->tree(),
					new DriveListing( $this->api(), $this->app()->calls(), $this->tree() ),
					$thumbnails,
					new GoogleFailures( $this->diagnosis() ),
					new ParallelThumbnails( $this->api(), $this->app()->calls(), $thumbnails )
				);
			}
		);
	}

	public function rest_controllers( ConnectionPresenter $presenter ): array {
		return $this->app()->rest_controllers( $this->provider(), $presenter );
	}

	/**
	 * Polls Drive's changes for the galleries published posts show. Nothing
	 * of the OAuth machinery is built until a poll or a start needs it.
	 */
	public function changes_poller( FolderListings $listings, GalleryPosts $posts, ListingStore $store, ShownAlbums $albums ): ChangesPoller {
		return new ChangesPoller(
			fn (): DriveChangeFeed => $this->once( 'feed', fn () => new DriveChangeFeed( $this->api(), $this->app()->calls() ) ),
			fn (): bool => $this->app()->tokens()->exists(),
			new ChangedGalleries( $posts, $store, $albums ),
			$listings,
			$this->options
		);
	}

	/**
	 * Photos streamed for visitors' downloads (Downloads\DownloadEndpoint).
	 */
	public function photo_downloads(): DrivePhotos {
		return $this->once( __FUNCTION__, fn () => new DrivePhotos( $this->api(), $this->endpoints(), new DriveThumbnails( $this->api(), $this->app()->calls(), $this->endpoints() ), $this->app()->calls(), new GoogleFailures( $this->diagnosis() ), new StreamingTransport( GoogleError::unreachable( ... ) ) ) );
	}

	private function app(): OAuthAppParts {
		return $this->once(
			__FUNCTION__,
			fn () => new OAuthAppParts(
				new GoogleDescription(),
				$this->diagnosis(),
				$this->options,
				$this->encryption,
				$this->locks,
				$this->oauth( ... ),
				$this->api( ... ),
				// Rate limits and 5xx are retried with backoff (its budget caps the wait).
				( $this->backoff ?? new Backoff() )->run( ... )
			)
		);
	}

	private function api(): ApiClient {
		return $this->once( __FUNCTION__, fn () => new ApiClient( $this->endpoints(), $this->transport() ) );
	}

	private function tree(): DriveTree {
		return $this->once( __FUNCTION__, fn () => new DriveTree( $this->api(), $this->app()->calls(), new FolderCache(), $this->app()->health() ) );
	}

	private function oauth(): OAuthClient {
		return $this->once( __FUNCTION__, fn () => new OAuthClient( $this->endpoints(), $this->transport() ) );
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
