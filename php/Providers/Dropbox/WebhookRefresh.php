<?php
/**
 * What a Dropbox change notification sets in motion.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

use CustomerCloudGallery\Gallery\Albums\AlbumRefresh;
use CustomerCloudGallery\Gallery\FolderListings;
use CustomerCloudGallery\Gallery\GalleryPosts;

/**
 * A notification names accounts, not folders, so every Dropbox gallery a
 * published post shows gets a WP-Cron refresh, which continues its stored
 * cursor: a listing that did not change costs one list_folder/continue call
 * and purges nothing. The albums shown below the galleries get theirs from
 * one WP-Cron event (AlbumRefresh), since finding them reads the galleries'
 * cached listings. Only events are scheduled here; the webhook request
 * itself never calls Dropbox nor reads a listing, so it answers well inside
 * Dropbox's timeout. schedule_refresh() skips a listing already waiting, so
 * a burst of notifications makes one refresh per gallery.
 */
final class WebhookRefresh {

	public function __construct( private FolderListings $listings, private GalleryPosts $posts, private AlbumRefresh $albums ) {}

	/**
	 * @return int How many galleries were scheduled for a refresh.
	 */
	public function schedule(): int {
		$keys = $this->posts->gallery_keys( DropboxDescription::ID );
		foreach ( $keys as $key ) {
			$this->listings->schedule_refresh( DropboxDescription::ID, $key );
		}
		if ( array() !== $keys ) {
			$this->albums->schedule( DropboxDescription::ID );
		}
		return count( $keys );
	}
}
