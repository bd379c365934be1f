<?php
/**
 * The thumbnail sizes galleries use, for every provider.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Images;

/**
 * Named by Dropbox's size tags (get_thumbnail_v2 takes them as they are);
 * a provider without tags asks for the long edge (Drive: "=s<long edge>").
 * Always mode "bestfit" (fit inside the box or its transpose): one URL per
 * photo and size whatever the block's crop, which CSS object-fit then does.
 */
final class ThumbnailSize {

	/** Size tag => [long edge, short edge]. */
	public const SIZES = array(
		'w256h256'   => array( 256, 256 ),
		'w480h320'   => array( 480, 320 ),
		'w640h480'   => array( 640, 480 ),
		'w1024h768'  => array( 1024, 768 ),
		'w2048h1536' => array( 2048, 1536 ),
	);

	/** The grid's src. */
	public const DEFAULT = 'w640h480';

	/** The lightbox's image. */
	public const LARGEST = 'w2048h1536';

	public const MODE = 'bestfit';

	/**
	 * The sizes a gallery image's srcset names, smallest first. A browser
	 * may pick any of them (viewport, density, zoom), so warming fetches
	 * all of them; the grid's src and the lightbox's image are among them.
	 *
	 * @return list<string>
	 */
	public static function srcset(): array {
		return array_keys( self::SIZES );
	}

	public static function exists( string $size ): bool {
		return isset( self::SIZES[ $size ] );
	}

	/**
	 * How many thumbnails of a size one provider call may carry: a Dropbox
	 * batch answers in JSON with base64 bytes, and the answer, its decoding
	 * and the files stay in one PHP process, which a front-end request may
	 * give only 40 MB (WP_MEMORY_LIMIT). 25 photos at 1024 px are about
	 * 4 MB of JPEG; at 2048 px a third of them are.
	 */
	public static function per_call( string $size ): int {
		return self::long_edge( $size ) > 1024 ? 8 : 25;
	}

	/**
	 * How many thumbnails of a size one request may fetch at once, in
	 * parallel calls of per_call() each (MissBatch::runs()): every answer is
	 * in memory together before it is written. The grid's sizes (up to
	 * 640 px, about 60 KB each, 80 KB in base64) allow a window of 100; a
	 * larger size fetches only its own call's worth.
	 */
	public static function per_request( string $size ): int {
		return self::long_edge( $size ) > 640 ? self::per_call( $size ) : 100;
	}

	public static function long_edge( string $size ): int {
		return self::SIZES[ $size ][0];
	}
}
