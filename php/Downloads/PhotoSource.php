<?php
/**
 * What downloads need from a cloud provider: one photo's bytes, streamed.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Downloads;

use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Gallery\Photo;
use CustomerCloudGallery\Http\StreamSink;

interface PhotoSource {

	/**
	 * Streams the photo, at exactly the revision given, into $sink: the
	 * original (with the visitor's Range passed on) or a web size made by
	 * the provider's thumbnail route (whole, no Range).
	 *
	 * @param string      $size  "original", "2048" or "1024".
	 * @param string|null $range The visitor's Range header, for the original only.
	 *
	 * @return int The provider's status: 200, 206 or 416.
	 *
	 * @throws GalleryException FOLDER_NOT_FOUND when the photo is gone; RATE_LIMITED,
	 *                          UNREACHABLE or NOT_CONNECTED otherwise.
	 */
	public function stream( Photo $photo, string $size, ?string $range, StreamSink $sink ): int;
}
