<?php
/**
 * Remembers what Google told us about the grant after it was stored.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Storage\OptionStore;

/**
 * Plain (nothing secret), and forgotten with the grant: whether Google
 * refused it (and why), which scopes calls reported missing, whether the
 * Drive API is switched off in the admin's project, and the account's
 * My Drive root id (each account has its own).
 */
final class HealthStore {

	public const REFUSED_REVOKED = 'revoked';
	public const REFUSED_TESTING = 'testing';

	public function __construct( private OptionStore $options ) {}

	public function revoked(): bool {
		return null !== $this->refusal();
	}

	/**
	 * @return string|null One of the REFUSED_* constants, or null while the grant works.
	 */
	public function refusal(): ?string {
		$value = $this->stored()['refused'] ?? null;
		return in_array( $value, array( self::REFUSED_REVOKED, self::REFUSED_TESTING ), true ) ? $value : null;
	}

	/**
	 * @return list<string>
	 */
	public function missing_scopes(): array {
		$scopes = $this->stored()['missing_scopes'] ?? array();
		return is_array( $scopes ) ? array_values( array_filter( $scopes, 'is_string' ) ) : array();
	}

	public function api_disabled(): bool {
		return true === ( $this->stored()['api_disabled'] ?? false );
	}

	public function my_drive_id(): ?string {
		$id = $this->stored()['my_drive'] ?? null;
		return is_string( $id ) && '' !== $id ? $id : null;
	}

	/**
	 * @param string $cause One of the REFUSED_* constants.
	 */
	public function mark_revoked( string $cause = self::REFUSED_REVOKED ): void {
		$this->write( array( 'refused' => $cause ) + $this->stored() );
	}

	public function mark_missing_scope( string $scope ): void {
		$scopes = array_values( array_unique( array_merge( $this->missing_scopes(), array( $scope ) ) ) );
		$this->write( array( 'missing_scopes' => $scopes ) + $this->stored() );
	}

	public function mark_api_disabled(): void {
		$this->write( array( 'api_disabled' => true ) + $this->stored() );
	}

	public function remember_my_drive_id( string $id ): void {
		$this->write( array( 'my_drive' => $id ) + $this->stored() );
	}

	/**
	 * Google just answered a Drive call, so the API is on again. Writes only
	 * when the flag was set, so a working site never writes.
	 */
	public function clear_api_disabled(): void {
		$stored = $this->stored();
		if ( isset( $stored['api_disabled'] ) ) {
			unset( $stored['api_disabled'] );
			$this->write( $stored );
		}
	}

	/**
	 * Test connection just worked with the grant: an earlier refusal is over.
	 */
	public function clear_revoked(): void {
		$stored = $this->stored();
		if ( isset( $stored['refused'] ) ) {
			unset( $stored['refused'] );
			$this->write( $stored );
		}
	}

	public function clear(): void {
		$this->options->delete( Keys::GOOGLE_HEALTH );
	}

	/**
	 * @return array<string, mixed>
	 */
	private function stored(): array {
		$value = $this->options->read( Keys::GOOGLE_HEALTH );
		return is_array( $value ) ? $value : array();
	}

	/**
	 * @param array<string, mixed> $value
	 */
	private function write( array $value ): void {
		$this->options->write( Keys::GOOGLE_HEALTH, $value );
	}
}
