<?php
/**
 * Which thumbnails a miss fetches together: the run of the gallery's order that holds it.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Images;

use CustomerCloudGallery\Cache\MediaInfoStore;
use CustomerCloudGallery\Gallery\Listing;
use CustomerCloudGallery\Gallery\PhotoOrder;
use CustomerCloudGallery\Gallery\Sources;

/**
 * A browser that opens a cold gallery page asks for its thumbnails a few at
 * a time, one request each. The image's URL names its listing and the
 * gallery's order (ImageRef), so the first of those requests can take the
 * photos shown beside it in that order, at the size the browser chose (a
 * page's images share one `sizes` and one set of srcset widths, so a browser
 * picks the same size for all of them), and fetch them in one provider call:
 * Dropbox's get_thumbnail_batch, or Drive's parallel requests. Runs are
 * aligned to the order (photos 0–24, 25–49, …), so every request of the page
 * names the same runs and one request per run does the work.
 */
final class MissBatch {

	public function __construct( private Sources $sources, private MediaInfoStore $media ) {}

	/**
	 * @param Listing $listing The current listing of $image->folder, which holds the photo.
	 *
	 * @return array{0: string, 1: list<ImageRef>} A name for the run (the same
	 *                                             for every photo, revision
	 *                                             and size of it) and its
	 *                                             images, $image among them;
	 *                                             just $image when the listing
	 *                                             does not hold it.
	 */
	public function around( ImageRef $image, Listing $listing ): array {
		$source = $this->sources->require( $image->provider );
		$length = max( 1, min( $source->batch_size(), ThumbnailSize::per_call( $image->size ) ) );
		$order  = PhotoOrder::from_code( $image->order );
		$media  = null !== $order && PhotoOrder::TAKEN === $order->by ? $this->media->get( $image->provider, $image->folder ) : array();

		list( $start, $photos ) = $listing->run_of( $image->file_id, $length, $order, $media );
		if ( array() === $photos ) {
			return array( $image->hash(), array( $image ) );
		}
		$images = array();
		$names  = array();
		foreach ( $photos as $photo ) {
			$images[] = new ImageRef( $image->provider, $photo->id, $photo->revision, $image->size, $image->folder, $image->order );
			$names[]  = $photo->id . '@' . $photo->revision;
		}
		return array( hash( 'sha256', implode( "\x1f", array( $image->provider, $image->folder, $image->order, $image->size, (string) $start, implode( ',', $names ) ) ) ), $images );
	}
}
