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
use CustomerCloudGallery\Http\StreamingTransport;
use CustomerCloudGallery\Http\StreamSink;
use CustomerCloudGallery\Providers\Dropbox\DropboxDescription;
use CustomerCloudGallery\Providers\Dropbox\DropboxError;
use CustomerCloudGallery\Providers\Dropbox\DropboxFailures;
use CustomerCloudGallery\Providers\Dropbox\Endpoints;
use CustomerCloudGallery\Providers\Dropbox\ErrorClassifier;
use CustomerCloudGallery\Providers\OAuthApp\AuthorizedCalls;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * Both are download-style routes on the content host, sent as the official
 * SDK sends them: POST, the argument in Dropbox-API-Arg, no body and no
 * Content-Type (see Dropbox\ApiClient::get_thumbnail()). The path is
 * "rev:<rev>", so a photo replaced since the page was made is never served
 * under the old link. files/download honours Range (206, Content-Range);
 * the thumbnail route documents no Range, so a web size is always sent whole.
 */
final class DropboxPhotos implements PhotoSource {

	private const THUMBNAIL_SIZES = array(
		'2048' => 'w2048h1536',
		'1024' => 'w1024h768',
	);

	public function __construct(
		private Endpoints $endpoints,
		private AuthorizedCalls $calls,
		private DropboxFailures $failures,
		private StreamingTransport $transport
	) {}

	public function stream( Photo $photo, string $size, ?string $range, StreamSink $sink ): int {
		if ( 1 !== preg_match( '/^[0-9a-f]{9,}$/', $photo->revision ) ) {
			throw GalleryException::not_found( DropboxDescription::label_text() );
		}
		$path = 'rev:' . $photo->revision;
		if ( isset( self::THUMBNAIL_SIZES[ $size ] ) ) {
			$route    = 'files/get_thumbnail_v2';
			$argument = array(
				'resource' => array(
					'.tag' => 'path',
					'path' => $path,
				),
				'format'   => 'jpeg',
				'size'     => self::THUMBNAIL_SIZES[ $size ],
				'mode'     => 'bestfit',
			);
			$range    = null;
		} else {
			$route    = 'files/download';
			$argument = array( 'path' => $path );
		}
		try {
			return $this->calls->call(
				function ( string $token ) use ( $route, $argument, $range, $sink ): int {
					$headers = array(
						'Authorization'   => 'Bearer ' . $token,
						'Dropbox-API-Arg' => (string) wp_json_encode( $argument ),
						'Content-Type'    => '',
					);
					if ( null !== $range ) {
						$headers['Range'] = $range;
					}
					$response = $this->transport->stream( 'POST', $this->endpoints->content( $route ), $headers, null, $sink, array( $token ) );
					if ( ! in_array( $response->status, array( 200, 206, 416 ), true ) ) {
						throw ErrorClassifier::api( $response, array( $token ) );
					}
					return $response->status;
				}
			);
		} catch ( DropboxError $error ) {
			throw $this->failures->from_thumbnail_error( $error );
		} catch ( UnreadableSecret ) {
			throw $this->failures->unreadable();
		}
	}
}
