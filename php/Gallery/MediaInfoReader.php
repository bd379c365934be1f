<?php
/**
 * Learns photos' date taken and dimensions, a few at a time.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

use CustomerCloudGallery\Cache\MediaInfoStore;
use CustomerCloudGallery\Providers\Dropbox\ApiClient;
use CustomerCloudGallery\Providers\Dropbox\AuthorizedCalls;
use CustomerCloudGallery\Providers\Dropbox\DropboxError;

/**
 * One get_metadata call per photo (Dropbox has no batch for media info), so
 * only in the background, at most PER_RUN photos per run, and only for
 * galleries that sort by date taken or show photos in their own ratio.
 */
final class MediaInfoReader {

	private const PER_RUN = 50;

	public function __construct( private ApiClient $api, private AuthorizedCalls $calls, private MediaInfoStore $store ) {}

	/**
	 * @param string                                                                        $folder_key The listing's cache key.
	 * @param array<string, array{0: string, 1: string, 2: string, 3: int, 4: int, 5: int}> $photos
	 *
	 * @return int How many photos are still unknown after this run.
	 *
	 * @throws DropboxError When Dropbox refuses (what was learned so far is kept).
	 * @throws \CustomerCloudGallery\Storage\UnreadableSecret
	 */
	public function learn( string $folder_key, array $photos ): int {
		$known   = $this->store->get( $folder_key );
		$missing = array();
		foreach ( $photos as $row ) {
			if ( ! isset( $known[ $row[0] ] ) ) {
				$missing[] = $row[0];
			}
		}
		$learned = array();
		try {
			foreach ( array_slice( $missing, 0, (int) apply_filters( 'ccg_media_info_per_run', self::PER_RUN ) ) as $id ) {
				$info           = $this->calls->call( fn ( string $token ): array => $this->api->get_media_info( $token, $id ) );
				$learned[ $id ] = array( $info['taken'], $info['width'], $info['height'] );
			}
		} finally {
			$this->store->add( $folder_key, $learned );
		}
		return count( $missing ) - count( $learned );
	}
}
