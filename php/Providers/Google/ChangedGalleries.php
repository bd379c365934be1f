<?php
/**
 * Which Drive galleries a set of changes touches.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Cache\ListingStore;
use CustomerCloudGallery\Gallery\Albums\ShownAlbums;
use CustomerCloudGallery\Gallery\GalleryPosts;

/**
 * A gallery's listing key is its Drive folder's id, so a change touches it
 * when the changed file is in that folder now (its parents), when it is the
 * folder itself (renamed, moved, trashed, deleted), or when the folder's
 * cached listing holds it: a file deleted, or moved to another folder,
 * names only where it is now, or nothing at all.
 */
final class ChangedGalleries {

	public function __construct( private GalleryPosts $posts, private ListingStore $store, private ShownAlbums $albums ) {}

	/**
	 * The listing keys of the Drive galleries published posts show (the
	 * virtual top, "", lists drives, not files, and is left out).
	 *
	 * @return list<string>
	 */
	public function all(): array {
		return array_values( array_filter( $this->posts->gallery_keys( GoogleDescription::ID ), static fn ( string $key ): bool => '' !== $key ) );
	}

	/**
	 * The galleries' keys and those of the albums shown below them
	 * (ShownAlbums): a photo added to an album names the album's folder,
	 * not the gallery's. Read only when there is something to match: an
	 * unchanged Drive costs no listing reads either.
	 *
	 * @param list<string> $keys Listing keys of Drive galleries.
	 *
	 * @return list<string>
	 */
	public function with_albums( array $keys ): array {
		return array_merge( $keys, $this->albums->below( GoogleDescription::ID, $keys ) );
	}

	/**
	 * @param list<string> $keys Listing keys of Drive galleries.
	 *
	 * @return list<string> Those the changes touch, and the albums below them they touch.
	 */
	public function touched( DriveChangeSet $changes, array $keys ): array {
		if ( array() === $changes->parents ) {
			return array();
		}
		$keys      = $this->with_albums( $keys );
		$galleries = array_flip( $keys );
		$touched   = array();
		foreach ( $changes->parents as $id => $parents ) {
			foreach ( array_merge( array( (string) $id ), $parents ) as $folder ) {
				if ( isset( $galleries[ $folder ] ) ) {
					$touched[ $folder ] = true;
				}
			}
		}
		foreach ( $keys as $key ) {
			if ( ! isset( $touched[ $key ] ) && $this->holds_any( $key, $changes->parents ) ) {
				$touched[ $key ] = true;
			}
		}
		return array_map( 'strval', array_keys( $touched ) );
	}

	/**
	 * Whether the cached listing of the gallery (or the refresh being
	 * built) holds one of the changed files or subfolders.
	 *
	 * @param array<string, list<string>> $changed
	 */
	private function holds_any( string $key, array $changed ): bool {
		foreach ( array( $this->store->get( GoogleDescription::ID, $key, true ), $this->store->get_next( GoogleDescription::ID, $key, true ) ) as $listing ) {
			if ( null === $listing ) {
				continue;
			}
			$subfolders = array_flip( array_map( 'strval', array_column( $listing->folders, 0 ) ) );
			foreach ( array_keys( $changed ) as $id ) {
				if ( isset( $listing->files[ $id ] ) || isset( $subfolders[ $id ] ) ) {
					return true;
				}
			}
		}
		return false;
	}
}
