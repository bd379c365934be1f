<?php
/**
 * Stores the admin's app credentials in one option; the secret encrypted.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

use CustomerCloudGallery\Storage\Encryption;
use CustomerCloudGallery\Storage\OptionStore;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * One option, so id, secret and settings always change together, under the
 * form's stored names, e.g. Dropbox's
 * { app_key: plain, access_type: plain, app_secret: ciphertext }.
 */
final class CredentialsStore {

	public function __construct(
		private OptionStore $options,
		private Encryption $encryption,
		private string $key,
		private ProviderDescription $provider
	) {}

	/**
	 * What may be shown to an admin, read without decrypting anything.
	 *
	 * @return array{client_id: string, secret_stored: bool, settings: array<string, string>}|null
	 */
	public function summary(): ?array {
		$stored = $this->stored();
		if ( '' === $stored['client_id'] ) {
			return null;
		}
		return array(
			'client_id'     => $stored['client_id'],
			'secret_stored' => '' !== $stored['secret'],
			'settings'      => $stored['settings'],
		);
	}

	/**
	 * @return AppCredentials|null Null until both the id and the secret are saved.
	 *
	 * @throws UnreadableSecret When the secret was encrypted with another key.
	 */
	public function load(): ?AppCredentials {
		$stored = $this->stored();
		if ( '' === $stored['client_id'] || '' === $stored['secret'] ) {
			return null;
		}
		return new AppCredentials( $stored['client_id'], $this->encryption->decrypt( $stored['secret'] ), $stored['settings'] );
	}

	public function secret_readable(): bool {
		try {
			return null !== $this->load();
		} catch ( UnreadableSecret ) {
			return false;
		}
	}

	/**
	 * @param string|null           $secret   Null keeps the stored secret.
	 * @param array<string, string> $settings The choices, by stored key.
	 */
	public function save( string $client_id, ?string $secret, array $settings ): void {
		$stored = $this->stored();
		$form   = $this->provider->credentials_form();
		$value  = array( $form->id->stored => $client_id );
		foreach ( $form->choices as $choice ) {
			$value[ $choice->stored ] = $this->choice( $choice, $settings[ $choice->stored ] ?? null );
		}
		$value[ $form->secret->stored ] = null === $secret ? $stored['secret'] : $this->encryption->encrypt( $secret );
		$this->options->write( $this->key, $value );
	}

	public function delete(): void {
		$this->options->delete( $this->key );
	}

	/**
	 * @return array{client_id: string, secret: string, settings: array<string, string>}
	 */
	private function stored(): array {
		$value    = $this->options->read( $this->key );
		$value    = is_array( $value ) ? $value : array();
		$string   = static fn ( string $name ): string => is_string( $value[ $name ] ?? null ) ? $value[ $name ] : '';
		$form     = $this->provider->credentials_form();
		$settings = array();
		foreach ( $form->choices as $choice ) {
			$settings[ $choice->stored ] = $this->choice( $choice, $value[ $choice->stored ] ?? null );
		}
		return array(
			'client_id' => $string( $form->id->stored ),
			'secret'    => $string( $form->secret->stored ),
			'settings'  => $settings,
		);
	}

	private function choice( CredentialField $choice, mixed $value ): string {
		return is_string( $value ) && array_key_exists( $value, $choice->options ) ? $value : $choice->default_choice();
	}
}
