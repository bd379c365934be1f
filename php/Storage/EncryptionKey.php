<?php
/**
 * Resolves the 32-byte key that encrypts secrets at rest.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Storage;

/**
 * CCG_ENCRYPTION_KEY (wp-config.php) when defined, so a key can outlive salt
 * rotation; otherwise derived from the site's salts. HKDF with a fixed
 * context string keeps this key distinct from every other use of the salts.
 */
final class EncryptionKey {

	private const CONTEXT = 'customer-cloud-gallery/secretbox/v1';

	private const SIGNING_CONTEXT = 'customer-cloud-gallery/image-url/v1';

	private const IMAGE_TOKEN_CONTEXT = 'customer-cloud-gallery/image-token/aead/v1';

	public function bytes(): string {
		return hash_hkdf( 'sha256', $this->input_keying_material(), SODIUM_CRYPTO_SECRETBOX_KEYBYTES, self::CONTEXT );
	}

	/**
	 * The HMAC key of image URLs: from the same secret, never the same key.
	 */
	public function signing_key(): string {
		return hash_hkdf( 'sha256', $this->input_keying_material(), 32, self::SIGNING_CONTEXT . $this->site() );
	}

	/**
	 * The key that encrypts image URL tokens (XChaCha20-Poly1305): derived
	 * like the signing key, from the same secret, never the same key.
	 */
	public function image_token_key(): string {
		return hash_hkdf( 'sha256', $this->input_keying_material(), SODIUM_CRYPTO_AEAD_XCHACHA20POLY1305_IETF_KEYBYTES, self::IMAGE_TOKEN_CONTEXT . $this->site() );
	}

	/**
	 * The sites of a network share wp-config.php, so its salts and
	 * CCG_ENCRYPTION_KEY: without the site in the context, an image URL one
	 * site signed would be honoured by every other, through that site's own
	 * connection and outside its gallery folder. Empty on a single site,
	 * whose keys stay as they were.
	 */
	private function site(): string {
		return is_multisite() ? '|site:' . get_current_blog_id() : '';
	}

	/**
	 * Resolved on each call, not cached, so a changed key is noticed at once.
	 */
	private function input_keying_material(): string {
		if ( defined( 'CCG_ENCRYPTION_KEY' ) && is_string( CCG_ENCRYPTION_KEY ) && '' !== CCG_ENCRYPTION_KEY ) {
			return CCG_ENCRYPTION_KEY;
		}
		return wp_salt( 'auth' ) . wp_salt( 'secure_auth' );
	}
}
