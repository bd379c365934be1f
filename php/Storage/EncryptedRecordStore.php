<?php
/**
 * One record in one option, encrypted as a whole.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Storage;

use Closure;

/**
 * A grant is stored this way: JSON of the whole record, then encrypted, so
 * no token, scope or account detail is readable in the database. Each
 * provider's TokenStore wraps one of these with its own option and record
 * class.
 *
 * @template T of object
 */
final class EncryptedRecordStore {

	/**
	 * @param string                   $name       The option that holds the record.
	 * @param Closure(mixed): (T|null) $from_array Rebuilds the record from its decoded JSON;
	 *                                             null when the data is not such a record.
	 */
	public function __construct(
		private OptionStore $options,
		private Encryption $encryption,
		private string $name,
		private Closure $from_array
	) {}

	/**
	 * @param bool $fresh Bypass this request's cached copy (after waiting on another process's write).
	 *
	 * @return T|null Null when nothing is stored.
	 *
	 * @throws UnreadableSecret When the record was encrypted with another key, or is not a record.
	 */
	public function load( bool $fresh = false ): ?object {
		$stored = $this->options->read( $this->name, $fresh );
		if ( ! is_string( $stored ) || '' === $stored ) {
			return null;
		}
		$record = ( $this->from_array )( json_decode( $this->encryption->decrypt( $stored ), true ) );
		if ( null === $record ) {
			throw new UnreadableSecret( "The stored {$this->name} is not a record this version can read." );
		}
		return $record;
	}

	/**
	 * Whether anything is stored, readable or not: an unreadable record
	 * still has to be deleted.
	 */
	public function exists(): bool {
		return is_string( $this->options->read( $this->name ) );
	}

	/**
	 * False when a record is stored that nobody can decrypt any more (the
	 * keys changed): such a record is worthless and should be forgotten.
	 * True when nothing is stored.
	 */
	public function readable(): bool {
		try {
			$this->load();
			return true;
		} catch ( UnreadableSecret ) {
			return false;
		}
	}

	/**
	 * @param array<string, mixed> $data The record's to_array().
	 */
	public function save( array $data ): void {
		$this->options->write( $this->name, $this->encryption->encrypt( (string) wp_json_encode( $data ) ) );
	}

	public function delete(): void {
		$this->options->delete( $this->name );
	}
}
