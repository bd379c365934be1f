<?php
/**
 * Sends a request whose answer is streamed on, never held in memory.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Http;

use Closure;
use Throwable;
use WP_Http;
use WpOrg\Requests\Exception as RequestsException;
use WpOrg\Requests\Hooks;
use WpOrg\Requests\Requests;
use WpOrg\Requests\Transport\Curl;

use const CustomerCloudGallery\VERSION;

/**
 * WordPress's Requests library appends every body chunk to a string, so a
 * 2 GB original would need 2 GB of memory; its 'filename' option writes to a
 * file, which downloads must not do either. This goes through the same
 * library and its cURL transport, and replaces only cURL's write callback
 * (the curl.before_send hook runs after Requests set its own): each chunk
 * goes to a StreamSink as it arrives, once the sink has seen the status and
 * headers. Requests still reads the headers and answers as usual, with an
 * empty body. Like Transport: the http_request_args filter and
 * WP_HTTP_BLOCK_EXTERNAL apply, redirects are never followed, the hosts come
 * from constants. There is no whole-transfer timeout (a 2 GB file takes
 * time); a transfer slower than a byte a second for half a minute stops.
 * cURL is required: the fsockopen transport has no write callback.
 */
final class StreamingTransport {

	private const CONNECT_TIMEOUT = 10;

	private const STALL_SECONDS = 30;

	/** An error body is JSON of a few hundred bytes; more is not kept. */
	private const ERROR_BODY_LIMIT = 65536;

	/**
	 * @param Closure(string): Throwable $unreachable As for Transport.
	 */
	public function __construct( private Closure $unreachable ) {}

	/**
	 * @param array<string, string> $headers
	 * @param list<string>          $secrets Values to keep out of error summaries.
	 *
	 * @return HttpResponse The status and headers; the body only when the sink declined it.
	 *
	 * @throws Throwable The provider's error, when its host cannot be reached.
	 */
	public function stream( string $method, string $url, array $headers, ?string $body, StreamSink $sink, array $secrets ): HttpResponse {
		$args = apply_filters(
			'http_request_args',
			array(
				'method'      => $method,
				'headers'     => $headers,
				'body'        => $body,
				'timeout'     => self::CONNECT_TIMEOUT,
				'redirection' => 0,
				'user-agent'  => 'CustomerCloudGallery/' . VERSION,
				'sslverify'   => true,
			),
			$url
		);
		if ( ( new WP_Http() )->block_request( $url ) || ! Curl::test() ) {
			throw ( $this->unreachable )( Redaction::redact( 'Downloads need the cURL extension and an allowed host: ' . $url, $secrets ) );
		}

		$state     = new StreamState( $sink, self::ERROR_BODY_LIMIT );
		$transport = new Curl();
		$hooks     = new Hooks();
		$hooks->register(
			'curl.before_send',
			static function ( &$handle ) use ( $state, $transport ): void {
				curl_setopt( $handle, CURLOPT_TIMEOUT, 0 );
				// The bytes and their Content-Length and Content-Range go on as they are:
				// a body cURL decompressed would no longer match them.
				curl_setopt( $handle, CURLOPT_ENCODING, 'identity' );
				curl_setopt( $handle, CURLOPT_LOW_SPEED_LIMIT, 1 );
				curl_setopt( $handle, CURLOPT_LOW_SPEED_TIME, self::STALL_SECONDS );
				curl_setopt( $handle, CURLOPT_HEADERFUNCTION, static fn ( $curl, string $line ): int => $state->header( $line ) ?? $transport->stream_headers( $curl, $line ) );
				curl_setopt( $handle, CURLOPT_WRITEFUNCTION, static fn ( $curl, string $data ): int => $state->body( $data ) );
				curl_setopt( $handle, CURLOPT_NOPROGRESS, false );
				curl_setopt( $handle, CURLOPT_XFERINFOFUNCTION, static fn (): int => $state->progress() );
			}
		);
		$options = array(
			'timeout'          => self::CONNECT_TIMEOUT,
			'connect_timeout'  => self::CONNECT_TIMEOUT,
			'useragent'        => (string) $args['user-agent'],
			'follow_redirects' => false,
			'transport'        => $transport,
			'hooks'            => $hooks,
			'verify'           => apply_filters( 'https_ssl_verify', empty( $args['sslverify'] ) ? false : ABSPATH . WPINC . '/certificates/ca-bundle.crt', $url ),
		);
		if ( 'GET' !== $method ) {
			$options['data_format'] = 'body';
		}
		mbstring_binary_safe_encoding();
		try {
			Requests::request( $url, (array) $args['headers'], $args['body'] ?? '', $method, $options );
		} catch ( RequestsException $exception ) {
			// A transfer the sink stopped on purpose ends as "aborted by callback": that is no failure.
			if ( ! $state->stopped() ) {
				throw ( $this->unreachable )( Redaction::redact( $exception->getMessage(), $secrets ) );
			}
		} finally {
			reset_mbstring_encoding();
		}
		return $state->response();
	}
}
