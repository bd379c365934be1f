<?php
/**
 * Justified rows: rows of one height that fill the width, each photo uncropped.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Rendering\Layout;

/**
 * Flexbox does the justifying (style.scss): each item grows by its ratio
 * from a basis of ratio × row height, so the photos of a row, sharing the
 * row's spare width in proportion to their ratios, keep one height; a
 * filler after the last item takes the last row's spare width, so that row
 * keeps the row height instead of stretching. The server only says each
 * photo's ratio, which it knows before the image arrives.
 */
final class JustifiedLayout implements Layout {

	/** Wider or taller photos are cropped to these ratios, so a row stays a row. */
	public const MIN_RATIO = 0.25;

	public const MAX_RATIO = 4.0;

	/**
	 * @param int      $row_height The rows' height in pixels before they are stretched to the width.
	 * @param int|null $content    The block's width in pixels, null when unknown or full.
	 */
	public function __construct( private int $row_height, private ?int $content ) {}

	public function name(): string {
		return 'justified';
	}

	public function crop(): ?array {
		return null;
	}

	public function wrapper_style(): string {
		return sprintf( '--ccg-row-height:%dpx;', $this->row_height );
	}

	/**
	 * Its sizes is the photo's width at the row height, or the viewport's
	 * (or the block's) width when that is less: a row of one photo wider
	 * than the screen shrinks to it.
	 */
	public function box( array $ratio ): PhotoBox {
		$aspect = PhotoBox::aspect( $ratio, self::MIN_RATIO, self::MAX_RATIO );
		$width  = max( 1, (int) round( $aspect * $this->row_height ) );
		if ( null !== $this->content ) {
			$width = min( $width, $this->content );
		}
		return PhotoBox::of(
			array( (int) round( $aspect * 10000 ), 10000 ),
			sprintf( '(max-width: %1$dpx) 100vw, %1$dpx', $width ),
			sprintf( '--ccg-ratio:%s;', self::number( $aspect ) )
		);
	}

	private static function number( float $value ): string {
		return rtrim( rtrim( sprintf( '%.4F', $value ), '0' ), '.' );
	}
}
