<?php
/**
 * Deletes the cached files of photos a listing no longer holds.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

use CustomerCloudGallery\Cache\ListingStore;
use CustomerCloudGallery\Cache\ThumbnailDiskCache;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Images\ThumbnailSize;

/**
 * What the photographer removes disappears: a photo deleted, moved out of a
 * gallery's folder or replaced by a new revision loses its thumbnails,
 * every size, when the refresh that notices it is stored; a folder that is
 * gone loses its listing and every thumbnail of its photos. Thumbnail files
 * are named by their image's token, which a listing's row and key rebuild,
 * so no index of files is needed.
 */
final class Removals {

	public function __construct( private ListingStore $store, private ThumbnailDiskCache $disk ) {}

	/**
	 * After a refresh replaced $before: the files of photos it no longer
	 * holds go, and when its photos changed at all, the pages showing it are
	 * purged (PageCachePurge).
	 */
	public function replaced( string $provider, string $key, Listing $before, Listing $after ): void {
		if ( $before->same_photos( $after ) ) {
			// A subfolder added, removed or renamed changes a gallery's album cards.
			$folders_before = array_keys( $before->folders );
			$folders_after  = array_keys( $after->folders );
			sort( $folders_before );
			sort( $folders_after );
			if ( $folders_before !== $folders_after ) {
				do_action( PageCachePurge::LISTING_CHANGED_HOOK, $provider, $key );
			}
			return;
		}
		// Photos gone, and photos whose revision changed (their old files).
		$this->forget( $provider, $key, array_diff_assoc( $before->revisions(), $after->revisions() ) );
		do_action( PageCachePurge::LISTING_CHANGED_HOOK, $provider, $key );
	}

	/**
	 * The provider said the folder is gone: its listing and thumbnails go,
	 * and page views take its word for $remember seconds.
	 */
	public function folder_gone( string $provider, string $key, int $remember ): void {
		foreach ( array( $this->store->get( $provider, $key, true ), $this->store->get_next( $provider, $key, true ) ) as $listing ) {
			if ( null !== $listing ) {
				$this->forget( $provider, $key, $listing->revisions() );
			}
		}
		$this->store->delete( $provider, $key );
		$this->store->mark_gone( $provider, $key, $remember );
		do_action( PageCachePurge::LISTING_CHANGED_HOOK, $provider, $key );
	}

	/**
	 * Deletes the cached files, every size, of these photos of the listing.
	 *
	 * @param array<string, string> $revisions File id => revision.
	 */
	private function forget( string $provider, string $key, array $revisions ): void {
		foreach ( $revisions as $id => $revision ) {
			$this->disk->delete_photo( new ImageRef( $provider, (string) $id, $revision, ThumbnailSize::DEFAULT, $key ) );
		}
	}
}
