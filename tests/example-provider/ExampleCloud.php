<?php
/**
 * The Example Cloud "service", answering the plugin's HTTP requests in-process.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\ExampleProvider;

/**
 * A token endpoint that grants any app whose id and secret are non-empty,
 * for the code its consent "page" hands out, and a revoke endpoint. Hooked
 * into pre_http_request, so the plugin's real Transport and TokenEndpoint
 * make the requests.
 */
final class ExampleCloud {

	public const HOST = 'https://example-cloud.invalid';

	public const CODE = 'example-code';

	public const ACCOUNT = array(
		'name'  => 'Sam Example',
		'email' => 'sam@example.com',
	);

	/**
	 * @param false|array<string, mixed> $response
	 * @param array<string, mixed>       $args
	 *
	 * @return false|array<string, mixed>
	 */
	public static function answer( mixed $response, array $args, string $url ): mixed {
		if ( ! str_starts_with( $url, self::HOST . '/' ) ) {
			return $response;
		}
		parse_str( is_string( $args['body'] ?? null ) ? $args['body'] : '', $form );
		$path = (string) wp_parse_url( $url, PHP_URL_PATH );
		if ( '/oauth2/token' === $path ) {
			$granted = '' !== (string) ( $form['client_id'] ?? '' ) && '' !== (string) ( $form['client_secret'] ?? '' )
				&& ( self::CODE === ( $form['code'] ?? null ) || 'example-refresh' === ( $form['refresh_token'] ?? null ) );
			return $granted
				? self::json( 200, array( 'access_token' => 'example-access-' . wp_generate_password( 8, false ), 'expires_in' => 3600, 'refresh_token' => 'example-refresh', 'scope' => 'folders.read' ) )
				: self::json( 400, array( 'error' => 'invalid_grant' ) );
		}
		if ( '/oauth2/revoke' === $path ) {
			return self::json( 200, array() );
		}
		return self::json( 404, array( 'error' => 'not_found' ) );
	}

	/**
	 * @param array<string, mixed> $body
	 *
	 * @return array<string, mixed>
	 */
	private static function json( int $status, array $body ): array {
		return array(
			'headers'  => array( 'content-type' => 'application/json' ),
			'body'     => (string) wp_json_encode( (object) $body ),
			'response' => array(
				'code'    => $status,
				'message' => 200 === $status ? 'OK' : 'Error',
			),
			'cookies'  => array(),
			'filename' => null,
		);
	}
}
