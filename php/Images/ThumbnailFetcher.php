<?php
/**
 * Gets thumbnails from the provider into the disk cache.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Images;

use CustomerCloudGallery\Cache\ThumbnailDiskCache;
use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Gallery\Sources;

/**
 * Failures cost nothing twice: a photo the provider would not give is not
 * asked for again until its wait is over (ThumbnailFailures), and a failing
 * connection shows in the admin's health checks (ThumbnailHealth).
 */
final class ThumbnailFetcher {

	public function __construct(
		private Sources $sources,
		private ThumbnailDiskCache $disk,
		private ThumbnailFailures $failures,
		private ThumbnailHealth $health
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
		try {
			$bytes = $this->sources->require( $image->provider )->thumbnail( $image );
		} catch ( GalleryException $failure ) {
			$this->failed( $image, $failure );
			throw $failure;
		}
		$this->failures->forget( $image );
		$this->health->succeeded( $image->provider );
		return $this->disk->write( $image, $bytes );
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
		$images = array_values( array_filter( $images, fn ( ImageRef $image ): bool => null === $this->failures->pending( $image ) ) );
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
			foreach ( $results as $index => $bytes ) {
				if ( null === $bytes ) {
					// The batch says only that this one failed, not why: as if gone.
					$this->failures->remember( $batch[ $index ], GalleryException::not_found( $source->label() ) );
				} elseif ( null !== $this->disk->write( $batch[ $index ], $bytes ) ) {
					$this->failures->forget( $batch[ $index ] );
					++$written;
				}
			}
			if ( $written > 0 ) {
				$this->health->succeeded( $images[0]->provider );
			}
		}
		return $written;
	}

	private function failed( ImageRef $image, GalleryException $failure ): void {
		$this->failures->remember( $image, $failure );
		$this->health->failed( $image->provider, $failure );
	}
}
