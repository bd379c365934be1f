<?php
/**
 * Sends requests to Google with explicit timeouts.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Providers\Dropbox\HttpResponse;

use const CustomerCloudGallery\VERSION;

/**
 * Drive is read with GET, so Dropbox's POST-only Transport does not fit;
 * the response type is shared. wp_remote_request(), not wp_safe_*: the safe
 * variant refuses the loopback hosts sandboxes use, and the hosts come from
 * constants only an admin can set (thumbnail links are vetted by
 * Endpoints::allows_thumbnail_link() first). Redirects are never followed,
 * so a Bearer header cannot travel on to another host.
 */
final class Transport {

	/**
	 * @param string                $method  "GET" or "POST".
	 * @param array<string, string> $headers
	 * @param list<string>          $secrets Values to keep out of error summaries.
	 *
	 * @throws GoogleError When Google cannot be reached at all.
	 */
	public function request( string $method, string $url, array $headers, ?string $body, int $timeout, array $secrets ): HttpResponse {
		$response = wp_remote_request(
			$url,
			array(
				'method'      => $method,
				'headers'     => $headers,
				'body'        => $body,
				'timeout'     => $timeout,
				'redirection' => 0,
				'user-agent'  => 'CustomerCloudGallery/' . VERSION,
			)
		);

		if ( is_wp_error( $response ) ) {
			throw new GoogleError( GoogleError::UNAVAILABLE, 0, ErrorClassifier::redact( $response->get_error_message(), $secrets ) );
		}

		$received = array();
		foreach ( wp_remote_retrieve_headers( $response ) as $name => $value ) {
			$received[ strtolower( (string) $name ) ] = is_array( $value ) ? (string) end( $value ) : (string) $value;
		}

		return new HttpResponse(
			(int) wp_remote_retrieve_response_code( $response ),
			$received,
			(string) wp_remote_retrieve_body( $response )
		);
	}
}
