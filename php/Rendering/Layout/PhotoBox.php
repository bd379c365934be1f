<?php
/**
 * One photo's box in the markup: what its <img> declares and its item carries.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Rendering\Layout;

final class PhotoBox {

	/**
	 * A photo whose dimensions are not known yet is laid out as 4:3, and
	 * keeps that box when it arrives (object-fit crops it), so nothing moves.
	 */
	public const UNKNOWN = array( 4, 3 );

	/**
	 * The long edge of the width and height the markup declares: only their
	 * ratio matters to a browser, which reserves the box before the image.
	 */
	private const EDGE = 640;

	/**
	 * @param int         $width  The <img>'s width attribute.
	 * @param int         $height The <img>'s height attribute.
	 * @param string      $sizes  The <img>'s sizes: its laid-out width, for the srcset's pick.
	 * @param string|null $style  Custom properties of the item (its ratio, its rows), null for none.
	 */
	public function __construct(
		public readonly int $width,
		public readonly int $height,
		public readonly string $sizes,
		public readonly ?string $style = null
	) {}

	/**
	 * @param array{0: int, 1: int} $ratio
	 */
	public static function of( array $ratio, string $sizes, ?string $style = null ): self {
		[ $width, $height ] = $ratio;
		return $width >= $height
			? new self( self::EDGE, (int) round( self::EDGE * $height / $width ), $sizes, $style )
			: new self( (int) round( self::EDGE * $width / $height ), self::EDGE, $sizes, $style );
	}

	/**
	 * Width over height, kept between $min and $max: a panorama or a sliver
	 * would make a row or a column absurd, so its box is cropped to the bound.
	 *
	 * @param array{0: int, 1: int} $ratio
	 */
	public static function aspect( array $ratio, float $min, float $max ): float {
		return max( $min, min( $max, $ratio[0] / max( 1, $ratio[1] ) ) );
	}
}
