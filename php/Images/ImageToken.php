<?php
/**
 * Seals and opens the token of an image URL.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Images;

use CustomerCloudGallery\Storage\EncryptionKey;
use CustomerCloudGallery\Storage\SealedToken;

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

	private SealedToken $sealed;

	public function __construct( EncryptionKey $key ) {
		$this->sealed = new SealedToken( $key, self::ASSOCIATED_DATA );
	}

	public function sign( ImageRef $image ): string {
		return $this->sealed->seal( implode( self::SEPARATOR, $image->to_array() ) );
	}

	/**
	 * Null for anything not sealed by this site, malformed or with an unknown size.
	 */
	public function verify( string $token ): ?ImageRef {
		$plaintext = $this->sealed->open( $token );
		// The folder key comes last: it is the only field that may be free text.
		$values = null === $plaintext ? array() : explode( self::SEPARATOR, $plaintext, count( self::FIELDS ) );
		return count( $values ) === count( self::FIELDS ) ? ImageRef::from_array( array_combine( self::FIELDS, $values ) ) : null;
	}
}
