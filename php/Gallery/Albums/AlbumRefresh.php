<?php
/**
 * Refreshes the albums shown below a provider's galleries, in WP-Cron.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery\Albums;

use CustomerCloudGallery\Gallery\FolderListings;
use CustomerCloudGallery\Gallery\GalleryPosts;

/**
 * A Dropbox notification names the account, so what changed may be any
 * gallery's folder or any album shown below one. The notification's request
 * must answer at once and only schedules: finding the albums reads every
 * gallery's cached listing (ShownAlbums), which is WP-Cron's work. One event
 * per provider however many notifications come before it runs; it schedules
 * each album's refresh (ccg_refresh_listing), which CronRelay starts in the
 * next run.
 */
final class AlbumRefresh {

	public const HOOK = 'ccg_refresh_albums';

	public function __construct( private GalleryPosts $posts, private ShownAlbums $albums, private FolderListings $listings ) {}

	public function register(): void {
		add_action( self::HOOK, array( $this, 'run' ) );
	}

	public function schedule( string $provider ): void {
		$args = array( $provider );
		if ( false === wp_next_scheduled( self::HOOK, $args ) ) {
			wp_schedule_single_event( time(), self::HOOK, $args );
		}
	}

	/**
	 * WP-Cron: a refresh for every album shown below the provider's galleries.
	 */
	public function run( string $provider ): void {
		foreach ( $this->albums->below( $provider, $this->posts->gallery_keys( $provider ) ) as $key ) {
			$this->listings->schedule_refresh( $provider, $key );
		}
	}
}
