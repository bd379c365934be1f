<?php
/**
 * One photo of the page being shown, as rendering and warming read it.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

/**
 * Made by Listing::page() for one page only: a folder's thousands of photos
 * stay compact rows inside Listing, and only what is shown becomes objects.
 */
final class Photo {

	/**
	 * @param string $id       The provider's file id.
	 * @param string $name     File name, with its extension.
	 * @param string $revision Changes whenever the photo does (it is part of the image URL).
	 * @param int    $size     Bytes.
	 * @param int    $modified Unix time the provider last saw it change.
	 * @param int    $taken    Unix time it was taken, or the best guess until that is known.
	 * @param int    $width    Pixels, 0 while unknown.
	 * @param int    $height   Pixels, 0 while unknown.
	 */
	public function __construct(
		public readonly string $id,
		public readonly string $name,
		public readonly string $revision,
		public readonly int $size,
		public readonly int $modified,
		public readonly int $taken,
		public readonly int $width = 0,
		public readonly int $height = 0
	) {}

	/**
	 * @return array{0: int, 1: int}|null Width and height, null while either is unknown.
	 */
	public function dimensions(): ?array {
		return $this->width > 0 && $this->height > 0 ? array( $this->width, $this->height ) : null;
	}
}
