<?php
/**
 * What a Dropbox change notification sets in motion.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

use CustomerCloudGallery\Gallery\Albums\ShownAlbums;
use CustomerCloudGallery\Gallery\FolderListings;
use CustomerCloudGallery\Gallery\GalleryPosts;

/**
 * A notification names accounts, not folders, so every Dropbox gallery a
 * published post shows, and every album shown below one (ShownAlbums),
 * gets a WP-Cron refresh, which continues its stored cursor: a listing that
 * did not change costs one list_folder/continue call and purges nothing. Only events are scheduled here; the webhook request
 * itself never calls Dropbox, so it answers well inside Dropbox's timeout.
 * schedule_refresh() skips a listing already waiting, so a burst of
 * notifications makes one refresh per gallery.
 */
final class WebhookRefresh {

	public function __construct( private FolderListings $listings, private GalleryPosts $posts, private ShownAlbums $albums ) {}

	/**
	 * @return int How many listings (galleries and albums) were scheduled for a refresh.
	 */
	public function schedule(): int {
		$prefix = DropboxDescription::ID . '|';
		$keys   = array();
		foreach ( $this->posts->showing_provider( DropboxDescription::ID ) as $post_id ) {
			foreach ( get_post_meta( $post_id, GalleryPosts::META ) as $value ) {
				if ( is_string( $value ) && str_starts_with( $value, $prefix ) ) {
					$keys[ substr( $value, strlen( $prefix ) ) ] = true;
				}
			}
		}
		$keys = array_map( 'strval', array_keys( $keys ) );
		$keys = array_merge( $keys, $this->albums->below( DropboxDescription::ID, $keys ) );
		foreach ( $keys as $key ) {
			$this->listings->schedule_refresh( DropboxDescription::ID, $key );
		}
		return count( $keys );
	}
}
