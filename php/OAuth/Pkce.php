<?php
/**
 * PKCE (RFC 7636) verifier and S256 challenge, and the OAuth state value.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\OAuth;

final class Pkce {

	/**
	 * 64 random bytes → 86 URL-safe characters (RFC 7636 allows 43–128).
	 */
	public static function verifier(): string {
		return self::base64url( random_bytes( 64 ) );
	}

	public static function challenge( string $verifier ): string {
		return self::base64url( hash( 'sha256', $verifier, true ) );
	}

	/**
	 * 32 random bytes → 43 URL-safe characters.
	 */
	public static function state(): string {
		return self::base64url( random_bytes( 32 ) );
	}

	private static function base64url( string $bytes ): string {
		return rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' );
	}
}
