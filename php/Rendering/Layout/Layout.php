<?php
/**
 * How a gallery arranges its photos: grid cells, justified rows or masonry columns.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Rendering\Layout;

/**
 * Every layout is decided on the server from ratios known before any image
 * arrives (the crop, the photo's dimensions, the cached thumbnail's, else
 * PhotoBox::UNKNOWN), and laid out by CSS alone: no script measures or
 * moves a photo, so nothing shifts while images load.
 */
interface Layout {

	/** The wrapper's class, ccg-layout-<name>. */
	public function name(): string;

	/**
	 * The ratio every box has whatever the photo's, or null when each box
	 * takes its photo's own.
	 *
	 * @return array{0: int, 1: int}|null
	 */
	public function crop(): ?array;

	/** Custom properties the wrapper carries, each ending with ";". */
	public function wrapper_style(): string;

	/**
	 * @param array{0: int, 1: int} $ratio Width and height of the box's shape.
	 */
	public function box( array $ratio ): PhotoBox;
}
