<?php
/**
 * A short text sealed for a URL: encrypted, authenticated, deterministic.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Storage;

use SodiumException;

/**
 * base64url(XChaCha20-Poly1305 of the plaintext) "." base64url(nonce), under
 * the image token key, bound to one use by its associated data (an image
 * token never opens as a download token, nor the reverse). The nonce is
 * synthetic, a keyed hash of the plaintext (after the use's nonce context),
 * so the same payload is always the same URL: browsers, CDNs, page caches
 * and the disk cache can keep it, and equal tokens reveal only that they are
 * equal. Images\ImageToken and Downloads\DownloadToken say what they seal.
 */
final class SealedToken {

	/** Longer than any token this plugin makes; anything longer is refused unread. */
	private const MAX_LENGTH = 1024;

	public function __construct(
		private EncryptionKey $key,
		private string $associated_data,
		private string $nonce_context = ''
	) {}

	public function seal( string $plaintext ): string {
		$nonce  = substr( hash_hmac( 'sha256', $this->nonce_context . $plaintext, $this->key->signing_key(), true ), 0, SODIUM_CRYPTO_AEAD_XCHACHA20POLY1305_IETF_NPUBBYTES );
		$sealed = sodium_crypto_aead_xchacha20poly1305_ietf_encrypt( $plaintext, $this->associated_data, $nonce, $this->key->image_token_key() );
		return self::encode( $sealed ) . '.' . self::encode( $nonce );
	}

	/**
	 * The plaintext; null for anything this site did not seal for this use, or malformed.
	 */
	public function open( string $token ): ?string {
		if ( strlen( $token ) > self::MAX_LENGTH || 1 !== substr_count( $token, '.' ) ) {
			return null;
		}
		list( $sealed, $nonce ) = array_map( self::decode( ... ), explode( '.', $token ) );
		if ( null === $sealed || null === $nonce || SODIUM_CRYPTO_AEAD_XCHACHA20POLY1305_IETF_NPUBBYTES !== strlen( $nonce ) ) {
			return null;
		}
		try {
			$plaintext = sodium_crypto_aead_xchacha20poly1305_ietf_decrypt( $sealed, $this->associated_data, $nonce, $this->key->image_token_key() );
		} catch ( SodiumException ) {
			return null;
		}
		return false === $plaintext ? null : $plaintext;
	}

	private static function encode( string $bytes ): string {
		return rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' );
	}

	private static function decode( string $text ): ?string {
		$bytes = base64_decode( strtr( $text, '-_', '+/' ), true );
		return false === $bytes ? null : $bytes;
	}
}
