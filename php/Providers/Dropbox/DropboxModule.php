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
use CustomerCloudGallery\Cache\ProviderTransients;
use CustomerCloudGallery\Downloads\DropboxContentRoutes;
use CustomerCloudGallery\Downloads\DropboxPhotos;
use CustomerCloudGallery\Gallery\Albums\AlbumRefresh;
use CustomerCloudGallery\Gallery\FolderListings;
use CustomerCloudGallery\Gallery\GalleryPosts;
use CustomerCloudGallery\Http\StreamingTransport;
use CustomerCloudGallery\Http\Transport;
use CustomerCloudGallery\Providers\BuildsOnce;
use CustomerCloudGallery\Providers\OAuthApp\OAuthAppParts;
use CustomerCloudGallery\Providers\OAuthApp\OAuthAppProvider;
use CustomerCloudGallery\Providers\ProviderModule;
use CustomerCloudGallery\REST\ConnectionPresenter;
use CustomerCloudGallery\REST\DropboxWebhookController;
use CustomerCloudGallery\Storage\Encryption;
use CustomerCloudGallery\Storage\OptionStore;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * The Dropbox half of the composition root: lazily built, so a page view
 * that only renders cached galleries never builds the OAuth machinery. The
 * shared OAuthAppParts holds credentials, grant, refresh, connect and
 * disconnect; this module adds Dropbox's API, endpoints, diagnosis and
 * gallery source.
 */
final class DropboxModule implements ProviderModule {

	use BuildsOnce;

	public function __construct( private OptionStore $options, private Encryption $encryption, private Locks $locks ) {}

	public function id(): string {
		return DropboxDescription::ID;
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

	public function source(): DropboxSource {
		return $this->once(
			__FUNCTION__,
			function (): DropboxSource {
				$failures = new DropboxFailures( $this->diagnosis() );
				return new DropboxSource( $this->api(), $this->app()->calls(), $failures, new MediaInfoStore( new ProviderTransients( $this->options ) ), new DropboxThumbnails( $this->api(), $this->app()->calls(), $failures ) );
			}
		);
	}

	public function rest_controllers( ConnectionPresenter $presenter ): array {
		return $this->app()->rest_controllers( $this->provider(), $presenter );
	}

	/**
	 * Unreadable secrets (changed salts) make every notification a 403 until
	 * the admin reconnects, as they do every other Dropbox call.
	 */
	public function webhook_controller( FolderListings $listings, GalleryPosts $posts, AlbumRefresh $albums ): DropboxWebhookController {
		return new DropboxWebhookController(
			function (): ?string {
				try {
					return $this->app()->credentials()->load()?->secret;
				} catch ( UnreadableSecret ) {
					return null;
				}
			},
			function (): ?string {
				try {
					return $this->app()->tokens()->load()?->account_id;
				} catch ( UnreadableSecret ) {
					return null;
				}
			},
			new WebhookRefresh( $listings, $posts, $albums )
		);
	}

	/**
	 * Photos streamed for visitors' downloads (Downloads\DownloadEndpoint).
	 */
	public function photo_downloads(): DropboxPhotos {
		return $this->once( __FUNCTION__, fn () => new DropboxPhotos( new DropboxContentRoutes( $this->endpoints(), new StreamingTransport( DropboxError::unreachable( ... ) ) ), $this->app()->calls(), new DropboxFailures( $this->diagnosis() ) ) );
	}

	private function app(): OAuthAppParts {
		return $this->once(
			__FUNCTION__,
			fn () => new OAuthAppParts( new DropboxDescription(), $this->diagnosis(), $this->options, $this->encryption, $this->locks, $this->oauth( ... ), $this->api( ... ) )
		);
	}

	private function api(): ApiClient {
		return $this->once( __FUNCTION__, fn () => new ApiClient( $this->endpoints(), $this->transport() ) );
	}

	private function oauth(): OAuthClient {
		return $this->once( __FUNCTION__, fn () => new OAuthClient( $this->endpoints(), $this->transport() ) );
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
