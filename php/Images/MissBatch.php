<?php
/**
 * Which thumbnails a miss fetches together: the run of the page's photos that holds it.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Images;

use CustomerCloudGallery\Cache\MediaInfoStore;
use CustomerCloudGallery\Gallery\Albums\CoverRun;
use CustomerCloudGallery\Gallery\Listing;
use CustomerCloudGallery\Gallery\ParallelBatches;
use CustomerCloudGallery\Gallery\Photo;
use CustomerCloudGallery\Gallery\PhotoOrder;
use CustomerCloudGallery\Gallery\Sources;

/**
 * A browser that opens a cold gallery page asks for its thumbnails a few at
 * a time, one request each. The image's URL names its listing, the
 * gallery's order and the page's window (ImageRef), so a miss can take the
 * photos of its page at the size the browser chose (a page's images share
 * one `sizes` and one set of srcset widths, so a browser picks the same size
 * for all of them) and fetch them in the provider's batches: Dropbox's
 * get_thumbnail_batch, or Drive's parallel requests.
 *
 * The window (the page, rounded up to a multiple of 25) is split into as
 * many runs as the provider's batches need, interleaved: photo 0 starts run
 * 0, photo 1 run 1, … So the browser's first requests, for the first photos,
 * each lead another run, and the page's runs are fetched side by side by
 * the requests that asked, not one after another. Every request of the
 * page names the same runs, and one request per run does its work.
 * Without a window (a URL made before there was one), the runs are aligned
 * stretches of the order instead.
 */
final class MissBatch {

	/**
	 * The window of an album card's cover: fetched with the other covers of
	 * its folder's cards (Gallery\Albums\CoverRun), not with its album's photos.
	 */
	public const COVERS = 1;

	/** The windows a token may carry: 0 (unknown), the covers', and the page sizes, rounded up. */
	public const WINDOWS = array( 0, self::COVERS, 25, 50, 75, 100, 125, 150, 175, 200 );

	public function __construct( private Sources $sources, private MediaInfoStore $media, private ?CoverRun $covers = null ) {}

	/**
	 * The window of a page of $per_page photos (the block allows 1 to 200).
	 */
	public static function window_for( int $per_page ): int {
		return (int) min( 200, 25 * (int) ceil( max( 1, $per_page ) / 25 ) );
	}

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
		return $this->runs( $image, $listing )[0];
	}

	/**
	 * The photo's run, then the window's other runs that the same request
	 * may fetch alongside it, for a source that sends batches together
	 * (ParallelBatches::batches_at_once(), within ThumbnailSize::per_request()):
	 * the first requests of a cold page then start the window's runs at
	 * once, where otherwise the runs that no eager image leads would wait
	 * until the visitor scrolls to their lazy images.
	 *
	 * @param Listing $listing As for around().
	 *
	 * @return array{0: array{0: string, 1: list<ImageRef>}, 1: list<array{0: string, 1: list<ImageRef>}>}
	 */
	public function runs( ImageRef $image, Listing $listing ): array {
		if ( self::COVERS === $image->window ) {
			return array( $this->covers?->around( $image ) ?? array( $image->hash(), array( $image ) ), array() );
		}
		$source = $this->sources->require( $image->provider );
		$length = max( 1, min( $source->batch_size(), ThumbnailSize::per_call( $image->size ) ) );
		$order  = PhotoOrder::from_code( $image->order );
		$media  = null !== $order && PhotoOrder::TAKEN === $order->by ? $this->media->get( $image->provider, $image->folder ) : array();

		if ( $image->window > 0 ) {
			list( $start, $own, $runs ) = $listing->window_runs( $image->file_id, $image->window, (int) ceil( $image->window / $length ), $order, $media );
		} else {
			list( $start, $photos ) = $listing->run_of( $image->file_id, $length, $order, $media );
			$own                    = 0;
			$runs                   = array() === $photos ? array() : array( $photos );
		}
		if ( ! isset( $runs[ $own ] ) ) {
			return array( array( $image->hash(), array( $image ) ), array() );
		}
		$own_run   = $this->named( $image, $start, $own, $runs[ $own ] );
		$alongside = array();
		$batches   = $source instanceof ParallelBatches ? $source->batches_at_once() - 1 : 0;
		$budget    = ThumbnailSize::per_request( $image->size ) - count( $runs[ $own ] );
		// The last runs first: the first ones are led by the requests for the
		// page's first photos, which a browser sends at once.
		foreach ( array_reverse( $runs, true ) as $run => $photos ) {
			if ( $batches > 0 && $run !== $own && count( $photos ) <= $budget ) {
				$alongside[] = $this->named( $image, $start, $run, $photos );
				$budget     -= count( $photos );
				--$batches;
			}
		}
		return array( $own_run, $alongside );
	}

	/**
	 * @param list<Photo> $photos
	 *
	 * @return array{0: string, 1: list<ImageRef>}
	 */
	private function named( ImageRef $image, int $start, int $run, array $photos ): array {
		$images = array();
		$names  = array();
		foreach ( $photos as $photo ) {
			$images[] = new ImageRef( $image->provider, $photo->id, $photo->revision, $image->size, $image->folder, $image->order, $image->window );
			$names[]  = $photo->id . '@' . $photo->revision;
		}
		return array( hash( 'sha256', implode( "\x1f", array( $image->provider, $image->folder, $image->order, $image->size, (string) $image->window, $start . ':' . $run, implode( ',', $names ) ) ) ), $images );
	}
}
