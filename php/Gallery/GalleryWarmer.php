<?php
/**
 * Warms a saved post's galleries in the background: listing, then thumbnails.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

use CustomerCloudGallery\Blocks\GalleryBlock;
use CustomerCloudGallery\Blocks\GalleryBlocks;
use CustomerCloudGallery\Capabilities;
use CustomerCloudGallery\Cache\MediaInfoStore;
use CustomerCloudGallery\Cache\ThumbnailDiskCache;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Images\MissBatch;
use CustomerCloudGallery\Images\ThumbnailFetcher;
use CustomerCloudGallery\Images\ThumbnailSize;
use CustomerCloudGallery\Rendering\GalleryAttributes;
use WP_Post;

/**
 * Saving never waits: save_post only schedules a WP-Cron event. The event
 * refreshes each gallery's listing and fetches the thumbnails of its first
 * page in the provider's batches (Dropbox: 25 per get_thumbnail_batch, sizes
 * mixed); when the provider says to slow down, it stops and schedules itself
 * again after the wait it asked for, and the next run fetches only what is
 * still missing. A run that has spent its time (SECONDS_PER_RUN) leaves the
 * rest to a run scheduled at once.
 *
 * Every size the page's srcset names is fetched, not just its src: a phone
 * at density 3, a laptop and a retina screen each pick another one, and the
 * first visitor on any of them should be served from the disk cache. A
 * photo's sizes go together, in page order, so an interrupted run leaves
 * the photos at the top complete for every screen.
 */
final class GalleryWarmer {

	public const HOOK = 'ccg_warm_gallery';

	public const BLOCK = GalleryBlock::NAME;

	/**
	 * WP-Cron runs inside a web request, which PHP or the host may end after
	 * 30 seconds; a run that would outlive it hands the rest to the next run
	 * instead of being cut off with nothing rescheduled. Filterable as
	 * ccg_warm_seconds_per_run.
	 */
	private const SECONDS_PER_RUN = 20;

	public function __construct(
		private FolderListings $listings,
		private ThumbnailFetcher $fetcher,
		private ThumbnailDiskCache $disk,
		private Sources $sources,
		private MediaInfoStore $media
	) {}

	public function register(): void {
		add_action( 'save_post', array( $this, 'schedule' ), 10, 2 );
		add_action( self::HOOK, array( $this, 'warm' ) );
	}

	public function schedule( int $post_id, WP_Post $post ): void {
		if ( wp_is_post_revision( $post_id ) || wp_is_post_autosave( $post_id ) || ! has_block( self::BLOCK, $post ) ) {
			return;
		}
		if ( false === wp_next_scheduled( self::HOOK, array( $post_id ) ) ) {
			wp_schedule_single_event( time(), self::HOOK, array( $post_id ) );
		}
	}

	/**
	 * WP-Cron.
	 */
	public function warm( int $post_id ): void {
		$post = get_post( $post_id );
		if ( ! $post instanceof WP_Post ) {
			return;
		}
		$deadline = microtime( true ) + (float) apply_filters( 'ccg_warm_seconds_per_run', self::SECONDS_PER_RUN );
		$again    = null;
		$account  = (int) $post->post_author > 0 && user_can( (int) $post->post_author, Capabilities::MANAGE_CONNECTIONS );
		foreach ( $this->galleries( parse_blocks( $post->post_content ) ) as $index => $gallery ) {
			if ( $index > 0 && microtime( true ) >= $deadline ) {
				$again = 0;
				break;
			}
			try {
				$wait = $this->warm_gallery( $gallery, $deadline, $account );
			} catch ( GalleryException $exception ) {
				if ( $exception->is_transient() ) {
					wp_schedule_single_event( time() + max( 1, (int) ( $exception->retry_after ?? 60 ) ), self::HOOK, array( $post_id ) );
					return;
				}
				continue;
			}
			if ( null !== $wait ) {
				$again = min( $again ?? $wait, $wait );
			}
		}
		if ( null !== $again ) {
			wp_schedule_single_event( time() + $again, self::HOOK, array( $post_id ) );
		}
	}

	/**
	 * @param float $deadline When this run should stop asking the provider.
	 * @param bool  $account  The post's author can manage connections (see FolderListings::boundary()).
	 *
	 * @return int|null Seconds until the next run has work, null when done:
	 *                  0 with thumbnails left, a minute with photos whose
	 *                  media info is still unknown.
	 *
	 * @throws GalleryException
	 */
	private function warm_gallery( GalleryAttributes $gallery, float $deadline, bool $account ): ?int {
		$provider = $gallery->provider;
		$this->admit( $gallery, $this->listings->boundary( $provider, false, $account ) );
		$key = $this->listings->key( $provider, $gallery->folder_id );
		$this->listings->refresh_in_background( $provider, $key );
		$listing = $this->listings->for_render( $provider, $gallery->folder_id );
		// The first page as a visitor gets it (GalleryViewBuilder): in the
		// provider's order while the listing is still being counted.
		$order   = $listing->complete ? $gallery->order() : null;
		$missing = array();
		foreach ( $listing->page( 0, $gallery->per_page, $order, $this->media->get( $provider, $key ) ) as $photo ) {
			foreach ( ThumbnailSize::srcset() as $size ) {
				$image = new ImageRef( $provider, $photo->id, $photo->revision, $size, $key, $order?->code() ?? '', MissBatch::window_for( $gallery->per_page ) );
				if ( ! $this->disk->has( $image ) ) {
					$missing[] = $image;
				}
			}
		}
		$source = $this->sources->require( $provider );
		foreach ( array_chunk( $missing, max( 1, $source->batch_size() ) ) as $index => $batch ) {
			// At least one batch a run, so every run makes progress.
			if ( $index > 0 && microtime( true ) >= $deadline ) {
				return 0;
			}
			$this->fetcher->fetch_all( $batch );
		}
		if ( 'taken' !== $gallery->sort_by && null !== $gallery->crop() ) {
			return null;
		}
		return $source->learn_media( $key, $listing->photo_ids() ) > 0 ? MINUTE_IN_SECONDS : null;
	}

	/**
	 * Nothing outside the gallery folder is ever listed, not even into the
	 * cache: a folder id typed into the post's markup by hand is looked up
	 * (its metadata, one call) before its listing is fetched.
	 *
	 * @throws GalleryException OUTSIDE_ROOT, or the lookup's failure.
	 */
	private function admit( GalleryAttributes $gallery, Folder $boundary ): void {
		if ( $boundary->is_root() || '' === $gallery->folder_id || $gallery->folder_id === $boundary->id ) {
			return;
		}
		if ( ! $this->sources->require( $gallery->provider )->folder( $gallery->folder_id )->is_within( $boundary ) ) {
			throw GalleryException::outside_root();
		}
	}

	/**
	 * The post's galleries of providers this site has.
	 *
	 * @param array<int, array<string, mixed>> $blocks
	 *
	 * @return list<GalleryAttributes>
	 */
	private function galleries( array $blocks ): array {
		return array_values( array_filter( GalleryBlocks::in( $blocks ), fn ( GalleryAttributes $gallery ): bool => null !== $this->sources->get( $gallery->provider ) ) );
	}
}
