<?php
/**
 * Sends requests to Dropbox with explicit timeouts.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

use const CustomerCloudGallery\VERSION;

/**
 * wp_remote_request(), not the wp_safe_* variant: the safe one refuses
 * loopback hosts, which the sandbox and local doubles use. The hosts come from
 * constants only an admin can set, never from request input.
 */
final class Transport {

	/**
	 * @param array<string, string> $headers
	 * @param list<string>          $secrets Values to keep out of error summaries.
	 *
	 * @throws DropboxError When Dropbox cannot be reached at all.
	 */
	public function post( string $url, array $headers, ?string $body, int $timeout, array $secrets ): HttpResponse {
		$response = wp_remote_request(
			$url,
			array(
				'method'      => 'POST',
				'headers'     => $headers,
				'body'        => $body,
				'timeout'     => $timeout,
				'redirection' => 0,
				'user-agent'  => 'CustomerCloudGallery/' . VERSION,
			)
		);

		if ( is_wp_error( $response ) ) {
			throw new DropboxError(
				DropboxError::UNAVAILABLE,
				0,
				ErrorClassifier::redact( $response->get_error_message(), $secrets )
			);
		}

		$headers = array();
		foreach ( wp_remote_retrieve_headers( $response ) as $name => $value ) {
			$headers[ strtolower( (string) $name ) ] = is_array( $value ) ? (string) end( $value ) : (string) $value;
		}

		return new HttpResponse(
			(int) wp_remote_retrieve_response_code( $response ),
			$headers,
			(string) wp_remote_retrieve_body( $response )
		);
	}
}
