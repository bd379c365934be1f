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

final class ThumbnailFetcher {

	public function __construct( private Sources $sources, private ThumbnailDiskCache $disk ) {}

	/**
	 * One thumbnail, written to disk.
	 *
	 * @return string|null The file's path; null when it could not be written.
	 *
	 * @throws GalleryException
	 */
	public function fetch( ImageRef $image ): ?string {
		return $this->disk->write( $image, $this->sources->require( $image->provider )->thumbnail( $image ) );
	}

	/**
	 * Thumbnails of one provider in as few calls as it allows; per-photo
	 * failures are skipped.
	 *
	 * @param list<ImageRef> $images All of one provider.
	 *
	 * @return int How many were written.
	 *
	 * @throws GalleryException When a whole call fails.
	 */
	public function fetch_all( array $images ): int {
		if ( array() === $images ) {
			return 0;
		}
		$source  = $this->sources->require( $images[0]->provider );
		$written = 0;
		foreach ( array_chunk( $images, max( 1, $source->batch_size() ) ) as $batch ) {
			foreach ( $source->thumbnails( $batch ) as $index => $bytes ) {
				if ( null !== $bytes && null !== $this->disk->write( $batch[ $index ], $bytes ) ) {
					++$written;
				}
			}
		}
		return $written;
	}
}
