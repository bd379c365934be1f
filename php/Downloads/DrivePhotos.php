<?php
/**
 * Streams Drive photos: files.get?alt=media, or the thumbnail link for web sizes.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Downloads;

use CustomerCloudGallery\Gallery\Photo;
use CustomerCloudGallery\Http\StreamingTransport;
use CustomerCloudGallery\Http\StreamSink;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Providers\Google\ApiClient;
use CustomerCloudGallery\Providers\Google\DriveThumbnails;
use CustomerCloudGallery\Providers\Google\Endpoints;
use CustomerCloudGallery\Providers\Google\ErrorClassifier;
use CustomerCloudGallery\Providers\Google\GoogleDescription;
use CustomerCloudGallery\Providers\Google\GoogleError;
use CustomerCloudGallery\Providers\Google\GoogleFailures;
use CustomerCloudGallery\Providers\OAuthApp\AuthorizedCalls;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * alt=media serves the file as it is now and honours Range; the caller has
 * checked the revision against a current listing. A web size is the
 * thumbnail link DriveThumbnails vets (revision, host, size suffix), at
 * 2048 or 1024 px on the long edge, sent whole.
 */
final class DrivePhotos implements PhotoSource {

	private const THUMBNAIL_SIZES = array(
		'2048' => 'w2048h1536',
		'1024' => 'w1024h768',
	);

	public function __construct(
		private ApiClient $api,
		private Endpoints $endpoints,
		private DriveThumbnails $thumbnails,
		private AuthorizedCalls $calls,
		private GoogleFailures $failures,
		private StreamingTransport $transport
	) {}

	public function stream( Photo $photo, string $size, ?string $range, StreamSink $sink ): int {
		try {
			if ( isset( self::THUMBNAIL_SIZES[ $size ] ) ) {
				$image = new ImageRef( GoogleDescription::ID, $photo->id, $photo->revision, self::THUMBNAIL_SIZES[ $size ] );
				$file  = $this->calls->call( fn ( string $token ): array => $this->api->file( $token, $photo->id, DriveThumbnails::FIELDS ) );
				$url   = $this->thumbnails->link( $image, $file );
				$range = null;
			} else {
				$url = $this->endpoints->drive(
					'files/' . rawurlencode( $photo->id ),
					array(
						'alt'               => 'media',
						'supportsAllDrives' => 'true',
					)
				);
			}
			return $this->calls->call(
				function ( string $token ) use ( $url, $range, $sink ): int {
					$headers = array( 'Authorization' => 'Bearer ' . $token );
					if ( null !== $range ) {
						$headers['Range'] = $range;
					}
					$response = $this->transport->stream( 'GET', $url, $headers, null, $sink, array( $token ) );
					if ( ! in_array( $response->status, array( 200, 206, 416 ), true ) ) {
						throw ErrorClassifier::api( $response, array( $token ) );
					}
					return $response->status;
				}
			);
		} catch ( GoogleError $error ) {
			throw $this->failures->from_error( $error );
		} catch ( UnreadableSecret ) {
			throw $this->failures->unreadable();
		}
	}
}
