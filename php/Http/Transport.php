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
use WP_Error;
use WP_Http;
use WP_HTTP_Proxy;
use WP_HTTP_Requests_Hooks;
use WP_HTTP_Requests_Response;
use WpOrg\Requests\Capability;
use WpOrg\Requests\Proxy\Http as RequestsProxy;
use WpOrg\Requests\Requests;
use WpOrg\Requests\Response as RequestsResponse;

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

	/**
	 * Several requests at once, each as request() sends one: the same
	 * arguments and the same WordPress filters around it (http_request_args,
	 * pre_http_request, WP_HTTP_BLOCK_EXTERNAL, the proxy settings,
	 * https_ssl_verify, http_api_debug, http_response), no redirects. They go
	 * out together through WordPress's Requests library: in parallel on
	 * cURL (WaitingCurl: sleeping until an answer comes, where Requests' own
	 * loop keeps a core busy), one after another where only fsockopen is
	 * available.
	 *
	 * @param array<array-key, array{method: string, url: string, headers: array<string, string>, body?: string}> $requests
	 * @param list<string>                                                                         $secrets Values to keep out of error summaries.
	 *
	 * @return array<array-key, HttpResponse|Throwable> By the keys of $requests: the answer, or
	 *                                                  the provider's error for a request that
	 *                                                  got none (never thrown: the others may
	 *                                                  have been answered).
	 */
	public function request_all( array $requests, int $timeout, array $secrets ): array {
		$http    = new WP_Http();
		$results = array();
		$pending = array();
		$sent    = array();
		foreach ( $requests as $key => $request ) {
			$url  = $request['url'];
			$args = apply_filters( 'http_request_args', $this->arguments( $request['method'], $request['headers'], $timeout, $request['body'] ?? null ), $url );
			$pre  = apply_filters( 'pre_http_request', false, $args, $url );
			if ( false !== $pre ) {
				$results[ $key ] = $this->received( $pre, $secrets );
				continue;
			}
			if ( $http->block_request( $url ) ) {
				$results[ $key ] = ( $this->unreachable )( Redaction::redact( 'User has blocked requests through HTTP to ' . $url, $secrets ) );
				continue;
			}
			$sent[ $key ]    = array( $url, $args );
			$pending[ $key ] = $this->subrequest( $url, $args );
		}
		foreach ( $this->send( $pending ) as $key => $answer ) {
			list( $url, $args ) = $sent[ $key ];
			$response           = $answer instanceof RequestsResponse ? $this->response_array( $answer ) : new WP_Error( 'http_request_failed', $answer->getMessage() );
			do_action( 'http_api_debug', $response, 'response', Requests::class, $args, $url );
			if ( ! is_wp_error( $response ) ) {
				$response = apply_filters( 'http_response', $response, $args, $url );
			}
			$results[ $key ] = $this->received( $response, $secrets );
		}
		$ordered = array();
		foreach ( array_keys( $requests ) as $key ) {
			$ordered[ $key ] = $results[ $key ];
		}
		return $ordered;
	}

	/**
	 * What request() hands wp_remote_request(), plus the defaults WP_Http
	 * adds that the Requests options below read.
	 *
	 * @param array<string, string> $headers
	 *
	 * @return array<string, mixed>
	 */
	private function arguments( string $method, array $headers, int $timeout, ?string $body = null ): array {
		return array(
			'method'          => $method,
			'headers'         => $headers,
			'body'            => $body,
			'timeout'         => $timeout,
			'redirection'     => 0,
			'user-agent'      => 'CustomerCloudGallery/' . VERSION,
			'blocking'        => true,
			'sslverify'       => true,
			'sslcertificates' => ABSPATH . WPINC . '/certificates/ca-bundle.crt',
		);
	}

	/**
	 * One entry of Requests::request_multiple(), with the options WP_Http
	 * would give it. Requests fires its requests.before_request hook only
	 * for single requests; it is fired here, so what hooks it (a transport
	 * pin, a logger) sees these requests too.
	 *
	 * @param array<string, mixed> $args
	 *
	 * @return array<string, mixed>
	 */
	private function subrequest( string $url, array $args ): array {
		$headers = (array) $args['headers'];
		$data    = $args['body'] ?? array();
		$type    = (string) $args['method'];
		$options = array(
			'timeout'   => $args['timeout'],
			'useragent' => $args['user-agent'],
			'blocking'  => true,
			'hooks'     => new WP_HTTP_Requests_Hooks( $url, $args ),
			'verify'    => apply_filters( 'https_ssl_verify', empty( $args['sslverify'] ) ? false : $args['sslcertificates'], $url ),
		);
		if ( empty( $args['redirection'] ) ) {
			$options['follow_redirects'] = false;
		} else {
			$options['redirects'] = $args['redirection'];
		}
		if ( false === $options['verify'] ) {
			$options['verifyname'] = false;
		}
		if ( 'GET' !== $type && 'HEAD' !== $type ) {
			$options['data_format'] = 'body';
		}
		$proxy = new WP_HTTP_Proxy();
		if ( $proxy->is_enabled() && $proxy->send_through_proxy( $url ) ) {
			$options['proxy'] = new RequestsProxy( $proxy->host() . ':' . $proxy->port() );
			if ( $proxy->use_authentication() ) {
				$options['proxy']->use_authentication = true;
				$options['proxy']->user               = $proxy->username();
				$options['proxy']->pass               = $proxy->password();
			}
		}
		$options['hooks']->dispatch( 'requests.before_request', array( &$url, &$headers, &$data, &$type, &$options ) );
		return array(
			'url'     => $url,
			'headers' => $headers,
			'data'    => $data,
			'type'    => $type,
			'options' => $options,
		);
	}

	/**
	 * @param array<array-key, array<string, mixed>> $subrequests
	 *
	 * @return array<array-key, RequestsResponse|\WpOrg\Requests\Exception>
	 */
	private function send( array $subrequests ): array {
		if ( array() === $subrequests ) {
			return array();
		}
		// Requests picks the transport from the batch's options, not each
		// request's. Unless a hook pinned one, cURL's, waiting rather than
		// spinning (WaitingCurl); fsockopen where cURL cannot do it.
		$first     = reset( $subrequests );
		$transport = $first['options']['transport'] ?? null;
		if ( null === $transport && WaitingCurl::test( self::capabilities( $subrequests ) ) ) {
			$transport = new WaitingCurl();
		}
		mbstring_binary_safe_encoding();
		try {
			return Requests::request_multiple( $subrequests, array( 'transport' => $transport ) );
		} finally {
			reset_mbstring_encoding();
		}
	}

	/**
	 * What Requests asks of a transport for these requests: SSL when one of them is https.
	 *
	 * @param array<array-key, array<string, mixed>> $subrequests
	 *
	 * @return array<string, bool>
	 */
	private static function capabilities( array $subrequests ): array {
		foreach ( $subrequests as $subrequest ) {
			if ( str_starts_with( strtolower( (string) $subrequest['url'] ), 'https://' ) ) {
				return array( Capability::SSL => true );
			}
		}
		return array();
	}

	/**
	 * @return array<string, mixed> As wp_remote_request() returns it.
	 */
	private function response_array( RequestsResponse $answer ): array {
		$http                      = new WP_HTTP_Requests_Response( $answer );
		$response                  = $http->to_array();
		$response['http_response'] = $http;
		return $response;
	}

	/**
	 * @param mixed        $response A wp_remote_request() answer, or what a pre_http_request filter gave.
	 * @param list<string> $secrets
	 */
	private function received( mixed $response, array $secrets ): HttpResponse|Throwable {
		if ( ! is_array( $response ) ) {
			$message = $response instanceof WP_Error ? $response->get_error_message() : 'No response.';
			return ( $this->unreachable )( Redaction::redact( $message, $secrets ) );
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
