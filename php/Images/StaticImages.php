<?php
/**
 * Rebuilds a thumbnail whose static uploads URL reached WordPress because the file is missing.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Images;

use CustomerCloudGallery\Cache\ThumbnailDiskCache;

/**
 * A warm thumbnail's URL is its file under uploads, which the web server
 * sends without PHP. When the file is not there, the web server's WordPress
 * rewrite sends the request to index.php; this answers it at the start of
 * init, like /?ccg_image= (before the query and the theme's templates; not
 * earlier, because the provider's error messages are translated and
 * translations may not load before init): the file name is the image's
 * signed token, so it is checked like a /?ccg_image= URL, then fetched and
 * written once, and served with the same headers. The next request for the
 * URL finds the file. Anything under the folder that is not a name this
 * site would give a file is a 403, and never reaches a provider.
 */
final class StaticImages {

	public function __construct(
		private ImageToken $tokens,
		private ThumbnailDiskCache $disk,
		private ThumbnailEndpoint $endpoint,
		private FallbackProbe $probe
	) {}

	public function register(): void {
		add_action( 'init', array( $this, 'maybe_serve' ), 0 );
	}

	public function maybe_serve(): void {
		$request_uri = isset( $_SERVER['REQUEST_URI'] ) ? (string) wp_unslash( $_SERVER['REQUEST_URI'] ) : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- only compared, never printed or stored.
		$relative    = $this->requested( $request_uri );
		if ( null === $relative ) {
			return;
		}
		$if_none_match = isset( $_SERVER['HTTP_IF_NONE_MATCH'] ) ? sanitize_text_field( wp_unslash( $_SERVER['HTTP_IF_NONE_MATCH'] ) ) : '';
		$this->respond( $relative, $if_none_match )->send();
		exit;
	}

	/**
	 * The path under uploads/customer-cloud-gallery/i/ a request asks for;
	 * null when it asks for anything else.
	 */
	public function requested( string $request_uri ): ?string {
		$path   = (string) wp_parse_url( $request_uri, PHP_URL_PATH );
		$prefix = (string) wp_parse_url( $this->disk->base_url() . '/' . ThumbnailDiskCache::STATIC_DIR . '/', PHP_URL_PATH );
		return '' !== $prefix && str_starts_with( $path, $prefix ) ? substr( $path, strlen( $prefix ) ) : null;
	}

	/**
	 * @param string $relative      The path under i/, e.g. "3f/<token>.jpg".
	 * @param string $if_none_match The request's If-None-Match header.
	 */
	public function respond( string $relative, string $if_none_match = '' ): ImageResponse {
		if ( 1 === preg_match( '#^' . FallbackProbe::DIR . '/([^/]+)\.jpg$#', $relative, $match ) ) {
			return $this->probe->answer( $match[1] );
		}
		if ( 1 !== preg_match( '#^[0-9a-f]{2}/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\.jpg$#', $relative, $match ) ) {
			return ImageResponse::error( 403 );
		}
		$image = $this->tokens->verify( $match[1] );
		if ( null === $image || ThumbnailDiskCache::STATIC_DIR . '/' . $relative !== $this->disk->relative_path( $image ) ) {
			return ImageResponse::error( 403 );
		}
		return $this->endpoint->respond( $match[1], $if_none_match );
	}
}
