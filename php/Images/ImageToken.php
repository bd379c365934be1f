<?php
/**
 * Seals and opens the token of an image URL.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Images;

use CustomerCloudGallery\Storage\EncryptionKey;
use SodiumException;

/**
 * base64url(XChaCha20-Poly1305 of provider, file id, revision, size, the
 * gallery's order and page window and the folder's listing key, joined by U+001F) "." base64url(nonce). Packed,
 * not JSON, so a Drive token (33-character ids, a 32-digit checksum) stays
 * short enough to be a file name (ThumbnailDiskCache). Encrypted, so a URL tells nobody a file
 * id, a path or a checksum (with a Drive file shared "anyone with the link",
 * the id alone would lead to the original); authenticated, so a tampered
 * URL fails before anything is fetched. The nonce is synthetic (a keyed
 * hash of the payload): one image is always one URL, which is what lets
 * browsers, CDNs and the disk cache keep it, and equal URLs reveal only
 * that they are the same image. The revision makes a changed photo a new URL.
 */
final class ImageToken {

	/** Binds tokens to this use of the key. */
	private const ASSOCIATED_DATA = 'ccg-image-token-v4';

	private const SEPARATOR = "\x1f";

	private const FIELDS = array( 'p', 'f', 'r', 's', 'o', 'w', 'k' );

	public function __construct( private EncryptionKey $key ) {}

	public function sign( ImageRef $image ): string {
		$plaintext = implode( self::SEPARATOR, $image->to_array() );
		$nonce     = substr( hash_hmac( 'sha256', $plaintext, $this->key->signing_key(), true ), 0, SODIUM_CRYPTO_AEAD_XCHACHA20POLY1305_IETF_NPUBBYTES );
		$sealed    = sodium_crypto_aead_xchacha20poly1305_ietf_encrypt( $plaintext, self::ASSOCIATED_DATA, $nonce, $this->key->image_token_key() );
		return self::encode( $sealed ) . '.' . self::encode( $nonce );
	}

	/**
	 * Null for anything not sealed by this site, malformed or with an unknown size.
	 */
	public function verify( string $token ): ?ImageRef {
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
		// The folder key comes last: it is the only field that may be free text.
		$values = false === $plaintext ? array() : explode( self::SEPARATOR, $plaintext, count( self::FIELDS ) );
		return count( $values ) === count( self::FIELDS ) ? ImageRef::from_array( array_combine( self::FIELDS, $values ) ) : null;
	}

	private static function encode( string $bytes ): string {
		return rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' );
	}

	private static function decode( string $text ): ?string {
		$bytes = base64_decode( strtr( $text, '-_', '+/' ), true );
		return false === $bytes ? null : $bytes;
	}
}
