<?php
/**
 * Seals and opens the token of a download URL.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Downloads;

use CustomerCloudGallery\Storage\EncryptionKey;
use CustomerCloudGallery\Storage\SealedToken;

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

	private SealedToken $sealed;

	public function __construct( EncryptionKey $key ) {
		$this->sealed = new SealedToken( $key, self::ASSOCIATED_DATA, 'download' );
	}

	public function sign( DownloadRef $download ): string {
		return $this->sealed->seal( implode( self::SEPARATOR, $download->to_list() ) );
	}

	/**
	 * Null for anything this site did not seal, or malformed; an expired
	 * download still opens (the caller answers 410 for it).
	 */
	public function verify( string $token ): ?DownloadRef {
		$plaintext = $this->sealed->open( $token );
		return null === $plaintext ? null : DownloadRef::from_list( explode( self::SEPARATOR, $plaintext, 8 ) );
	}
}
