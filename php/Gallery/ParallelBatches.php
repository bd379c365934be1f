<?php
/**
 * A source that can send several thumbnail batches at once.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

use CustomerCloudGallery\Images\ImageRef;

/**
 * For a source whose batch call is one request (Dropbox's
 * get_thumbnail_batch), several batches cost no more provider calls when
 * sent together, and take one round trip instead of one each. A source
 * without it has its batches fetched one call at a time, by the requests
 * that ask for them.
 */
interface ParallelBatches {

	/** How many batches one request may send together (at least 1). */
	public function batches_at_once(): int;

	/**
	 * @param list<list<ImageRef>> $batches Each at most Source::batch_size().
	 *
	 * @return list<array<int, string|null>|GalleryException> By the keys of $batches: image bytes
	 *                                                        by index in the batch (null for a
	 *                                                        photo that cannot be rendered), or
	 *                                                        the failure of the whole call.
	 *
	 * @throws GalleryException When nothing could be asked (no connection, an unreadable
	 *                          secret, or a rate limit or outage that stopped every call).
	 */
	public function thumbnail_batches( array $batches ): array;
}
