<?php
/**
 * Today's grid: equal cells, cropped to the block's ratio or each photo's own.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Rendering\Layout;

final class GridLayout implements Layout {

	/**
	 * @param array{0: int, 1: int}|null $crop    The block's crop, null for the original ratio.
	 * @param int                        $columns Columns from 600px up.
	 * @param int                        $gap     Pixels between cells.
	 * @param int|null                   $content The block's width in pixels, null when unknown or full.
	 */
	public function __construct(
		private ?array $crop,
		private int $columns,
		private int $gap,
		private ?int $content
	) {}

	public function name(): string {
		return 'grid';
	}

	public function crop(): ?array {
		return $this->crop;
	}

	public function wrapper_style(): string {
		return '';
	}

	public function box( array $ratio ): PhotoBox {
		return PhotoBox::of( $ratio, ColumnSizes::of( $this->columns, $this->gap, $this->content ) );
	}
}
