<?php
/**
 * Masonry: columns of equal width, each photo as tall as its ratio makes it.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Rendering\Layout;

/**
 * A CSS grid (style.scss) whose rows are a fixed fraction of a column's
 * width (container query units), so a photo spans as many rows as its
 * height in column widths: the server writes the span from the ratio it
 * knows before the image arrives. Dense auto-placement then puts each
 * photo at the top of the shortest column, in the order of the markup;
 * a photo's place depends only on the photos before it, so a page appended
 * by Load more never moves a photo already shown, and the markup's order
 * (the lightbox's and the keyboard's) follows the rows from the top.
 */
final class MasonryLayout implements Layout {

	/** Rows per column width (style.scss's --ccg-masonry-rows says the same). */
	public const ROWS_PER_WIDTH = 20;

	/** Taller or wider photos are cropped to these ratios, so a column stays a column. */
	public const MIN_RATIO = 1 / 3;

	public const MAX_RATIO = 3.0;

	/**
	 * @param int      $columns Columns from 600px up.
	 * @param int      $gap     Pixels between columns.
	 * @param int|null $content The block's width in pixels, null when unknown or full.
	 */
	public function __construct( private int $columns, private int $gap, private ?int $content ) {}

	public function name(): string {
		return 'masonry';
	}

	public function crop(): ?array {
		return null;
	}

	public function wrapper_style(): string {
		return sprintf( '--ccg-masonry-rows:%d;', self::ROWS_PER_WIDTH );
	}

	/**
	 * Its rows are the height of a column-wide photo; the gap below it comes
	 * out of them, which crops a few pixels rather than leaving a column's
	 * photos misaligned.
	 */
	public function box( array $ratio ): PhotoBox {
		$aspect = PhotoBox::aspect( $ratio, self::MIN_RATIO, self::MAX_RATIO );
		return PhotoBox::of(
			$ratio,
			ColumnSizes::of( $this->columns, $this->gap, $this->content ),
			sprintf( '--ccg-span:%d;', self::span( $aspect ) )
		);
	}

	public static function span( float $aspect ): int {
		return max( 1, (int) round( self::ROWS_PER_WIDTH / $aspect ) );
	}
}
