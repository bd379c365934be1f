<?php
/**
 * Stores the Google grant, encrypted as a whole.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Storage\Encryption;
use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Storage\OptionStore;
use CustomerCloudGallery\Storage\UnreadableSecret;

final class TokenStore {

	public function __construct( private OptionStore $options, private Encryption $encryption ) {}

	/**
	 * @param bool $fresh Bypass this request's cached copy (after waiting on another process's refresh).
	 *
	 * @throws UnreadableSecret When the grant was encrypted with another key.
	 */
	public function load( bool $fresh = false ): ?TokenRecord {
		$stored = $this->options->read( Keys::GOOGLE_TOKEN, $fresh );
		if ( ! is_string( $stored ) || '' === $stored ) {
			return null;
		}
		$record = TokenRecord::from_array( json_decode( $this->encryption->decrypt( $stored ), true ) );
		if ( null === $record ) {
			throw new UnreadableSecret( 'The stored grant is not a token record.' );
		}
		return $record;
	}

	public function exists(): bool {
		return is_string( $this->options->read( Keys::GOOGLE_TOKEN ) );
	}

	public function save( TokenRecord $record ): void {
		$this->options->write( Keys::GOOGLE_TOKEN, $this->encryption->encrypt( (string) wp_json_encode( $record->to_array() ) ) );
	}

	public function delete(): void {
		$this->options->delete( Keys::GOOGLE_TOKEN );
	}
}
