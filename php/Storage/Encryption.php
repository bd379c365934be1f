<?php
/**
 * Authenticated encryption of secrets stored in the database.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Storage;

use SodiumException;

/**
 * libsodium secretbox (XSalsa20-Poly1305) with a random nonce per value.
 * Stored form: "ccg1:" . base64( nonce . ciphertext ). The version prefix lets
 * a later release change the scheme and still recognise older values.
 */
final class Encryption {

	private const PREFIX = 'ccg1:';

	public function __construct( private EncryptionKey $key ) {}

	public function encrypt( string $plaintext ): string {
		$nonce = random_bytes( SODIUM_CRYPTO_SECRETBOX_NONCEBYTES );
		$box   = sodium_crypto_secretbox( $plaintext, $nonce, $this->key->bytes() );
		return self::PREFIX . sodium_bin2base64( $nonce . $box, SODIUM_BASE64_VARIANT_ORIGINAL );
	}

	/**
	 * @throws UnreadableSecret When the value is not ours or the key changed.
	 */
	public function decrypt( string $stored ): string {
		if ( ! str_starts_with( $stored, self::PREFIX ) ) {
			throw new UnreadableSecret( 'Unknown ciphertext format.' );
		}
		try {
			$raw = sodium_base642bin( substr( $stored, strlen( self::PREFIX ) ), SODIUM_BASE64_VARIANT_ORIGINAL );
		} catch ( SodiumException $e ) {
			throw new UnreadableSecret( 'Malformed ciphertext.', 0, $e );
		}
		$min_length = SODIUM_CRYPTO_SECRETBOX_NONCEBYTES + SODIUM_CRYPTO_SECRETBOX_MACBYTES;
		if ( strlen( $raw ) < $min_length ) {
			throw new UnreadableSecret( 'Truncated ciphertext.' );
		}
		$nonce     = substr( $raw, 0, SODIUM_CRYPTO_SECRETBOX_NONCEBYTES );
		$box       = substr( $raw, SODIUM_CRYPTO_SECRETBOX_NONCEBYTES );
		$plaintext = sodium_crypto_secretbox_open( $box, $nonce, $this->key->bytes() );
		if ( false === $plaintext ) {
			throw new UnreadableSecret( 'The encryption key changed since this value was stored.' );
		}
		return $plaintext;
	}
}
