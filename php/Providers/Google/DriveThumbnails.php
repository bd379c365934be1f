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
 * Drive has no thumbnail route, no batch and no revision-addressed
 * thumbnail: each photo's thumbnailLink (absolute, short-lived, on
 * googleusercontent.com) shows the file as it is when fetched, and nothing
 * documents a link as bound to a revision. So every fetch asks files.get for
 * a fresh link and, in the same call, the revision marker the token carries
 * (DriveFiles::revision: md5Checksum, else thumbnailVersion, else
 * modifiedTime); a photo changed since the URL was made is not found, never
 * the new bytes. The link's "=s220" suffix becomes the long edge wanted.
 * Google renders JPEG for photos, PNG for some other images; the bytes are
 * passed on as they come.
 */
final class DriveThumbnails {

	/** Everything DriveFiles::revision reads, and what decides there is a thumbnail. */
	public const FIELDS = 'thumbnailLink,hasThumbnail,mimeType,trashed,md5Checksum,thumbnailVersion,modifiedTime';

	public function __construct(
		private ApiClient $api,
		private AuthorizedCalls $calls,
		private Endpoints $endpoints
	) {}

	/**
	 * @throws GoogleError      NOT_FOUND when the photo is gone, changed since the token, or has no thumbnail.
	 * @throws UnreadableSecret
	 */
	public function fetch( ImageRef $image ): string {
		$file = $this->calls->call( fn ( string $token ): array => $this->api->file( $token, $image->file_id, self::FIELDS ) );
		$url  = $this->link( $image, $file );
		return $this->calls->call( fn ( string $token ): string => $this->api->thumbnail( $token, $url ) );
	}

	/**
	 * The thumbnail URL to fetch for $image, from its files.get answer (with
	 * FIELDS): sized, and on a host the access token may be sent to.
	 *
	 * @param array<string, mixed> $file
	 *
	 * @throws GoogleError NOT_FOUND when the photo changed since the token, is gone, has no
	 *                     thumbnail, or its link points elsewhere.
	 */
	public function link( ImageRef $image, array $file ): string {
		if ( DriveFiles::revision( $file ) !== $image->rev ) {
			throw new GoogleError( GoogleError::NOT_FOUND, 404, 'The photo changed since this URL was made.' );
		}
		$link = DriveFiles::string( $file, 'thumbnailLink' );
		$type = DriveFiles::string( $file, 'mimeType' );
		if ( '' === $link || true === ( $file['trashed'] ?? false ) || false === ( $file['hasThumbnail'] ?? true ) || ! str_starts_with( $type, 'image/' ) ) {
			throw new GoogleError( GoogleError::NOT_FOUND, 404, 'The photo is gone or has no thumbnail.' );
		}
		$url = self::sized( $link, ThumbnailSize::long_edge( $image->size ) );
		if ( ! $this->endpoints->allows_thumbnail_link( $url ) ) {
			throw new GoogleError( GoogleError::NOT_FOUND, 0, 'The thumbnail link points at a host the access token is never sent to.' );
		}
		return $url;
	}

	/**
	 * The link at $long_edge pixels on its long side: "=s220" becomes "=s640".
	 * A link without a size suffix is used as it is.
	 */
	public static function sized( string $link, int $long_edge ): string {
		return (string) preg_replace( '/=s\d+(-[A-Za-z0-9-]*)?$/', '=s' . $long_edge, $link );
	}
}
