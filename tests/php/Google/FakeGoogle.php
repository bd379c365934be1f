<?php
/**
 * A stand-in for Google's hosts inside this PHP process, through the
 * pre_http_request filter: no sandbox, no network.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Google;

use WP_Error;

/**
 * Routes are "METHOD host/path" prefixes or regexes ("#…#"); each answers
 * with a response, a queue of responses (the last one repeats) or a
 * callable receiving the request. Every request is recorded; one no route
 * matches fails as a network error, so nothing ever leaves the machine.
 */
final class FakeGoogle {

	/** @var list<array{0: string, 1: string, 2: mixed}> */
	private array $routes = array();

	/**
	 * Every request, with the URLs of its round: those sent together with
	 * it by one Transport::request_all(), or just its own.
	 *
	 * @var list<array{method: string, url: string, headers: array<string, string>, body: string, query: array<string, mixed>, round: list<string>}>
	 */
	public array $requests = array();

	/**
	 * @param string $route    E.g. "GET www.googleapis.com/drive/v3/about" or "#^GET .../files/[^/?]+#".
	 * @param mixed  $response An array from json()/bytes(), a list of them, or a callable( array $request ): array.
	 */
	public function on( string $route, mixed $response ): self {
		array_unshift( $this->routes, array( $route, str_starts_with( $route, '#' ) ? 'regex' : 'prefix', $response ) );
		return $this;
	}

	/**
	 * The pre_http_request filter.
	 *
	 * @param false|array<string, mixed>|WP_Error $pre
	 * @param array<string, mixed>                $args
	 *
	 * @return array<string, mixed>|WP_Error
	 */
	public function intercept( $pre, $args, $url ) {
		$parts   = wp_parse_url( (string) $url );
		$request = array(
			'method'  => strtoupper( (string) ( $args['method'] ?? 'GET' ) ),
			'url'     => (string) $url,
			'headers' => is_array( $args['headers'] ?? null ) ? $args['headers'] : array(),
			'body'    => is_string( $args['body'] ?? null ) ? $args['body'] : '',
			'query'   => array(),
			'round'   => self::round( (string) $url ),
		);
		parse_str( (string) ( $parts['query'] ?? '' ), $request['query'] );
		$this->requests[] = $request;

		$target = self::target( $request );
		foreach ( $this->routes as $index => list( $route, $kind, $response ) ) {
			$matches = 'regex' === $kind ? 1 === preg_match( $route, $target ) : str_starts_with( $target, $route );
			if ( ! $matches ) {
				continue;
			}
			if ( is_callable( $response ) ) {
				return $response( $request );
			}
			if ( array_is_list( $response ) ) {
				return count( $response ) > 1 ? array_shift( $this->routes[ $index ][2] ) : $response[0];
			}
			return $response;
		}
		return new WP_Error( 'http_request_failed', "FakeGoogle has no route for {$target}" );
	}

	/**
	 * @param array<string, mixed> $body
	 * @param array<string, string> $headers
	 *
	 * @return array<string, mixed>
	 */
	public static function json( int $status, array $body, array $headers = array() ): array {
		return self::bytes( $status, (string) wp_json_encode( $body ), $headers + array( 'content-type' => 'application/json; charset=UTF-8' ) );
	}

	/**
	 * @param array<string, string> $headers
	 *
	 * @return array<string, mixed>
	 */
	public static function bytes( int $status, string $body, array $headers = array() ): array {
		return array(
			'headers'  => $headers,
			'body'     => $body,
			'response' => array(
				'code'    => $status,
				'message' => get_status_header_desc( $status ),
			),
			'cookies'  => array(),
			'filename' => null,
		);
	}

	/**
	 * Drive's v1 error envelope (contract B5).
	 *
	 * @param array<string, mixed> $extra E.g. status, details.
	 *
	 * @return array<string, mixed>
	 */
	public static function drive_error( int $status, string $reason, string $message = 'Error', array $extra = array() ): array {
		return self::json(
			$status,
			array(
				'error' => array(
					'errors'  => array(
						array(
							'domain'  => 'global',
							'reason'  => $reason,
							'message' => $message,
						),
					),
					'code'    => $status,
					'message' => $message,
				) + $extra,
			)
		);
	}

	/**
	 * Requests whose "METHOD host/path" starts with $prefix.
	 *
	 * @return list<array{method: string, url: string, headers: array<string, string>, body: string, query: array<string, mixed>}>
	 */
	public function sent( string $prefix ): array {
		return array_values(
			array_filter(
				$this->requests,
				static fn ( array $request ): bool => str_starts_with( self::target( $request ), $prefix )
			)
		);
	}

	/**
	 * Requests to exactly "METHOD host/path" (any query).
	 *
	 * @return list<array{method: string, url: string, headers: array<string, string>, body: string, query: array<string, mixed>}>
	 */
	public function sent_to( string $target ): array {
		return array_values(
			array_filter(
				$this->sent( $target ),
				static fn ( array $request ): bool => str_ends_with( $target, (string) wp_parse_url( $request['url'], PHP_URL_PATH ) )
			)
		);
	}

	public function count( string $prefix ): int {
		return count( $this->sent( $prefix ) );
	}

	/**
	 * The URLs sent in the same round trip as $url: the whole batch when it
	 * goes out through Transport::request_all() (read from the call's own
	 * arguments), else $url alone.
	 *
	 * @return list<string>
	 */
	private static function round( string $url ): array {
		foreach ( debug_backtrace( 0 ) as $frame ) { // phpcs:ignore WordPress.PHP.DevelopmentFunctions -- a test double.
			if ( 'request_all' === ( $frame['function'] ?? '' ) && is_array( $frame['args'][0] ?? null ) ) {
				return array_values( array_map( static fn ( array $request ): string => (string) $request['url'], $frame['args'][0] ) );
			}
		}
		return array( $url );
	}

	/**
	 * "METHOD host[:port]/path", what routes and filters match on.
	 *
	 * @param array{method: string, url: string} $request
	 */
	private static function target( array $request ): string {
		$parts = wp_parse_url( $request['url'] );
		return $request['method'] . ' ' . ( $parts['host'] ?? '' ) . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' ) . ( $parts['path'] ?? '' );
	}

	/**
	 * @param array{body: string} $request
	 *
	 * @return array<string, mixed>
	 */
	public static function form( array $request ): array {
		parse_str( $request['body'], $fields );
		return $fields;
	}
}
