<?php
/**
 * Streams Dropbox photos: files/download, or get_thumbnail_v2 for web sizes.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Downloads;

use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Gallery\Photo;
use CustomerCloudGallery\Http\StreamSink;
use CustomerCloudGallery\Providers\Dropbox\DropboxDescription;
use CustomerCloudGallery\Providers\Dropbox\DropboxError;
use CustomerCloudGallery\Providers\Dropbox\DropboxFailures;
use CustomerCloudGallery\Providers\OAuthApp\AuthorizedCalls;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * The path is "rev:<rev>", so a photo replaced since the page was made is
 * never served under the old link. files/download honours Range (206,
 * Content-Range); the thumbnail route documents no Range, so a web size is
 * always sent whole. A refused access token is refreshed once
 * (AuthorizedCalls): the sink declines an error answer, so nothing reached
 * the visitor before the retry.
 */
final class DropboxPhotos implements PhotoSource {

	public function __construct(
		private DropboxContentRoutes $routes,
		private AuthorizedCalls $calls,
		private DropboxFailures $failures
	) {}

	public function stream( Photo $photo, string $size, ?string $range, StreamSink $sink ): int {
		if ( 1 !== preg_match( '/^[0-9a-f]{9,}$/', $photo->revision ) ) {
			throw GalleryException::not_found( DropboxDescription::label_text() );
		}
		try {
			return $this->calls->call( fn ( string $token ): int => $this->routes->send( $token, 'rev:' . $photo->revision, $size, $range, $sink ) );
		} catch ( DropboxError $error ) {
			throw $this->failures->from_thumbnail_error( $error );
		} catch ( UnreadableSecret ) {
			throw $this->failures->unreadable();
		}
	}
}
