<?php
/**
 * The album cards of a folder: title, link, photo count and cover.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery\Albums;

use CustomerCloudGallery\Cache\ListingStore;
use CustomerCloudGallery\Gallery\Folder;
use CustomerCloudGallery\Gallery\FolderListings;
use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Gallery\Listing;
use CustomerCloudGallery\Gallery\ListingBudget;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Images\ImageUrls;
use CustomerCloudGallery\Images\ThumbnailSize;
use CustomerCloudGallery\Rendering\GalleryAttributes;

/**
 * A card needs its album's listing for the count and the cover. Cached
 * listings cost nothing; an album never listed is listed in the request
 * while the request's listing budget lasts, and the rest are listed in the
 * background (WP-Cron) while their cards show no count and no cover. An
 * album still being listed shows no count either: its count so far would be
 * wrong. An album the provider says is gone has no card, even while its
 * folder's own listing still names it.
 */
final class AlbumCards {

	/** The box a card declares; covers are cropped to it by CSS, so nothing shifts. */
	private const WIDTH = 640;

	private const HEIGHT = 480;

	public function __construct(
		private FolderListings $listings,
		private ListingStore $store,
		private AlbumCovers $covers,
		private CoverParents $parents,
		private ImageUrls $urls
	) {}

	/**
	 * @param Listing               $shown      The folder whose albums these are.
	 * @param string                $shown_key  Its listing key.
	 * @param callable(string):string $link     The URL of an album, from the segment of the subfolder.
	 *
	 * @return list<array{title: string, url: string, count: string|null, cover: array{src: string, srcset: list<array{url: string, width: int}>, sizes: string, width: int, height: int, loading: string}|null}>
	 */
	public function of( GalleryAttributes $gallery, Listing $shown, string $shown_key, callable $link, ListingBudget $budget ): array {
		$cards = array();
		foreach ( $shown->subfolders() as $index => $folder ) {
			$key = $folder->ref();
			if ( $this->store->gone( $gallery->provider, $key ) ) {
				continue;
			}
			try {
				$album = $this->album( $gallery->provider, $key, $budget );
			} catch ( GalleryException $exception ) {
				if ( ! $exception->is_transient() ) {
					continue;
				}
				$album = null;
			}
			$cover = null === $album ? null : $this->covers->cover( $gallery->provider, $key, $album, $gallery->order(), ThumbnailSize::DEFAULT );
			$this->parents->remember( $gallery->provider, $key, $shown_key );
			$cards[] = array(
				'title' => $this->title( $folder ),
				'url'   => $link( $key ),
				'count' => null !== $album && $album->complete ? $this->count( $album->photo_count() ) : null,
				'cover' => null === $cover ? null : $this->image( $cover, $this->sizes( $gallery->columns ), $index < $gallery->columns ? 'eager' : 'lazy' ),
			);
		}
		return $cards;
	}

	/**
	 * The album's listing when it is cached or the budget allows listing it
	 * now; otherwise null, with its listing scheduled.
	 *
	 * @throws GalleryException When the album is gone or outside the gallery folder.
	 */
	private function album( string $provider, string $key, ListingBudget $budget ): ?Listing {
		if ( null === $this->store->get( $provider, $key ) && ! $budget->allows_another_page() ) {
			$this->listings->schedule_refresh( $provider, $key );
			return null;
		}
		return $this->listings->for_render( $provider, $key );
	}

	private function title( Folder $folder ): string {
		return '' !== $folder->name ? $folder->name : basename( $folder->path );
	}

	private function count( int $photos ): string {
		/* translators: %s: how many photos an album holds. */
		return sprintf( _n( '%s photo', '%s photos', $photos, 'customer-cloud-gallery' ), number_format_i18n( $photos ) );
	}

	/**
	 * The cards' grid (albums.scss): the block's columns, at most two below
	 * 600px. Every cover of a page has the same, so a browser picks one
	 * srcset size for all of them, and their misses batch (CoverRun).
	 */
	private function sizes( int $columns ): string {
		return sprintf( '(max-width: 600px) %dvw, %dvw', (int) floor( 100 / min( 2, $columns ) ), (int) floor( 100 / $columns ) );
	}

	/**
	 * @return array{src: string, srcset: list<array{url: string, width: int}>, sizes: string, width: int, height: int, loading: string}
	 */
	private function image( ImageRef $cover, string $sizes, string $loading ): array {
		$srcset = array();
		foreach ( ThumbnailSize::srcset() as $size ) {
			$srcset[] = array(
				'url'   => $this->urls->url( $cover->at( $size ) ),
				'width' => ThumbnailSize::long_edge( $size ),
			);
		}
		return array(
			'src'     => $this->urls->url( $cover ),
			'srcset'  => $srcset,
			'sizes'   => $sizes,
			'width'   => self::WIDTH,
			'height'  => self::HEIGHT,
			'loading' => $loading,
		);
	}
}
