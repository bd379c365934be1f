<?php
/**
 * Warms the albums of a saved post's galleries: their listings and covers.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery\Albums;

use CustomerCloudGallery\Blocks\GalleryBlocks;
use CustomerCloudGallery\Cache\ListingStore;
use CustomerCloudGallery\Cache\ThumbnailDiskCache;
use CustomerCloudGallery\Capabilities;
use CustomerCloudGallery\Gallery\FolderListings;
use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Gallery\GalleryWarmer;
use CustomerCloudGallery\Gallery\Listing;
use CustomerCloudGallery\Gallery\Sources;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Images\ThumbnailFetcher;
use CustomerCloudGallery\Images\ThumbnailSize;
use CustomerCloudGallery\Rendering\GalleryAttributes;
use WP_Post;

/**
 * Runs in the same WP-Cron event as GalleryWarmer, after it (so the block
 * folder's listing is fresh): lists every album down to the block's album
 * depth, level by level, and fetches each card's cover at every srcset size
 * in the provider's batches, so the first visitor of a card page finds
 * counts and covers ready. A run that has spent its time leaves the rest to
 * a run of its own, scheduled at once; what is done is not done again.
 */
final class AlbumWarmer {

	public const HOOK = 'ccg_warm_albums';

	private const SECONDS_PER_RUN = 20;

	public function __construct(
		private FolderListings $listings,
		private ListingStore $store,
		private AlbumCovers $covers,
		private CoverParents $parents,
		private ThumbnailFetcher $fetcher,
		private ThumbnailDiskCache $disk,
		private Sources $sources
	) {}

	public function register(): void {
		add_action( GalleryWarmer::HOOK, array( $this, 'warm' ), 20 );
		add_action( self::HOOK, array( $this, 'warm' ) );
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
		$account  = (int) $post->post_author > 0 && user_can( (int) $post->post_author, Capabilities::MANAGE_CONNECTIONS );
		foreach ( GalleryBlocks::in( parse_blocks( $post->post_content ) ) as $gallery ) {
			if ( ! $gallery->albums || null === $this->sources->get( $gallery->provider ) ) {
				continue;
			}
			try {
				$done = $this->warm_gallery( $gallery, $deadline, $account );
			} catch ( GalleryException $exception ) {
				if ( $exception->is_transient() ) {
					$this->again( $post_id, max( 1, (int) ( $exception->retry_after ?? MINUTE_IN_SECONDS ) ) );
					return;
				}
				continue;
			}
			if ( ! $done ) {
				$this->again( $post_id, 0 );
				return;
			}
		}
	}

	/**
	 * @return bool False when the run's time was up before the gallery's albums were all warm.
	 *
	 * @throws GalleryException
	 */
	private function warm_gallery( GalleryAttributes $gallery, float $deadline, bool $account ): bool {
		$provider = $gallery->provider;
		// Refuses as GalleryWarmer does: no gallery folder and an author who may not do without one.
		$this->listings->boundary( $provider, false, $account );
		$level = array( $this->listings->key( $provider, $gallery->folder_id ) => $this->listings->for_render( $provider, $gallery->folder_id ) );
		for ( $depth = 1; $depth <= $gallery->album_depth && array() !== $level; ++$depth ) {
			$next    = array();
			$missing = array();
			foreach ( $level as $parent_key => $parent ) {
				foreach ( $parent->subfolders() as $folder ) {
					if ( microtime( true ) >= $deadline ) {
						return false;
					}
					$key = $folder->ref();
					$this->listings->refresh_in_background( $provider, $key );
					$album = $this->store->get( $provider, $key, true );
					if ( null === $album ) {
						continue;
					}
					$missing = array_merge( $missing, $this->missing_covers( $gallery, $key, $album ) );
					$this->parents->remember( $provider, $key, (string) $parent_key );
					$next[ $key ] = $album;
				}
			}
			foreach ( array_chunk( $missing, max( 1, $this->sources->require( $provider )->batch_size() ) ) as $index => $batch ) {
				if ( $index > 0 && microtime( true ) >= $deadline ) {
					return false;
				}
				$this->fetcher->fetch_all( $batch );
			}
			$level = $next;
		}
		return true;
	}

	/**
	 * @return list<ImageRef> The album's cover at every srcset size not on disk yet.
	 */
	private function missing_covers( GalleryAttributes $gallery, string $key, Listing $album ): array {
		$missing = array();
		foreach ( ThumbnailSize::srcset() as $size ) {
			$cover = $this->covers->cover( $gallery->provider, $key, $album, $gallery->order(), $size );
			if ( null !== $cover && ! $this->disk->has( $cover ) ) {
				$missing[] = $cover;
			}
		}
		return $missing;
	}

	private function again( int $post_id, int $delay ): void {
		if ( false === wp_next_scheduled( self::HOOK, array( $post_id ) ) ) {
			wp_schedule_single_event( time() + $delay, self::HOOK, array( $post_id ) );
		}
	}
}
