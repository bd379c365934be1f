<?php
/**
 * Which covers a cold cover's miss fetches with it: its siblings'.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery\Albums;

use CustomerCloudGallery\Gallery\FolderListings;
use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Gallery\PhotoOrder;
use CustomerCloudGallery\Gallery\Sources;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Images\ThumbnailSize;

/**
 * A page of album cards shows one cover per album, each from another
 * folder, so the photos of one listing (MissBatch's runs) would fetch them
 * one call each. The covers of one folder's cards share a size (one `sizes`
 * and srcset), so the first cover a browser asks for fetches the others of
 * its run (aligned stretches of the card order, as long as the provider's
 * batch) in one call: a page of 3 cards costs one get_thumbnail_batch.
 */
final class CoverRun {

	public function __construct(
		private CoverParents $parents,
		private FolderListings $listings,
		private AlbumCovers $covers,
		private Sources $sources
	) {}

	/**
	 * @return array{0: string, 1: list<ImageRef>}|null As MissBatch::around(); null when the
	 *                                                 cover's folder of cards is not known.
	 */
	public function around( ImageRef $image ): ?array {
		$parent = $this->parents->parent_of( $image->provider, $image->folder );
		$order  = PhotoOrder::from_code( $image->order ) ?? new PhotoOrder( PhotoOrder::NAME, false );
		if ( null === $parent ) {
			return null;
		}
		try {
			// The same boundary check as any listing a page shows.
			$listing = $this->listings->for_render( $image->provider, $parent );
		} catch ( GalleryException ) {
			return null;
		}
		$listed = array_map( static fn ( $folder ): string => $folder->ref(), $listing->subfolders() );
		if ( ! in_array( $image->folder, $listed, true ) ) {
			return null;
		}
		$covers = $this->covers->of_subfolders( $image->provider, $listing, $order, $image->size );
		$at     = null;
		foreach ( $covers as $index => $cover ) {
			if ( $cover->file_id === $image->file_id && $cover->folder === $image->folder ) {
				$at = $index;
				break;
			}
		}
		if ( null === $at ) {
			return null;
		}
		$length = max( 1, min( $this->sources->require( $image->provider )->batch_size(), ThumbnailSize::per_call( $image->size ) ) );
		$run    = array_slice( $covers, intdiv( $at, $length ) * $length, $length );
		$names  = array_map( static fn ( ImageRef $cover ): string => $cover->folder . '/' . $cover->file_id . '@' . $cover->rev, $run );
		return array( hash( 'sha256', implode( "\x1f", array( 'covers', $image->provider, $parent, $image->order, $image->size, implode( ',', $names ) ) ) ), $run );
	}
}
