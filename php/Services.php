<?php
/**
 * Builds the plugin's object graph, each service once.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery;

use CustomerCloudGallery\Admin;
use CustomerCloudGallery\Admin\SettingsAssets;
use CustomerCloudGallery\Admin\SettingsPage;
use CustomerCloudGallery\Blocks\GalleryBlock;
use CustomerCloudGallery\Blocks\ViewModule;
use CustomerCloudGallery\Cache\ListingStore;
use CustomerCloudGallery\Cache\Locks;
use CustomerCloudGallery\Cache\MediaInfoStore;
use CustomerCloudGallery\Cache\ProviderTransients;
use CustomerCloudGallery\Cache\ThumbnailDiskCache;
use CustomerCloudGallery\Cache\WindowCounters;
use CustomerCloudGallery\Downloads;
use CustomerCloudGallery\Gallery;
use CustomerCloudGallery\Images;
use CustomerCloudGallery\OAuth\AuthorizationStart;
use CustomerCloudGallery\OAuth\CallbackHandler;
use CustomerCloudGallery\OAuth\CallbackMessages;
use CustomerCloudGallery\OAuth\FlashNotices;
use CustomerCloudGallery\OAuth\StateStore;
use CustomerCloudGallery\Providers\Dropbox;
use CustomerCloudGallery\Providers\Google;
use CustomerCloudGallery\Providers\Provider;
use CustomerCloudGallery\Providers\ProviderModule;
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

	/** @var list<ProviderModule>|null */
	private ?array $modules = null;

	/**
	 * Everything that hooks itself into WordPress.
	 *
	 * @return list<object> Objects with a register() method.
	 */
	public function hooked(): array {
		$hooked = array(
			new GalleryBlock( dirname( PLUGIN_FILE ), fn (): array => $this->provider_ids() ),
			new SettingsPage( new SettingsAssets( $this->flash_notices() ) ),
			new Admin\ThumbnailSiteHealth( $this->providers( ... ), $this->thumbnail_health() ),
			new Admin\StaticImagesSiteHealth( $this->fallback_probe() ),
			new Admin\PrivacyPolicy(),
			$this->callback_handler(),
			$this->rest_api(),
			$this->folder_listings(),
			new Gallery\CronRelay(),
			new Gallery\GalleryRootFollower( $this->gallery_root(), $this->sources() ),
			$this->thumbnail_cache(),
			$this->thumbnail_endpoint(),
			$this->static_images(),
			$this->miss_budget(),
			$this->fallback_probe(),
			$this->gallery_warmer(),
			$this->album_warmer(),
			$this->cover_parents(),
			$this->album_refresh(),
			new Gallery\Albums\AlbumPurge( $this->cover_parents(), new Gallery\PageCachePurge( $this->gallery_posts() ) ),
			$this->provider_purge(),
			$this->gallery_posts(),
			new Gallery\PageCachePurge( $this->gallery_posts() ),
			new Admin\GrantGraceNotice( $this->grant_grace(), $this->providers( ... ) ),
			$this->gallery_views(),
			$this->view_module(),
			$this->download_endpoint(),
		);
		foreach ( $this->modules() as $module ) {
			if ( $module instanceof Google\GoogleModule ) {
				$hooked[] = $module->changes_poller( $this->folder_listings(), $this->gallery_posts(), $this->listing_store(), $this->shown_albums() );
			}
		}
		return $hooked;
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
		return $this->once( __FUNCTION__, fn () => new Images\FallbackProbe( $this->thumbnail_cache(), new EncryptionKey(), $this->options() ) );
	}

	public function thumbnail_endpoint(): Images\ThumbnailEndpoint {
		return $this->once( __FUNCTION__, fn () => new Images\ThumbnailEndpoint( $this->image_tokens(), $this->thumbnail_cache(), $this->thumbnail_fetcher(), $this->sources(), $this->folder_listings(), $this->miss_budget(), new Images\MissBatch( $this->sources(), $this->media_info(), $this->cover_run() ) ) );
	}

	public function miss_budget(): Images\MissBudget {
		return $this->once( __FUNCTION__, fn () => new Images\MissBudget( new WindowCounters() ) );
	}

	public function thumbnail_fetcher(): Images\ThumbnailFetcher {
		return $this->once( __FUNCTION__, fn () => new Images\ThumbnailFetcher( $this->sources(), $this->thumbnail_cache(), new Images\ThumbnailFailures(), $this->thumbnail_health(), new Locks() ) );
	}

	public function thumbnail_health(): Images\ThumbnailHealth {
		return $this->once( __FUNCTION__, fn () => new Images\ThumbnailHealth( $this->options() ) );
	}

	public function gallery_views(): Rendering\GalleryViewBuilder {
		return $this->once(
			__FUNCTION__,
			fn () => new Rendering\GalleryViewBuilder( $this->folder_listings(), $this->image_urls(), new Rendering\Audience(), $this->thumbnail_cache(), $this->media_info(), $this->view_module(), $this->sources(), $this->download_links(), $this->album_navigator() )
		);
	}

	public function download_links(): Downloads\DownloadLinks {
		return $this->once( __FUNCTION__, fn () => new Downloads\DownloadLinks( new Downloads\DownloadToken( new EncryptionKey() ), new Downloads\DownloadLifetime() ) );
	}

	public function download_endpoint(): Downloads\DownloadEndpoint {
		return $this->once( __FUNCTION__, fn () => new Downloads\DownloadEndpoint( new Downloads\DownloadToken( new EncryptionKey() ), $this->sources(), $this->folder_listings(), new Downloads\DownloadAllowance( new WindowCounters(), new Downloads\ClientKey() ), new Downloads\DownloadPages(), $this->photo_downloads( ... ) ) );
	}

	/**
	 * Built only when a download is asked for: a page view never builds a provider's API client.
	 */
	public function photo_downloads( string $provider ): ?Downloads\PhotoSource {
		foreach ( $this->modules() as $module ) {
			if ( $module->id() === $provider && ( $module instanceof Dropbox\DropboxModule || $module instanceof Google\GoogleModule ) ) {
				return $module->photo_downloads();
			}
		}
		return null;
	}

	public function album_navigator(): Gallery\Albums\AlbumNavigator {
		return $this->once(
			__FUNCTION__,
			fn () => new Gallery\Albums\AlbumNavigator(
				new Gallery\Albums\AlbumKeys( new EncryptionKey() ),
				$this->folder_listings(),
				new Gallery\Albums\AlbumCards( $this->folder_listings(), $this->listing_store(), $this->album_covers(), $this->cover_parents(), $this->image_urls() )
			)
		);
	}

	public function album_covers(): Gallery\Albums\AlbumCovers {
		return $this->once( __FUNCTION__, fn () => new Gallery\Albums\AlbumCovers( $this->listing_store(), $this->media_info() ) );
	}

	/**
	 * The albums shown below galleries, for the providers' change notices.
	 */
	public function shown_albums(): Gallery\Albums\ShownAlbums {
		return $this->once( __FUNCTION__, fn () => new Gallery\Albums\ShownAlbums( $this->listing_store(), $this->cover_parents() ) );
	}

	public function album_refresh(): Gallery\Albums\AlbumRefresh {
		return $this->once( __FUNCTION__, fn () => new Gallery\Albums\AlbumRefresh( $this->gallery_posts(), $this->shown_albums(), $this->folder_listings() ) );
	}

	public function cover_parents(): Gallery\Albums\CoverParents {
		return $this->once( __FUNCTION__, fn () => new Gallery\Albums\CoverParents( $this->provider_transients() ) );
	}

	public function album_warmer(): Gallery\Albums\AlbumWarmer {
		return $this->once( __FUNCTION__, fn () => new Gallery\Albums\AlbumWarmer( $this->folder_listings(), $this->listing_store(), $this->album_covers(), $this->cover_parents(), $this->thumbnail_fetcher(), $this->thumbnail_cache(), $this->sources() ) );
	}

	private function cover_run(): Gallery\Albums\CoverRun {
		return $this->once( __FUNCTION__, fn () => new Gallery\Albums\CoverRun( $this->cover_parents(), $this->folder_listings(), $this->album_covers(), $this->sources() ) );
	}

	public function view_module(): ViewModule {
		return $this->once( __FUNCTION__, fn () => new ViewModule( PLUGIN_FILE ) );
	}

	public function gallery_warmer(): Gallery\GalleryWarmer {
		return $this->once(
			__FUNCTION__,
			fn () => new Gallery\GalleryWarmer( $this->folder_listings(), $this->thumbnail_fetcher(), $this->thumbnail_cache(), $this->sources(), $this->media_info() )
		);
	}

	public function gallery_root(): Gallery\GalleryRoot {
		return $this->once( __FUNCTION__, fn () => new Gallery\GalleryRoot( $this->options() ) );
	}

	public function folder_listings(): Gallery\FolderListings {
		return $this->once( __FUNCTION__, fn () => new Gallery\FolderListings( $this->listing_store(), $this->sources(), $this->gallery_root(), new Locks(), new Gallery\Removals( $this->listing_store(), $this->thumbnail_cache() ), $this->grant_grace() ) );
	}

	public function listing_store(): ListingStore {
		return $this->once( __FUNCTION__, fn () => new ListingStore( $this->provider_transients() ) );
	}

	public function media_info(): MediaInfoStore {
		return $this->once( __FUNCTION__, fn () => new MediaInfoStore( $this->provider_transients() ) );
	}

	public function grant_grace(): Gallery\GrantGrace {
		return $this->once( __FUNCTION__, fn () => new Gallery\GrantGrace( $this->providers( ... ) ) );
	}

	public function gallery_posts(): Gallery\GalleryPosts {
		return $this->once( __FUNCTION__, fn () => new Gallery\GalleryPosts( $this->folder_listings(), $this->sources() ) );
	}

	public function provider_purge(): Gallery\ProviderPurge {
		return $this->once( __FUNCTION__, fn () => new Gallery\ProviderPurge( $this->listing_store(), $this->media_info(), $this->thumbnail_cache(), $this->grant_grace() ) );
	}

	private function provider_transients(): ProviderTransients {
		return $this->once( __FUNCTION__, fn () => new ProviderTransients( $this->options() ) );
	}

	/**
	 * Every provider this plugin supports. Adding one is a new folder under
	 * Providers/ with a ProviderModule, and a line here; from outside the
	 * plugin, the `customer_cloud_gallery_provider_modules` filter adds one.
	 *
	 * @return list<ProviderModule>
	 */
	public function modules(): array {
		if ( null === $this->modules ) {
			$modules = array(
				new Dropbox\DropboxModule( $this->options(), $this->encryption(), new Locks() ),
				new Google\GoogleModule( $this->options(), $this->encryption(), new Locks() ),
			);
			/**
			 * Filters the cloud providers galleries can come from.
			 *
			 * @param list<ProviderModule> $modules  The plugin's own: Dropbox, Google Drive.
			 * @param Services             $services The composition root, for the shared services.
			 */
			$filtered      = apply_filters( 'customer_cloud_gallery_provider_modules', $modules, $this );
			$this->modules = is_array( $filtered ) ? array_values( array_filter( $filtered, static fn ( mixed $module ): bool => $module instanceof ProviderModule ) ) : $modules;
		}
		return $this->modules;
	}

	public function providers(): ProviderRegistry {
		return $this->once( __FUNCTION__, fn () => new ProviderRegistry( array_map( static fn ( ProviderModule $module ): Provider => $module->provider(), $this->modules() ) ) );
	}

	/**
	 * The ids of the registered providers, e.g. for the block's attribute
	 * schema; builds no provider.
	 *
	 * @return list<string>
	 */
	public function provider_ids(): array {
		return array_map( static fn ( ProviderModule $module ): string => $module->id(), $this->modules() );
	}

	public function sources(): Gallery\Sources {
		return $this->once( __FUNCTION__, fn () => new Gallery\Sources( array_map( static fn ( ProviderModule $module ): Gallery\Source => $module->source(), $this->modules() ) ) );
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
			fn () => new CallbackHandler( $this->provider_ids(), $this->providers( ... ), $this->state_store(), $this->flash_notices(), new CallbackMessages() )
		);
	}

	public function encryption(): Encryption {
		return $this->once( __FUNCTION__, fn () => new Encryption( new EncryptionKey() ) );
	}

	private function rest_api(): REST\RestApi {
		return new REST\RestApi( $this->rest_controllers( ... ) );
	}

	/**
	 * @return list<\WP_REST_Controller>
	 */
	private function rest_controllers(): array {
		$presenter   = new REST\ConnectionPresenter( $this->providers(), $this->thumbnail_health() );
		$controllers = array(
			new REST\ConnectionsController( $this->providers(), $presenter ),
			new REST\ConnectionActionsController( $this->providers(), $presenter, new AuthorizationStart( $this->state_store() ) ),
			new REST\FoldersController( new Gallery\FolderBrowser( $this->folder_listings(), $this->sources() ), $this->sources() ),
			new REST\SettingsController( $this->gallery_root(), $this->sources() ),
		);
		foreach ( $this->modules() as $module ) {
			array_push( $controllers, ...$module->rest_controllers( $presenter ) );
		}
		foreach ( $this->modules() as $module ) {
			if ( $module instanceof Dropbox\DropboxModule ) {
				$controllers[] = $module->webhook_controller( $this->folder_listings(), $this->gallery_posts(), $this->album_refresh() );
			}
		}
		return $controllers;
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
