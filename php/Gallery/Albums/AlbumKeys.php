<?php
/**
 * The opaque keys of album URLs.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery\Albums;

use CustomerCloudGallery\Storage\EncryptionKey;

/**
 * An album's URL names it by a chain of segments, one per level below the
 * block's folder: each a truncated HMAC of the provider, the folder it was
 * listed in and the subfolder's reference. Nothing in it can be read back
 * (no id, no path), and nothing can be made from it: a segment is only ever
 * compared with those computed for the subfolders of a listing the block
 * already shows (AlbumTrail), so a key can only lead down the block's own
 * tree. Stable (no nonce, no expiry), so page caches keep album pages.
 */
final class AlbumKeys {

	/** Hex digits per segment: 48 bits, plenty among one folder's subfolders. */
	private const LENGTH = 12;

	private const CONTEXT = 'customer-cloud-gallery/album-key/v1';

	private const SEPARATOR = '-';

	/** What a request's key may look like before it is looked for at all. */
	private const SHAPE = '/^[0-9a-f]{12}(?:-[0-9a-f]{12}){0,4}$/';

	public function __construct( private EncryptionKey $key ) {}

	public function segment( string $provider, string $parent_key, string $child_ref ): string {
		$key = hash_hkdf( 'sha256', $this->key->signing_key(), 32, self::CONTEXT );
		return substr( hash_hmac( 'sha256', $provider . "\x1f" . $parent_key . "\x1f" . $child_ref, $key ), 0, self::LENGTH );
	}

	/**
	 * @param list<string> $segments
	 */
	public function join( array $segments ): string {
		return implode( self::SEPARATOR, $segments );
	}

	/**
	 * @return list<string>|null The segments; null for anything that cannot be a key.
	 */
	public function split( string $key ): ?array {
		return 1 === preg_match( self::SHAPE, $key ) ? explode( self::SEPARATOR, $key ) : null;
	}
}
