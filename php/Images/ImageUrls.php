<?php
/**
 * The stable, signed URLs of thumbnails.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Images;

use CustomerCloudGallery\Cache\ThumbnailDiskCache;

/**
 * home_url('/?ccg_image=<token>'): works without rewrite rules and never
 * expires. Sites whose web server (or CDN) should serve cached files
 * directly can opt in with the ccg_static_thumbnail_urls filter; it is off by
 * default because a page cache could then keep a URL of a file the size
 * limit has since evicted, where the PHP URL always recovers.
 */
final class ImageUrls {

	public const QUERY_VAR = 'ccg_image';

	public function __construct( private ImageToken $tokens, private ThumbnailDiskCache $disk ) {}

	public function url( ImageRef $image ): string {
		$static = $this->disk->url( $image );
		if ( null !== $static && apply_filters( 'ccg_static_thumbnail_urls', false ) && $this->disk->has( $image ) ) {
			return $static;
		}
		return add_query_arg( self::QUERY_VAR, $this->tokens->sign( $image ), home_url( '/' ) );
	}
}
