<?php
/**
 * The order a gallery shows its photos in.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

/**
 * What the block asked for (its sortBy and sortOrder); Listing::page()
 * applies it to its rows. A provider's own listing order is unspecified, so
 * every order shown once a listing is complete is one of these.
 */
final class PhotoOrder {

	public const NAME = 'name';

	public const TAKEN = 'taken';

	public const MODIFIED = 'modified';

	/**
	 * @param string $by One of the constants; anything else sorts by name.
	 */
	public function __construct(
		public readonly string $by,
		public readonly bool $descending = false
	) {}
}
