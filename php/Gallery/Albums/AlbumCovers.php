<?php
/**
 * The cover photo of an album, and the covers of a folder's albums.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery\Albums;

use CustomerCloudGallery\Cache\ListingStore;
use CustomerCloudGallery\Cache\MediaInfoStore;
use CustomerCloudGallery\Gallery\Listing;
use CustomerCloudGallery\Gallery\PhotoOrder;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Images\MissBatch;

/**
 * A cover is the album's first photo in the block's sort order, so only a
 * complete listing has one (an incomplete one does not know its first
 * photo yet: the card waits for it rather than show a photo that moves).
 * Its image is named by the album's own listing, with the covers' window
 * (MissBatch::COVERS): served only while that listing holds the photo, and
 * deleted with its other sizes when it goes.
 */
final class AlbumCovers {

	public function __construct( private ListingStore $store, private MediaInfoStore $media ) {}

	public function cover( string $provider, string $album_key, Listing $album, PhotoOrder $order, string $size ): ?ImageRef {
		if ( ! $album->complete || 0 === $album->photo_count() ) {
			return null;
		}
		$media = PhotoOrder::TAKEN === $order->by ? $this->media->get( $provider, $album_key ) : array();
		$first = $album->page( 0, 1, $order, $media )[0] ?? null;
		return null === $first ? null : new ImageRef( $provider, $first->id, $first->revision, $size, $album_key, $order->code(), MissBatch::COVERS );
	}

	/**
	 * The covers of a folder's albums whose listings are cached, in card
	 * order. Reads the cache only: a miss must never list folders.
	 *
	 * @return list<ImageRef>
	 */
	public function of_subfolders( string $provider, Listing $parent, PhotoOrder $order, string $size ): array {
		$covers = array();
		foreach ( $parent->subfolders() as $folder ) {
			$key     = $folder->ref();
			$listing = $this->store->get( $provider, $key );
			$cover   = null === $listing ? null : $this->cover( $provider, $key, $listing, $order, $size );
			if ( null !== $cover ) {
				$covers[] = $cover;
			}
		}
		return $covers;
	}
}
