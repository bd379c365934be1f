<?php
/**
 * Seals and opens the token of a download URL.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Downloads;

use CustomerCloudGallery\Storage\EncryptionKey;
use SodiumException;

/**
 * As Images\ImageToken: XChaCha20-Poly1305 with the image token key, bound
 * to its own associated data so an image token is never a download token
 * (nor the reverse); a synthetic nonce, so the same download with the same
 * expiry is the same URL and a cached page stays byte-stable. The expiry is
 * inside the sealed payload: it cannot be extended by editing the URL.
 */
final class DownloadToken {

	private const ASSOCIATED_DATA = 'ccg-download-token-v1';

	private const SEPARATOR = "\x1f";

	public function __construct( private EncryptionKey $key ) {}

	public function sign( DownloadRef $download ): string {
		$plaintext = implode( self::SEPARATOR, $download->to_list() );
		$nonce     = substr( hash_hmac( 'sha256', 'download' . $plaintext, $this->key->signing_key(), true ), 0, SODIUM_CRYPTO_AEAD_XCHACHA20POLY1305_IETF_NPUBBYTES );
		$sealed    = sodium_crypto_aead_xchacha20poly1305_ietf_encrypt( $plaintext, self::ASSOCIATED_DATA, $nonce, $this->key->image_token_key() );
		return self::encode( $sealed ) . '.' . self::encode( $nonce );
	}

	/**
	 * Null for anything this site did not seal, or malformed; an expired
	 * download still opens (the caller answers 410 for it).
	 */
	public function verify( string $token ): ?DownloadRef {
		if ( strlen( $token ) > 1024 || 1 !== substr_count( $token, '.' ) ) {
			return null;
		}
		list( $sealed, $nonce ) = array_map( self::decode( ... ), explode( '.', $token ) );
		if ( null === $sealed || null === $nonce || SODIUM_CRYPTO_AEAD_XCHACHA20POLY1305_IETF_NPUBBYTES !== strlen( $nonce ) ) {
			return null;
		}
		try {
			$plaintext = sodium_crypto_aead_xchacha20poly1305_ietf_decrypt( $sealed, self::ASSOCIATED_DATA, $nonce, $this->key->image_token_key() );
		} catch ( SodiumException ) {
			return null;
		}
		return false === $plaintext ? null : DownloadRef::from_list( explode( self::SEPARATOR, $plaintext, 8 ) );
	}

	private static function encode( string $bytes ): string {
		return rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' );
	}

	private static function decode( string $text ): ?string {
		$bytes = base64_decode( strtr( $text, '-_', '+/' ), true );
		return false === $bytes ? null : $bytes;
	}
}
