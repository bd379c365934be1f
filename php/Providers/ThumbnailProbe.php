<?php
/**
 * Part of "Test connection": fetches one photo's thumbnail the way galleries do.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers;

use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Gallery\Source;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Images\ThumbnailHealth;

/**
 * A connection that can list folders but not fetch photos shows visitors
 * grey tiles, so the test is not passed until a thumbnail came back. The
 * outcome also settles the thumbnail health the Settings screen and Site
 * Health show.
 */
final class ThumbnailProbe {

	public function __construct( private Source $source, private ThumbnailHealth $health ) {}

	/**
	 * @param array<string, ImageRef> $candidates A few photos to try, by display path.
	 *
	 * @return string|Problem A sentence for the test's message, or why thumbnails fail.
	 */
	public function run( array $candidates ): string|Problem {
		$unrenderable = null;
		foreach ( $candidates as $path => $image ) {
			try {
				$this->source->thumbnail( $image );
			} catch ( GalleryException $failure ) {
				if ( GalleryException::FOLDER_NOT_FOUND === $failure->reason ) {
					// That photo's own trouble (gone meanwhile, unreadable): try another.
					$unrenderable = $path;
					continue;
				}
				$this->health->failed( $image->provider, $failure );
				return new Problem(
					'thumbnails_failing',
					sprintf(
						/* translators: 1: provider name, e.g. "Dropbox", 2: what the provider answered. */
						__( '%1$s lists folders but refused a photo\'s thumbnail: %2$s', 'customer-cloud-gallery' ),
						$this->source->label(),
						null !== $failure->problem ? $failure->problem->message : $failure->getMessage()
					),
					null !== $failure->problem ? $failure->problem->fix : __( 'Press Test connection to try again.', 'customer-cloud-gallery' ),
					null !== $failure->problem ? $failure->problem->action : Problem::ACTION_RETRY
				);
			}
			$this->health->succeeded( $image->provider );
			/* translators: %s: the photo's path, e.g. "/Weddings/0042.jpg". */
			return sprintf( __( 'It fetched a thumbnail of %s.', 'customer-cloud-gallery' ), $path );
		}
		if ( null !== $unrenderable ) {
			/* translators: %s: the photo's path. */
			return sprintf( __( 'It could not make a thumbnail of %s, so thumbnails are untested.', 'customer-cloud-gallery' ), $unrenderable );
		}
		return __( 'It found no photo near the top level to fetch a thumbnail of, so thumbnails are untested.', 'customer-cloud-gallery' );
	}
}
