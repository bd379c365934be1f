<?php
/**
 * Gets thumbnails from the provider into the disk cache.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Images;

use CustomerCloudGallery\Cache\Lock;
use CustomerCloudGallery\Cache\Locks;
use CustomerCloudGallery\Cache\ThumbnailDiskCache;
use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Gallery\ParallelBatches;
use CustomerCloudGallery\Gallery\Sources;

/**
 * Each missing thumbnail is asked for once, however many requests want it
 * at once: the first takes a lock (for the image, or for the run of photos
 * fetched with it: fetch_run()) and fetches; the others wait for its file
 * (a cold page of 100 photos opened by a class of students, or a crawler,
 * costs Dropbox 4 batch calls, not thousands). Failures cost
 * nothing twice: a photo the provider would not give is not asked for again
 * until its wait is over (ThumbnailFailures), and a failing connection
 * shows in the admin's health checks (ThumbnailHealth).
 */
final class ThumbnailFetcher {

	/** Longer than any one thumbnail call takes (the HTTP timeout is 20 s). */
	private const LOCK_TTL = 30;

	/** How long a request waits for another's fetch before giving up (placeholder, not cached). */
	private const WAIT_SECONDS = 15.0;

	/** A waiting request looks for its file this often… */
	private const POLL_MICROS = 25000;

	/** …and tries the lock (did the fetch end without it?) every this many looks. */
	private const POLLS_PER_LOCK_TRY = 4;

	public function __construct(
		private Sources $sources,
		private ThumbnailDiskCache $disk,
		private ThumbnailFailures $failures,
		private ThumbnailHealth $health,
		private Locks $locks
	) {}

	/**
	 * One thumbnail, written to disk.
	 *
	 * @return string|null The file's path; null when it could not be written.
	 *
	 * @throws GalleryException Also, without asking, while an earlier failure is remembered.
	 */
	public function fetch( ImageRef $image ): ?string {
		$pending = $this->failures->pending( $image );
		if ( null !== $pending ) {
			throw $pending;
		}
		$lock = $this->locks->create( 'thumb_' . $image->hash(), self::LOCK_TTL );
		if ( ! $lock->acquire() ) {
			return $this->wait_for( $image, $lock );
		}
		return $this->fetch_holding( $image, $lock );
	}

	/**
	 * The fetch itself, with the image's lock held (released here).
	 *
	 * @throws GalleryException When the provider refuses.
	 */
	private function fetch_holding( ImageRef $image, Lock $lock ): ?string {
		try {
			// The request that held the lock before may have just written it.
			$path = $this->disk->hit( $image );
			if ( null !== $path ) {
				return $path;
			}
			try {
				$bytes = $this->sources->require( $image->provider )->thumbnail( $image );
			} catch ( GalleryException $failure ) {
				$this->failed( $image, $failure );
				throw $failure;
			}
			$this->failures->forget( $image );
			$this->health->succeeded( $image->provider );
			return $this->disk->write( $image, $bytes );
		} finally {
			$lock->release();
		}
	}

	/**
	 * One thumbnail, fetched together with the run it belongs to
	 * (MissBatch::runs()): the first request of the run takes the run's
	 * lock and fetches what of it is missing in one provider call; the other
	 * requests of the run wait for their files. Where the source can send
	 * several batches at once (ParallelBatches), it also takes the other runs
	 * of the window that nobody holds and fetches them in the same round
	 * trip, each still one call. Should a file not come (its photo failed,
	 * or the wait ran out), the request falls back to fetch(), which
	 * remembers failures, so nothing is asked twice in vain.
	 *
	 * @param string                                     $run       The run's name.
	 * @param list<ImageRef>                             $images    The run, $image among them.
	 * @param list<array{0: string, 1: list<ImageRef>}> $alongside Other runs of the window (name, images).
	 *
	 * @return string|null As fetch().
	 *
	 * @throws GalleryException As fetch().
	 */
	public function fetch_run( ImageRef $image, string $run, array $images, array $alongside = array() ): ?string {
		$pending = $this->failures->pending( $image );
		if ( null !== $pending ) {
			throw $pending;
		}
		if ( count( $images ) < 2 && array() === $alongside ) {
			return $this->fetch( $image );
		}
		$lock = $this->run_lock( $run );
		if ( ! $lock->acquire() ) {
			return $this->wait_for( $image, $lock ) ?? $this->fetch( $image );
		}
		$held = array( $lock );
		try {
			$own = $this->missing( $images );
			if ( array() === $own ) {
				// The run's previous holder has just written it (below).
				return $this->disk->hit( $image ) ?? $this->fetch( $image );
			}
			$batches = array( $own );
			$source  = $this->sources->require( $image->provider );
			if ( $source instanceof ParallelBatches ) {
				foreach ( $alongside as list( $name, $others ) ) {
					$other = $this->run_lock( $name );
					if ( ! $other->acquire() ) {
						continue;
					}
					$held[]  = $other;
					$missing = $this->missing( $others );
					if ( array() !== $missing ) {
						$batches[] = $missing;
					}
				}
			}
			if ( 1 === count( $batches ) && array( $image ) == $batches[0] ) { // phpcs:ignore Universal.Operators.StrictComparisons -- same values, not the same object.
				// Only this one: the lighter single call.
				return $this->fetch( $image );
			}
			if ( $source instanceof ParallelBatches && count( $batches ) > 1 ) {
				$this->fetch_batches( $source, $batches );
			} else {
				$this->fetch_remembering( $own );
			}
		} finally {
			foreach ( $held as $taken ) {
				$taken->release();
			}
		}
		return $this->disk->hit( $image ) ?? $this->fetch( $image );
	}

	private function run_lock( string $run ): Lock {
		return $this->locks->create( 'thumbs_' . substr( $run, 0, 40 ), self::LOCK_TTL );
	}

	/**
	 * @param list<ImageRef> $images
	 *
	 * @return list<ImageRef> Those not on disk and not waiting out a failure.
	 */
	private function missing( array $images ): array {
		return $this->failures->askable( array_values( array_filter( $images, fn ( ImageRef $other ): bool => ! $this->disk->has( $other ) ) ) );
	}

	/**
	 * One batch; when the whole call fails (rate limit, outage, lost grant),
	 * every photo of it would fail alike, so none asks again until the wait
	 * is over.
	 *
	 * @param list<ImageRef> $batch
	 *
	 * @throws GalleryException
	 */
	private function fetch_remembering( array $batch ): void {
		try {
			$this->fetch_all( $batch );
		} catch ( GalleryException $failure ) {
			foreach ( $batch as $other ) {
				$this->failures->remember( $other, $failure );
			}
			throw $failure;
		}
	}

	/**
	 * Several batches in one round trip; the first is the asking request's
	 * own. A failed call is remembered for its photos, as fetch_remembering()
	 * does; only the own batch's failure is thrown.
	 *
	 * @param list<list<ImageRef>> $batches
	 *
	 * @throws GalleryException
	 */
	private function fetch_batches( ParallelBatches $source, array $batches ): void {
		$provider = $batches[0][0]->provider;
		try {
			$answers = $source->thumbnail_batches( $batches );
		} catch ( GalleryException $failure ) {
			$this->health->failed( $provider, $failure );
			foreach ( $batches as $batch ) {
				foreach ( $batch as $other ) {
					$this->failures->remember( $other, $failure );
				}
			}
			throw $failure;
		}
		$own = null;
		foreach ( $batches as $key => $batch ) {
			$answer = $answers[ $key ] ?? array();
			if ( $answer instanceof GalleryException ) {
				$this->health->failed( $provider, $answer );
				foreach ( $batch as $other ) {
					$this->failures->remember( $other, $answer );
				}
				$own = 0 === $key ? $answer : $own;
				continue;
			}
			$this->write_batch( $batch, $answer );
		}
		if ( null !== $own ) {
			throw $own;
		}
	}

	/**
	 * Another request is fetching this image: its file once written. Null
	 * (a placeholder nobody caches) when it failed or takes too long; a
	 * failure is remembered, so the next view does not ask either.
	 */
	private function wait_for( ImageRef $image, Lock $lock ): ?string {
		$deadline = microtime( true ) + self::WAIT_SECONDS;
		$looks    = 0;
		do {
			usleep( self::POLL_MICROS );
			$path = $this->disk->hit( $image );
			if ( null !== $path ) {
				return $path;
			}
			if ( 0 === ++$looks % self::POLLS_PER_LOCK_TRY && $lock->acquire() ) {
				// The fetch is over and this disk has no file: it failed
				// (remembered, so nobody asks again), or it ran on another
				// web node, whose disk is not this one's (uploads not
				// shared): then this node fetches its own copy, once.
				if ( null !== $this->failures->pending( $image ) ) {
					$lock->release();
					return null;
				}
				return $this->fetch_holding( $image, $lock );
			}
		} while ( microtime( true ) < $deadline );
		return null;
	}

	/**
	 * Thumbnails of one provider in as few calls as it allows; per-photo
	 * failures are skipped and remembered, and so are photos still waiting
	 * out an earlier failure.
	 *
	 * @param list<ImageRef> $images All of one provider.
	 *
	 * @return int How many were written.
	 *
	 * @throws GalleryException When a whole call fails.
	 */
	public function fetch_all( array $images ): int {
		$images = $this->failures->askable( $images );
		if ( array() === $images ) {
			return 0;
		}
		$source  = $this->sources->require( $images[0]->provider );
		$written = 0;
		foreach ( array_chunk( $images, max( 1, $source->batch_size() ) ) as $batch ) {
			try {
				$results = $source->thumbnails( $batch );
			} catch ( GalleryException $failure ) {
				$this->health->failed( $images[0]->provider, $failure );
				throw $failure;
			}
			$written += $this->write_batch( $batch, $results );
		}
		return $written;
	}

	/**
	 * @param list<ImageRef>          $batch
	 * @param array<int, string|null> $results Bytes by index in $batch; null for a photo that failed.
	 *
	 * @return int How many were written.
	 */
	private function write_batch( array $batch, array $results ): int {
		$written = 0;
		$source  = $this->sources->require( $batch[0]->provider );
		foreach ( $results as $index => $bytes ) {
			if ( ! isset( $batch[ $index ] ) ) {
				continue;
			}
			if ( null === $bytes ) {
				// The batch says only that this one failed, not why: as if gone.
				$this->failures->remember( $batch[ $index ], GalleryException::not_found( $source->label() ) );
			} elseif ( null !== $this->disk->write( $batch[ $index ], $bytes ) ) {
				$this->failures->forget( $batch[ $index ] );
				++$written;
			}
		}
		if ( $written > 0 ) {
			$this->health->succeeded( $batch[0]->provider );
		}
		return $written;
	}

	private function failed( ImageRef $image, GalleryException $failure ): void {
		$this->failures->remember( $image, $failure );
		$this->health->failed( $image->provider, $failure );
	}
}
