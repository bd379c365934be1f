<?php
/**
 * A minimal HTTP client for the tests (the "browser" and the control API).
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Support;

use RuntimeException;

final class Http {

	/**
	 * Never follows redirects: tests look at the Location themselves.
	 *
	 * @param array<string, string> $headers
	 *
	 * @return array{status: int, headers: array<string, string>, body: string}
	 */
	public static function request( string $method, string $url, array $headers = array(), ?string $body = null ): array {
		$received = array();
		$curl     = curl_init( $url );
		curl_setopt_array(
			$curl,
			array(
				CURLOPT_CUSTOMREQUEST  => $method,
				CURLOPT_RETURNTRANSFER => true,
				CURLOPT_FOLLOWLOCATION => false,
				CURLOPT_TIMEOUT        => 30,
				CURLOPT_HTTPHEADER     => array_map( static fn ( string $name, string $value ): string => "{$name}: {$value}", array_keys( $headers ), $headers ),
				CURLOPT_HEADERFUNCTION => static function ( $handle, string $line ) use ( &$received ): int {
					$parts = explode( ':', $line, 2 );
					if ( 2 === count( $parts ) ) {
						$received[ strtolower( trim( $parts[0] ) ) ] = trim( $parts[1] );
					}
					return strlen( $line );
				},
			)
		);
		if ( null !== $body ) {
			curl_setopt( $curl, CURLOPT_POSTFIELDS, $body );
		}
		$content = curl_exec( $curl );
		if ( false === $content ) {
			throw new RuntimeException( "{$method} {$url} failed: " . curl_error( $curl ) );
		}
		$status = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
		curl_close( $curl );
		return array(
			'status'  => $status,
			'headers' => $received,
			'body'    => (string) $content,
		);
	}
}
