<?php
/**
 * Stores the admin's Dropbox app credentials; the App secret encrypted.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

use CustomerCloudGallery\Storage\Encryption;
use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Storage\OptionStore;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * One option, so key, secret and access type always change together:
 * { app_key: plain, access_type: plain, app_secret: ciphertext }.
 */
final class CredentialsStore {

	public function __construct( private OptionStore $options, private Encryption $encryption ) {}

	/**
	 * What may be shown to an admin, read without decrypting anything.
	 *
	 * @return array{app_key: string, access_type: string, secret_stored: bool}|null
	 */
	public function summary(): ?array {
		$stored = $this->stored();
		if ( '' === $stored['app_key'] ) {
			return null;
		}
		return array(
			'app_key'       => $stored['app_key'],
			'access_type'   => $stored['access_type'],
			'secret_stored' => '' !== $stored['app_secret'],
		);
	}

	/**
	 * @return Credentials|null Null until both App key and App secret are saved.
	 *
	 * @throws UnreadableSecret When the secret was encrypted with another key.
	 */
	public function load(): ?Credentials {
		$stored = $this->stored();
		if ( '' === $stored['app_key'] || '' === $stored['app_secret'] ) {
			return null;
		}
		return new Credentials(
			$stored['app_key'],
			$this->encryption->decrypt( $stored['app_secret'] ),
			$stored['access_type']
		);
	}

	public function secret_readable(): bool {
		try {
			return null !== $this->load();
		} catch ( UnreadableSecret ) {
			return false;
		}
	}

	/**
	 * @param string|null $app_secret Null keeps the stored secret.
	 */
	public function save( string $app_key, ?string $app_secret, string $access_type ): void {
		$stored = $this->stored();
		$this->options->write(
			Keys::DROPBOX_CREDENTIALS,
			array(
				'app_key'     => $app_key,
				'access_type' => $access_type,
				'app_secret'  => null === $app_secret ? $stored['app_secret'] : $this->encryption->encrypt( $app_secret ),
			)
		);
	}

	/**
	 * @return array{app_key: string, access_type: string, app_secret: string}
	 */
	private function stored(): array {
		$value = $this->options->read( Keys::DROPBOX_CREDENTIALS );
		$value = is_array( $value ) ? $value : array();

		$access_type = $value['access_type'] ?? '';
		return array(
			'app_key'     => is_string( $value['app_key'] ?? null ) ? $value['app_key'] : '',
			'access_type' => in_array( $access_type, Credentials::ACCESS_TYPES, true ) ? $access_type : Credentials::ACCESS_FULL,
			'app_secret'  => is_string( $value['app_secret'] ?? null ) ? $value['app_secret'] : '',
		);
	}
}
