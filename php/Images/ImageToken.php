<?php
/**
 * Signs and checks the token of an image URL.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Images;

use CustomerCloudGallery\Storage\EncryptionKey;

/**
 * base64url(JSON {p: provider, f: file id, r: rev, s: size}) "." base64url(HMAC-SHA256).
 * The revision makes a changed photo a new URL (so caches may keep each URL
 * forever); the HMAC makes a tampered URL fail before anything is fetched.
 */
final class ImageToken {

	public function __construct( private EncryptionKey $key ) {}

	public function sign( ImageRef $image ): string {
		$payload = self::encode( (string) wp_json_encode( $image->to_array() ) );
		return $payload . '.' . self::encode( hash_hmac( 'sha256', $payload, $this->key->signing_key(), true ) );
	}

	/**
	 * Null for anything not signed by this site, malformed or with an unknown size.
	 */
	public function verify( string $token ): ?ImageRef {
		if ( strlen( $token ) > 1024 || 1 !== substr_count( $token, '.' ) ) {
			return null;
		}
		list( $payload, $signature ) = explode( '.', $token );
		$expected                   = self::encode( hash_hmac( 'sha256', $payload, $this->key->signing_key(), true ) );
		if ( ! hash_equals( $expected, $signature ) ) {
			return null;
		}
		$data = json_decode( (string) self::decode( $payload ), true );
		return is_array( $data ) ? ImageRef::from_array( $data ) : null;
	}

	private static function encode( string $bytes ): string {
		return rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' );
	}

	private static function decode( string $text ): ?string {
		$bytes = base64_decode( strtr( $text, '-_', '+/' ), true );
		return false === $bytes ? null : $bytes;
	}
}
