<?php
/**
 * The two Dropbox routes a photo's bytes come from, sent as the official SDK sends them.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Downloads;

use CustomerCloudGallery\Http\StreamingTransport;
use CustomerCloudGallery\Http\StreamSink;
use CustomerCloudGallery\Providers\Dropbox\DropboxError;
use CustomerCloudGallery\Providers\Dropbox\Endpoints;
use CustomerCloudGallery\Providers\Dropbox\ErrorClassifier;

/**
 * Both are download-style routes on the content host: POST, the argument in
 * Dropbox-API-Arg (ASCII: wp_json_encode escapes the rest), no body and no
 * Content-Type (see Dropbox\ApiClient::get_thumbnail() for why the empty
 * header). Stateless, with a given access token; the conformance suite
 * compares these requests with the `dropbox` SDK's filesDownload.
 */
final class DropboxContentRoutes {

	public const THUMBNAIL_SIZES = array(
		'2048' => 'w2048h1536',
		'1024' => 'w1024h768',
	);

	public function __construct( private Endpoints $endpoints, private StreamingTransport $transport ) {}

	/**
	 * files/download for "original" (with the Range, if any), else
	 * get_thumbnail_v2 at the web size (never a Range: the route documents none).
	 *
	 * @param string $path A ReadPath: "rev:…", "id:…" or "/path".
	 *
	 * @return int 200, 206 or 416.
	 *
	 * @throws DropboxError Any other answer, or no answer.
	 */
	public function send( string $access_token, string $path, string $size, ?string $range, StreamSink $sink ): int {
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
		$headers = array(
			'Authorization'   => 'Bearer ' . $access_token,
			'Dropbox-API-Arg' => (string) wp_json_encode( $argument ),
			'Content-Type'    => '',
		);
		if ( null !== $range ) {
			$headers['Range'] = $range;
		}
		$response = $this->transport->stream( 'POST', $this->endpoints->content( $route ), $headers, null, $sink, array( $access_token ) );
		if ( ! in_array( $response->status, array( 200, 206, 416 ), true ) ) {
			throw ErrorClassifier::api( $response, array( $access_token ) );
		}
		return $response->status;
	}
}
