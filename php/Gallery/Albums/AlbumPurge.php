<?php
/**
 * Purges the pages of the galleries whose albums changed.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery\Albums;

use CustomerCloudGallery\Gallery\PageCachePurge;

/**
 * A post records only its galleries' own folders (GalleryPosts), but its
 * album pages (the same post, with ccg-album-<n>) show their subfolders,
 * and its cards show their counts and covers. When an album's listing
 * changes (photos added or deleted, the folder gone), the posts showing
 * any folder above it, up to the deepest album depth, are purged too. The
 * way up is the one the cards were last rendered from (CoverParents).
 */
final class AlbumPurge {

	/** block.json's largest albumDepth. */
	private const MAX_DEPTH = 3;

	public function __construct( private CoverParents $parents, private PageCachePurge $purge ) {}

	public function register(): void {
		add_action( PageCachePurge::LISTING_CHANGED_HOOK, array( $this, 'album_changed' ), 20, 2 );
	}

	public function album_changed( string $provider, string $key ): void {
		$seen = array( $key => true );
		for ( $level = 0; $level < self::MAX_DEPTH; ++$level ) {
			$key = $this->parents->parent_of( $provider, $key );
			if ( null === $key || isset( $seen[ $key ] ) ) {
				return;
			}
			$seen[ $key ] = true;
			$this->purge->listing_changed( $provider, $key );
		}
	}
}
