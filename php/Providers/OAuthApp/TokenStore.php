<?php
/**
 * Stores a provider's grant, encrypted as a whole.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

use CustomerCloudGallery\Storage\EncryptedRecordStore;
use CustomerCloudGallery\Storage\Encryption;
use CustomerCloudGallery\Storage\OptionStore;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * The typed face of an EncryptedRecordStore: which option, which record class.
 */
final class TokenStore {

	/** @var EncryptedRecordStore<TokenRecord> */
	private EncryptedRecordStore $stored;

	public function __construct( OptionStore $options, Encryption $encryption, string $key ) {
		$this->stored = new EncryptedRecordStore( $options, $encryption, $key, TokenRecord::from_array( ... ) );
	}

	/**
	 * @param bool $fresh Bypass this request's cached copy (after waiting on another process's refresh).
	 *
	 * @throws UnreadableSecret When the grant was encrypted with another key.
	 */
	public function load( bool $fresh = false ): ?TokenRecord {
		return $this->stored->load( $fresh );
	}

	public function exists(): bool {
		return $this->stored->exists();
	}

	/**
	 * Whether a stored grant can still be decrypted (true when there is none).
	 */
	public function readable(): bool {
		return $this->stored->readable();
	}

	public function save( TokenRecord $record ): void {
		$this->stored->save( $record->to_array() );
	}

	public function delete(): void {
		$this->stored->delete();
	}
}
