<?php
/**
 * Fetches Drive thumbnails through their thumbnailLink, at the size asked.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Images\ThumbnailSize;
use CustomerCloudGallery\Providers\OAuthApp\AuthorizedCalls;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * Drive has no thumbnail route and no batch: each photo's thumbnailLink
 * (absolute, short-lived, on googleusercontent.com) is fetched with the
 * Bearer header after its "=s220" size suffix is replaced by the long edge
 * wanted. The link comes from the listing when it is recent, else from a
 * files.get; a recent link that no longer works is dropped and a fresh one
 * fetched. Google renders JPEG for photos, PNG for some other images; the
 * bytes are passed on as they come.
 */
final class DriveThumbnails {

	private const LINK_FIELDS = 'thumbnailLink,hasThumbnail,mimeType,trashed';

	/**
	 * How an expired or revoked link answers. Anything else (rate limits,
	 * outages, a refused grant) would fail a fresh link the same way.
	 */
	private const STALE_LINK = array( GoogleError::NOT_FOUND, GoogleError::FORBIDDEN, GoogleError::UNAUTHENTICATED, GoogleError::BAD_REQUEST, GoogleError::UNEXPECTED );

	public function __construct(
		private ApiClient $api,
		private AuthorizedCalls $calls,
		private ThumbnailLinks $links,
		private Endpoints $endpoints
	) {}

	/**
	 * @throws GoogleError      NOT_FOUND when the photo is gone or has no thumbnail.
	 * @throws UnreadableSecret
	 */
	public function fetch( ImageRef $image ): string {
		$long_edge = ThumbnailSize::long_edge( $image->size );
		$recent    = $this->links->get( $image->file_id );
		if ( null !== $recent ) {
			try {
				return $this->download( $recent, $long_edge );
			} catch ( GoogleError $error ) {
				if ( ! in_array( $error->kind, self::STALE_LINK, true ) ) {
					throw $error;
				}
				$this->links->forget( $image->file_id );
			}
		}

		$file = $this->calls->call( fn ( string $token ): array => $this->api->file( $token, $image->file_id, self::LINK_FIELDS ) );
		$link = DriveFiles::string( $file, 'thumbnailLink' );
		$type = DriveFiles::string( $file, 'mimeType' );
		if ( '' === $link || true === ( $file['trashed'] ?? false ) || false === ( $file['hasThumbnail'] ?? true ) || ! str_starts_with( $type, 'image/' ) ) {
			throw new GoogleError( GoogleError::NOT_FOUND, 404, 'The photo is gone or has no thumbnail.' );
		}
		return $this->download( $link, $long_edge );
	}

	/**
	 * The link at $long_edge pixels on its long side: "=s220" becomes "=s640".
	 * A link without a size suffix is used as it is.
	 */
	public static function sized( string $link, int $long_edge ): string {
		return (string) preg_replace( '/=s\d+(-[A-Za-z0-9-]*)?$/', '=s' . $long_edge, $link );
	}

	/**
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	private function download( string $link, int $long_edge ): string {
		$url = self::sized( $link, $long_edge );
		if ( ! $this->endpoints->allows_thumbnail_link( $url ) ) {
			throw new GoogleError( GoogleError::NOT_FOUND, 0, 'The thumbnail link points at a host the access token is never sent to.' );
		}
		return $this->calls->call( fn ( string $token ): string => $this->api->thumbnail( $token, $url ) );
	}
}
