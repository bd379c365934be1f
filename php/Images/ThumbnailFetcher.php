<?php
/**
 * Gets thumbnails from Dropbox into the disk cache.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Images;

use CustomerCloudGallery\Cache\ThumbnailDiskCache;
use CustomerCloudGallery\Providers\Dropbox\ApiClient;
use CustomerCloudGallery\Providers\Dropbox\AuthorizedCalls;
use CustomerCloudGallery\Providers\Dropbox\DropboxError;
use CustomerCloudGallery\Providers\Dropbox\Thumbnail;

final class ThumbnailFetcher {

	public const BATCH = 25;

	public function __construct( private ApiClient $api, private AuthorizedCalls $calls, private ThumbnailDiskCache $disk ) {}

	/**
	 * One thumbnail (get_thumbnail_v2), written to disk.
	 *
	 * @return string|null The file's path; null when it could not be written.
	 *
	 * @throws DropboxError
	 * @throws \CustomerCloudGallery\Storage\UnreadableSecret
	 */
	public function fetch( ImageRef $image ): ?string {
		$thumbnail = $this->calls->call( fn ( string $token ): Thumbnail => $this->api->get_thumbnail( $token, $image->file_id, $image->size, ThumbnailSize::MODE ) );
		return $this->disk->write( $image, $thumbnail->bytes );
	}

	/**
	 * Up to 25 thumbnails in one call (get_thumbnail_batch); per-photo
	 * failures are skipped.
	 *
	 * @param list<ImageRef> $images
	 *
	 * @return int How many were written.
	 *
	 * @throws DropboxError
	 * @throws \CustomerCloudGallery\Storage\UnreadableSecret
	 */
	public function fetch_batch( array $images ): int {
		$entries = array();
		foreach ( $images as $image ) {
			$entries[] = array(
				'path' => $image->file_id,
				'size' => $image->size,
				'mode' => ThumbnailSize::MODE,
			);
		}
		$results = $this->calls->call( fn ( string $token ): array => $this->api->get_thumbnail_batch( $token, $entries ) );
		$written = 0;
		foreach ( $images as $index => $image ) {
			$thumbnail = $results[ $index ] ?? null;
			if ( null !== $thumbnail && null !== $this->disk->write( $image, $thumbnail->bytes ) ) {
				++$written;
			}
		}
		return $written;
	}
}
