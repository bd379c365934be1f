<?php
/**
 * Sends requests to a provider's hosts with explicit timeouts.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Http;

use Closure;
use Throwable;

use const CustomerCloudGallery\VERSION;

/**
 * wp_remote_request(), not the wp_safe_* variant: the safe one refuses
 * loopback hosts, which the sandbox and local doubles use. The hosts come
 * from constants only an admin can set, never from request input (Drive's
 * thumbnail links are vetted by its Endpoints first). Redirects are never
 * followed, so a Bearer header cannot travel on to another host.
 */
final class Transport {

	/**
	 * @param Closure(string): Throwable $unreachable Builds the provider's own error for a
	 *                                                request that got no answer, from a
	 *                                                redacted summary: its callers already
	 *                                                handle that type.
	 */
	public function __construct( private Closure $unreachable ) {}

	/**
	 * @param string                $method  "GET" or "POST".
	 * @param array<string, string> $headers
	 * @param list<string>          $secrets Values to keep out of error summaries.
	 *
	 * @throws Throwable The provider's error, when its host cannot be reached at all.
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
			throw ( $this->unreachable )( Redaction::redact( $response->get_error_message(), $secrets ) );
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
