<?php
/**
 * Stores the admin's Google OAuth client; the Client secret encrypted.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Storage\Encryption;
use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Storage\OptionStore;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * One option, so ID and secret always change together:
 * { client_id: plain, client_secret: ciphertext }.
 */
final class CredentialsStore {

	public function __construct( private OptionStore $options, private Encryption $encryption ) {}

	/**
	 * What may be shown to an admin, read without decrypting anything.
	 *
	 * @return array{client_id: string, secret_stored: bool}|null
	 */
	public function summary(): ?array {
		$stored = $this->stored();
		if ( '' === $stored['client_id'] ) {
			return null;
		}
		return array(
			'client_id'     => $stored['client_id'],
			'secret_stored' => '' !== $stored['client_secret'],
		);
	}

	/**
	 * @return Credentials|null Null until both Client ID and Client secret are saved.
	 *
	 * @throws UnreadableSecret When the secret was encrypted with another key.
	 */
	public function load(): ?Credentials {
		$stored = $this->stored();
		if ( '' === $stored['client_id'] || '' === $stored['client_secret'] ) {
			return null;
		}
		return new Credentials( $stored['client_id'], $this->encryption->decrypt( $stored['client_secret'] ) );
	}

	public function secret_readable(): bool {
		try {
			return null !== $this->load();
		} catch ( UnreadableSecret ) {
			return false;
		}
	}

	/**
	 * @param string|null $client_secret Null keeps the stored secret.
	 */
	public function save( string $client_id, ?string $client_secret ): void {
		$stored = $this->stored();
		$this->options->write(
			Keys::GOOGLE_CREDENTIALS,
			array(
				'client_id'     => $client_id,
				'client_secret' => null === $client_secret ? $stored['client_secret'] : $this->encryption->encrypt( $client_secret ),
			)
		);
	}

	public function delete(): void {
		$this->options->delete( Keys::GOOGLE_CREDENTIALS );
	}

	/**
	 * @return array{client_id: string, client_secret: string}
	 */
	private function stored(): array {
		$value = $this->options->read( Keys::GOOGLE_CREDENTIALS );
		$value = is_array( $value ) ? $value : array();
		return array(
			'client_id'     => is_string( $value['client_id'] ?? null ) ? $value['client_id'] : '',
			'client_secret' => is_string( $value['client_secret'] ?? null ) ? $value['client_secret'] : '',
		);
	}
}
