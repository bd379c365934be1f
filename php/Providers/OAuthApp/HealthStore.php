<?php
/**
 * Remembers what the provider told us about the grant after it was stored.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

use CustomerCloudGallery\Storage\OptionStore;

/**
 * Plain (nothing secret), and forgotten with the grant: whether the provider
 * refused it (and why), which scopes calls reported missing, flags a
 * provider raises about the admin's app (Google: the Drive API is off), and
 * small facts a provider remembers for the grant's account (Google: the My
 * Drive root id). The status shows them to every later request until the
 * admin reconnects.
 */
final class HealthStore {

	public const REFUSED_REVOKED = 'revoked';

	public function __construct( private OptionStore $options, private string $key ) {}

	public function revoked(): bool {
		return null !== $this->refusal();
	}

	/**
	 * @return string|null Why the grant was refused (REFUSED_REVOKED or a
	 *                     provider's own cause), or null while it works.
	 */
	public function refusal(): ?string {
		$stored = $this->stored();
		$value  = $stored['refused'] ?? null;
		if ( is_string( $value ) && '' !== $value ) {
			return $value;
		}
		// Written by 0.1's Dropbox connection.
		return true === ( $stored['revoked'] ?? false ) ? self::REFUSED_REVOKED : null;
	}

	/**
	 * @return list<string>
	 */
	public function missing_scopes(): array {
		$scopes = $this->stored()['missing_scopes'] ?? array();
		return is_array( $scopes ) ? array_values( array_filter( $scopes, 'is_string' ) ) : array();
	}

	public function flagged( string $flag ): bool {
		return true === ( $this->stored()['flags'][ $flag ] ?? false );
	}

	public function remembered( string $name ): ?string {
		$value = $this->stored()['facts'][ $name ] ?? null;
		return is_string( $value ) && '' !== $value ? $value : null;
	}

	/**
	 * When the provider first refused the grant; null while it works. A
	 * refusal recorded before the time was kept reads as now, until the next
	 * refused call records it: a grace period never ends unannounced.
	 */
	public function refused_since(): ?int {
		if ( null === $this->refusal() ) {
			return null;
		}
		$since = $this->stored()['refused_at'] ?? null;
		return is_int( $since ) ? $since : time();
	}

	/**
	 * Keeps the time of the first refusal: later refused calls say the same.
	 */
	public function mark_revoked( string $cause = self::REFUSED_REVOKED ): void {
		$stored = $this->stored();
		$since  = null !== $this->refusal() && is_int( $stored['refused_at'] ?? null ) ? $stored['refused_at'] : time();
		unset( $stored['revoked'] );
		$this->write(
			array(
				'refused'    => $cause,
				'refused_at' => $since,
			) + $stored
		);
	}

	public function mark_missing_scope( string $scope ): void {
		$scopes = array_values( array_unique( array_merge( $this->missing_scopes(), array( $scope ) ) ) );
		$this->write( array( 'missing_scopes' => $scopes ) + $this->stored() );
	}

	public function flag( string $flag ): void {
		$stored                    = $this->stored();
		$stored['flags']           = is_array( $stored['flags'] ?? null ) ? $stored['flags'] : array();
		$stored['flags'][ $flag ] = true;
		$this->write( $stored );
	}

	/**
	 * Writes only when the flag was set, so a working site never writes.
	 */
	public function unflag( string $flag ): void {
		$stored = $this->stored();
		if ( isset( $stored['flags'][ $flag ] ) ) {
			unset( $stored['flags'][ $flag ] );
			$this->write( $stored );
		}
	}

	public function remember( string $name, string $value ): void {
		$stored                    = $this->stored();
		$stored['facts']           = is_array( $stored['facts'] ?? null ) ? $stored['facts'] : array();
		$stored['facts'][ $name ] = $value;
		$this->write( $stored );
	}

	/**
	 * The provider just accepted the grant: an earlier refusal is over.
	 */
	public function clear_revoked(): void {
		$stored = $this->stored();
		if ( isset( $stored['refused'] ) || isset( $stored['revoked'] ) ) {
			unset( $stored['refused'], $stored['revoked'], $stored['refused_at'] );
			$this->write( $stored );
		}
	}

	public function clear(): void {
		$this->options->delete( $this->key );
	}

	/**
	 * @return array<string, mixed>
	 */
	private function stored(): array {
		$value = $this->options->read( $this->key );
		return is_array( $value ) ? $value : array();
	}

	/**
	 * @param array<string, mixed> $value
	 */
	private function write( array $value ): void {
		$this->options->write( $this->key, $value );
	}
}
