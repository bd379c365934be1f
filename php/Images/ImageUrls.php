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
 * Where this site's web server has been shown to hand missing files to
 * WordPress (FallbackProbe), a thumbnail's URL is its file under uploads,
 * uploads/customer-cloud-gallery/i/<shard>/<token>.jpg, whether the file
 * exists yet or not: the web server sends it without PHP once it exists,
 * and StaticImages builds it when it does not, so a page (or a page cache)
 * never holds a URL that stops working. Elsewhere it is
 * home_url('/?ccg_image=<token>'), which works on any server. The
 * ccg_static_thumbnail_urls filter overrides the check: true forces the
 * static URLs, false the query URLs. Both kinds never expire.
 */
final class ImageUrls {

	public const QUERY_VAR = 'ccg_image';

	public function __construct( private ImageToken $tokens, private ThumbnailDiskCache $disk, private FallbackProbe $probe ) {}

	public function url( ImageRef $image ): string {
		if ( $this->static_urls() ) {
			$url = $this->disk->url( $image );
			if ( null !== $url ) {
				return $url;
			}
		}
		return $this->query_url( $image );
	}

	/**
	 * The URL that goes through WordPress, whatever the server.
	 */
	public function query_url( ImageRef $image ): string {
		return add_query_arg( self::QUERY_VAR, $this->tokens->sign( $image ), home_url( '/' ) );
	}

	private function static_urls(): bool {
		/**
		 * Whether thumbnails get static uploads URLs.
		 *
		 * @param bool $static True when this site's fallback check passed.
		 */
		return (bool) apply_filters( 'ccg_static_thumbnail_urls', $this->probe->passed() );
	}
}
