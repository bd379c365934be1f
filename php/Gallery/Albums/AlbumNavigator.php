<?php
/**
 * Finds the album a request asks for inside the block's folder, and what its page shows.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery\Albums;

use CustomerCloudGallery\Gallery\FolderListings;
use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Gallery\Listing;
use CustomerCloudGallery\Gallery\ListingBudget;
use CustomerCloudGallery\Rendering\AlbumsView;
use CustomerCloudGallery\Rendering\GalleryAttributes;

/**
 * Each gallery of a page opens its albums with its own query argument,
 * ccg-album-<n> (n as in ccg-page-<n>), whose value is a chain of AlbumKeys
 * segments. The chain is followed down from the block's folder, one level
 * per segment, each among the subfolders of the listing above it, and never
 * further than the block's album depth: a key can only lead to a folder the
 * block's own cards lead to. Anything else (a hand-edited key, an album
 * deleted or moved out, a key of another block) is "missing", which the
 * page shows as it shows an unavailable gallery, with a link to its top.
 */
final class AlbumNavigator {

	public const ALBUM_ARG_PREFIX = 'ccg-album-';

	public function __construct( private AlbumKeys $keys, private FolderListings $listings, private AlbumCards $cards ) {}

	/**
	 * @param Listing  $top       The block folder's listing.
	 * @param string   $top_key   Its listing key.
	 * @param string[] $page_args The instance's paging arguments: a new folder starts at its first page.
	 */
	public function place( GalleryAttributes $gallery, int $instance, Listing $top, string $top_key, array $page_args ): AlbumPlace {
		if ( ! $gallery->albums ) {
			return new AlbumPlace( $top, $top_key );
		}
		$arg      = self::ALBUM_ARG_PREFIX . $instance;
		$clean    = remove_query_arg( array_merge( array( $arg ), $page_args ) );
		$asked    = $this->requested( $arg );
		$segments = null === $asked || '' === $asked ? array() : $this->keys->split( $asked );
		if ( null === $segments || count( $segments ) > $gallery->album_depth ) {
			return AlbumPlace::missing( $clean );
		}

		$listing = $top;
		$key     = $top_key;
		$trail   = array(
			array(
				'label' => '' !== $top->folder->name ? $top->folder->name : __( 'All albums', 'customer-cloud-gallery' ),
				'url'   => $clean,
			),
		);
		$walked  = array();
		foreach ( $segments as $segment ) {
			$found = null;
			foreach ( $listing->subfolders() as $folder ) {
				if ( hash_equals( $this->keys->segment( $gallery->provider, $key, $folder->ref() ), $segment ) ) {
					$found = $folder;
					break;
				}
			}
			if ( null === $found ) {
				return AlbumPlace::missing( $clean );
			}
			try {
				$listing = $this->listings->for_render( $gallery->provider, $found->ref() );
			} catch ( GalleryException ) {
				return AlbumPlace::missing( $clean );
			}
			$key      = $found->ref();
			$walked[] = $segment;
			$trail[]  = array(
				'label' => '' !== $found->name ? $found->name : basename( $found->path ),
				'url'   => add_query_arg( $arg, $this->keys->join( $walked ), $clean ),
			);
		}

		$cards = array();
		if ( count( $walked ) < $gallery->album_depth ) {
			$parent_key = $key;
			$link       = fn ( string $child ): string => add_query_arg( $arg, $this->keys->join( array_merge( $walked, array( $this->keys->segment( $gallery->provider, $parent_key, $child ) ) ) ), $clean );
			$cards      = $this->cards->of( $gallery, $listing, $key, $link, ListingBudget::for_context( 'request' ) );
		}
		// The page itself is the breadcrumb's last level: no link to itself.
		$trail[ count( $trail ) - 1 ]['url'] = null;
		return new AlbumPlace( $listing, $key, new AlbumsView( $cards, array() === $walked ? array() : $trail ) );
	}

	private function requested( string $arg ): ?string {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- public, read-only navigation.
		// Not sanitize_key(): it would turn "../.." into "", the top, where a
		// hand-edited key must be refused. AlbumKeys::split() admits only hex.
		return isset( $_GET[ $arg ] ) && is_string( $_GET[ $arg ] ) ? (string) wp_unslash( $_GET[ $arg ] ) : null; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- matched against AlbumKeys' pattern before any use.
	}
}
