<?php
/**
 * Builds the plugin's object graph, each service once.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery;

use CustomerCloudGallery\Admin\SettingsAssets;
use CustomerCloudGallery\Admin\SettingsPage;
use CustomerCloudGallery\Blocks\GalleryBlock;
use CustomerCloudGallery\Blocks\ViewModule;
use CustomerCloudGallery\Cache\ListingStore;
use CustomerCloudGallery\Cache\Locks;
use CustomerCloudGallery\Cache\MediaInfoStore;
use CustomerCloudGallery\Cache\ThumbnailDiskCache;
use CustomerCloudGallery\Gallery;
use CustomerCloudGallery\Images;
use CustomerCloudGallery\OAuth\AuthorizationStart;
use CustomerCloudGallery\OAuth\CallbackHandler;
use CustomerCloudGallery\OAuth\CallbackMessages;
use CustomerCloudGallery\OAuth\FlashNotices;
use CustomerCloudGallery\OAuth\StateStore;
use CustomerCloudGallery\Providers\Dropbox;
use CustomerCloudGallery\Providers\ProviderRegistry;
use CustomerCloudGallery\REST;
use CustomerCloudGallery\Rendering;
use CustomerCloudGallery\Storage\Encryption;
use CustomerCloudGallery\Storage\EncryptionKey;
use CustomerCloudGallery\Storage\OptionStore;

/**
 * Constructor injection all the way down; this is the only place that knows
 * how the pieces fit. Services are built lazily, so a request that only
 * renders a block never builds the OAuth machinery.
 */
final class Services {

	/** @var array<string, object> */
	private array $built = array();

	/**
	 * Everything that hooks itself into WordPress.
	 *
	 * @return list<object> Objects with a register() method.
	 */
	public function hooked(): array {
		return array(
			new GalleryBlock( dirname( PLUGIN_FILE ) ),
			new SettingsPage( new SettingsAssets( $this->flash_notices() ) ),
			$this->callback_handler(),
			$this->rest_api(),
			$this->folder_listings(),
			$this->thumbnail_cache(),
			$this->thumbnail_endpoint(),
			$this->static_images(),
			$this->fallback_probe(),
			$this->gallery_warmer(),
			$this->gallery_views(),
			$this->view_module(),
		);
	}

	public function thumbnail_cache(): ThumbnailDiskCache {
		return $this->once( __FUNCTION__, fn () => new ThumbnailDiskCache( $this->image_tokens() ) );
	}

	public function image_urls(): Images\ImageUrls {
		return $this->once( __FUNCTION__, fn () => new Images\ImageUrls( $this->image_tokens(), $this->thumbnail_cache(), $this->fallback_probe() ) );
	}

	public function static_images(): Images\StaticImages {
		return $this->once( __FUNCTION__, fn () => new Images\StaticImages( $this->image_tokens(), $this->thumbnail_cache(), $this->thumbnail_endpoint(), $this->fallback_probe() ) );
	}

	public function fallback_probe(): Images\FallbackProbe {
		return $this->once( __FUNCTION__, fn () => new Images\FallbackProbe( $this->thumbnail_cache(), new EncryptionKey() ) );
	}

	public function thumbnail_endpoint(): Images\ThumbnailEndpoint {
		return $this->once( __FUNCTION__, fn () => new Images\ThumbnailEndpoint( $this->image_tokens(), $this->thumbnail_cache(), $this->thumbnail_fetcher() ) );
	}

	public function thumbnail_fetcher(): Images\ThumbnailFetcher {
		return $this->once( __FUNCTION__, fn () => new Images\ThumbnailFetcher( $this->dropbox_api(), $this->dropbox_calls(), $this->thumbnail_cache() ) );
	}

	public function gallery_views(): Rendering\GalleryViewBuilder {
		return $this->once(
			__FUNCTION__,
			fn () => new Rendering\GalleryViewBuilder( $this->folder_listings(), $this->image_urls(), new Rendering\PhotoOrder(), new Rendering\Audience(), $this->thumbnail_cache(), new MediaInfoStore(), $this->view_module() )
		);
	}

	public function view_module(): ViewModule {
		return $this->once( __FUNCTION__, fn () => new ViewModule( PLUGIN_FILE ) );
	}

	public function gallery_warmer(): Gallery\GalleryWarmer {
		return $this->once(
			__FUNCTION__,
			fn () => new Gallery\GalleryWarmer( $this->folder_listings(), $this->thumbnail_fetcher(), $this->thumbnail_cache(), new Rendering\PhotoOrder(), new Gallery\MediaInfoReader( $this->dropbox_api(), $this->dropbox_calls(), new MediaInfoStore() ) )
		);
	}

	public function gallery_root(): Gallery\GalleryRoot {
		return $this->once( __FUNCTION__, fn () => new Gallery\GalleryRoot( $this->options() ) );
	}

	public function dropbox_listing_source(): Gallery\DropboxListingSource {
		return $this->once(
			__FUNCTION__,
			fn () => new Gallery\DropboxListingSource( $this->dropbox_api(), $this->dropbox_calls(), new Gallery\DropboxFailures( $this->dropbox_diagnosis() ) )
		);
	}

	public function folder_listings(): Gallery\FolderListings {
		return $this->once( __FUNCTION__, fn () => new Gallery\FolderListings( new ListingStore(), $this->dropbox_listing_source(), $this->gallery_root(), new Locks() ) );
	}

	public function providers(): ProviderRegistry {
		return $this->once( __FUNCTION__, fn () => new ProviderRegistry( array( $this->dropbox() ) ) );
	}

	public function dropbox(): Dropbox\DropboxProvider {
		return $this->once(
			__FUNCTION__,
			fn () => new Dropbox\DropboxProvider(
				$this->dropbox_connections(),
				new Dropbox\Authorization( $this->dropbox_credentials(), $this->dropbox_tokens(), $this->dropbox_health(), $this->dropbox_oauth(), $this->dropbox_api(), $this->dropbox_diagnosis() ),
				new Dropbox\Disconnection( $this->dropbox_tokens(), $this->dropbox_health(), $this->dropbox_oauth(), $this->dropbox_calls() ),
				new Dropbox\ConnectionTest( $this->dropbox_tokens(), $this->dropbox_api(), $this->dropbox_calls(), $this->dropbox_health(), $this->dropbox_connections(), $this->dropbox_diagnosis() )
			)
		);
	}

	public function dropbox_access_tokens(): Dropbox\AccessTokens {
		return $this->once(
			__FUNCTION__,
			fn () => new Dropbox\AccessTokens( $this->dropbox_tokens(), $this->dropbox_credentials(), $this->dropbox_oauth(), $this->dropbox_health(), new Locks() )
		);
	}

	public function dropbox_calls(): Dropbox\AuthorizedCalls {
		return $this->once( __FUNCTION__, fn () => new Dropbox\AuthorizedCalls( $this->dropbox_access_tokens(), $this->dropbox_health() ) );
	}

	public function dropbox_api(): Dropbox\ApiClient {
		return $this->once( __FUNCTION__, fn () => new Dropbox\ApiClient( $this->dropbox_endpoints(), new Dropbox\Transport() ) );
	}

	public function dropbox_credentials(): Dropbox\CredentialsStore {
		return $this->once( __FUNCTION__, fn () => new Dropbox\CredentialsStore( $this->options(), $this->encryption() ) );
	}

	public function dropbox_tokens(): Dropbox\TokenStore {
		return $this->once( __FUNCTION__, fn () => new Dropbox\TokenStore( $this->options(), $this->encryption() ) );
	}

	public function state_store(): StateStore {
		return $this->once( __FUNCTION__, fn () => new StateStore() );
	}

	public function flash_notices(): FlashNotices {
		return $this->once( __FUNCTION__, fn () => new FlashNotices() );
	}

	public function callback_handler(): CallbackHandler {
		return $this->once(
			__FUNCTION__,
			fn () => new CallbackHandler( $this->providers(), $this->state_store(), $this->flash_notices(), new CallbackMessages() )
		);
	}

	public function encryption(): Encryption {
		return $this->once( __FUNCTION__, fn () => new Encryption( new EncryptionKey() ) );
	}

	private function rest_api(): REST\RestApi {
		$presenter = new REST\ConnectionPresenter( $this->providers() );
		return new REST\RestApi(
			array(
				new REST\ConnectionsController( $this->providers(), $presenter ),
				new REST\ConnectionActionsController( $this->providers(), $presenter, new AuthorizationStart( $this->state_store() ) ),
				new REST\DropboxCredentialsController(
					$this->dropbox(),
					new Dropbox\CredentialsUpdate( $this->dropbox_credentials(), $this->dropbox_tokens(), $this->dropbox_health() ),
					$presenter
				),
				new REST\FoldersController( new Gallery\FolderBrowser( $this->folder_listings(), new Gallery\FolderLookup( $this->dropbox_listing_source() ) ) ),
				new REST\SettingsController( $this->gallery_root(), $this->dropbox_listing_source() ),
			)
		);
	}

	private function dropbox_connections(): Dropbox\ConnectionFactory {
		return $this->once(
			__FUNCTION__,
			fn () => new Dropbox\ConnectionFactory( $this->dropbox_credentials(), $this->dropbox_tokens(), $this->dropbox_health(), $this->dropbox_diagnosis() )
		);
	}

	private function dropbox_oauth(): Dropbox\OAuthClient {
		return $this->once( __FUNCTION__, fn () => new Dropbox\OAuthClient( $this->dropbox_endpoints(), new Dropbox\Transport() ) );
	}

	private function dropbox_health(): Dropbox\HealthStore {
		return $this->once( __FUNCTION__, fn () => new Dropbox\HealthStore( $this->options() ) );
	}

	private function dropbox_diagnosis(): Dropbox\Diagnosis {
		return $this->once( __FUNCTION__, fn () => new Dropbox\Diagnosis() );
	}

	private function dropbox_endpoints(): Dropbox\Endpoints {
		return $this->once( __FUNCTION__, fn () => Dropbox\Endpoints::from_constants() );
	}

	private function image_tokens(): Images\ImageToken {
		return $this->once( __FUNCTION__, fn () => new Images\ImageToken( new EncryptionKey() ) );
	}

	private function options(): OptionStore {
		return $this->once( __FUNCTION__, fn () => new OptionStore() );
	}

	/**
	 * @template T of object
	 *
	 * @param callable(): T $build
	 *
	 * @return T
	 */
	private function once( string $name, callable $build ): object {
		return $this->built[ $name ] ??= $build();
	}
}
