<?php
/**
 * Remembers what Dropbox told us about the grant after it was stored.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Storage\OptionStore;

/**
 * Plain (nothing secret): whether the grant was refused (revoked, expired) and
 * which scopes API calls reported missing, so the status shows them to every
 * later request until the admin reconnects.
 */
final class HealthStore {

	public function __construct( private OptionStore $options ) {}

	public function revoked(): bool {
		return true === ( $this->stored()['revoked'] ?? false );
	}

	/**
	 * @return list<string>
	 */
	public function missing_scopes(): array {
		$scopes = $this->stored()['missing_scopes'] ?? array();
		return is_array( $scopes ) ? array_values( array_filter( $scopes, 'is_string' ) ) : array();
	}

	public function mark_revoked(): void {
		$this->write( array( 'revoked' => true ) + $this->stored() );
	}

	public function mark_missing_scope( string $scope ): void {
		$scopes = array_values( array_unique( array_merge( $this->missing_scopes(), array( $scope ) ) ) );
		$this->write( array( 'missing_scopes' => $scopes ) + $this->stored() );
	}

	public function clear_revoked(): void {
		$this->write( array( 'revoked' => false ) + $this->stored() );
	}

	public function clear(): void {
		$this->options->delete( Keys::DROPBOX_HEALTH );
	}

	/**
	 * @return array<string, mixed>
	 */
	private function stored(): array {
		$value = $this->options->read( Keys::DROPBOX_HEALTH );
		return is_array( $value ) ? $value : array();
	}

	/**
	 * @param array<string, mixed> $value
	 */
	private function write( array $value ): void {
		$this->options->write( Keys::DROPBOX_HEALTH, $value );
	}
}
