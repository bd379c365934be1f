<?php
/**
 * Requests' cURL transport, waiting for answers instead of spinning.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Http;

use WpOrg\Requests\Exception\Transport\Curl as CurlException;
use WpOrg\Requests\Transport;
use WpOrg\Requests\Transport\Curl;

/**
 * WordPress's Requests library sends several requests at once on cURL
 * (Transport\Curl::request_multiple()), but its loop calls
 * curl_multi_exec() again and again until the last answer is in, without
 * curl_multi_select(): a PHP worker burns a whole core for as long as the
 * provider takes to answer (WordPress/Requests issue #283, open since 2017;
 * pull requests #110, #284 and #493 proposed the same wait). A cold Drive page of 100 photos is 200 requests
 * in waves, so that was 2 to 2.5 s of CPU per cold view on the bench
 * (150 ms per call), taken from the visitors and the other requests of the
 * site. This transport sends the same handles, built by Requests' own Curl
 * transport (so proxies, certificates, timeouts and the hooks are as
 * before), and sleeps in curl_multi_select() until one of them has
 * something. The rest of the loop is Requests' own: the same hooks in the
 * same order, the same answers. A single request goes to Curl unchanged.
 */
final class WaitingCurl implements Transport {

	/** Longest one wait lasts before the loop looks again (cURL's own timeouts still apply). */
	private const SELECT_SECONDS = 1.0;

	/** How many times the last request_multiple() called curl_multi_exec(): a few per answer, not thousands. */
	private int $rounds = 0;

	/**
	 * @param string       $url
	 * @param array        $headers
	 * @param string|array $data
	 * @param array        $options
	 */
	public function request( $url, $headers = array(), $data = array(), $options = array() ) {
		return ( new Curl() )->request( $url, $headers, $data, $options );
	}

	/**
	 * As Curl::request_multiple().
	 *
	 * @param array $requests Requests' request arrays (url, headers, data, options with hooks).
	 * @param array $options  Global options.
	 *
	 * @return array Raw answers (strings) or exceptions, by the keys of $requests, as Curl gives them.
	 */
	public function request_multiple( $requests, $options ) {
		$this->rounds = 0;
		if ( empty( $requests ) ) {
			return array();
		}
		$multi      = curl_multi_init();
		$transports = array();
		$handles    = array();
		$hooks      = null;
		foreach ( $requests as $key => $request ) {
			$transports[ $key ] = new Curl();
			$handles[ $key ]    = $transports[ $key ]->get_subrequest_handle( $request['url'], $request['headers'], $request['data'], $request['options'] );
			$request['options']['hooks']->dispatch( 'curl.before_multi_add', array( &$handles[ $key ] ) );
			curl_multi_add_handle( $multi, $handles[ $key ] );
			$hooks = $request['options']['hooks'];
		}
		$hooks->dispatch( 'curl.before_multi_exec', array( &$multi ) );

		$responses = array();
		$active    = 0;
		while ( count( $responses ) < count( $handles ) ) {
			do {
				++$this->rounds;
				$status = curl_multi_exec( $multi, $active );
			} while ( CURLM_CALL_MULTI_PERFORM === $status );

			$finished = false;
			while ( false !== ( $done = curl_multi_info_read( $multi ) ) ) {
				$key = array_search( $done['handle'], $handles, true );
				if ( false === $key || isset( $responses[ $key ] ) ) {
					continue;
				}
				$finished = true;
				$request  = $requests[ $key ];
				if ( CURLE_OK !== $done['result'] ) {
					$responses[ $key ] = new CurlException( curl_error( $done['handle'] ), CurlException::EASY, $done['handle'], $done['result'] );
					$request['options']['hooks']->dispatch( 'transport.internal.parse_error', array( &$responses[ $key ], $request ) );
				} else {
					$responses[ $key ] = $transports[ $key ]->process_response( $transports[ $key ]->response_data, $request['options'] );
					$request['options']['hooks']->dispatch( 'transport.internal.parse_response', array( &$responses[ $key ], $request ) );
				}
				curl_multi_remove_handle( $multi, $done['handle'] );
				if ( ! is_string( $responses[ $key ] ) ) {
					$request['options']['hooks']->dispatch( 'multiple.request.complete', array( &$responses[ $key ], $key ) );
				}
			}

			if ( ! $finished && $active > 0 && curl_multi_select( $multi, self::SELECT_SECONDS ) < 1 ) {
				// Nothing ready: the wait ran out, or cURL had no descriptor to
				// wait on (between steps, or -1 from select) and returned at
				// once. A short sleep, so that is never a spin either.
				usleep( 1000 );
			}
			if ( 0 === $active && ! $finished && count( $responses ) < count( $handles ) ) {
				// cURL says nothing runs and has nothing more to report: what is left never got an answer.
				foreach ( array_diff_key( $handles, $responses ) as $key => $handle ) {
					$responses[ $key ] = new CurlException( 'No answer.', CurlException::EASY, $handle, CURLE_RECV_ERROR );
					$requests[ $key ]['options']['hooks']->dispatch( 'transport.internal.parse_error', array( &$responses[ $key ], $requests[ $key ] ) );
				}
			}
		}

		$hooks->dispatch( 'curl.after_multi_exec', array( &$multi ) );
		curl_multi_close( $multi );
		$ordered = array();
		foreach ( array_keys( $handles ) as $key ) {
			$ordered[ $key ] = $responses[ $key ];
		}
		return $ordered;
	}

	/**
	 * How many times the last request_multiple() called curl_multi_exec().
	 */
	public function rounds(): int {
		return $this->rounds;
	}

	/**
	 * @param array<string, bool> $capabilities
	 */
	public static function test( $capabilities = array() ) {
		return Curl::test( $capabilities );
	}
}
