<?php
/**
 * Keeps pending OAuth authorizations server-side, keyed by their state.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\OAuth;

use CustomerCloudGallery\Storage\Keys;

/**
 * One non-autoloaded option per state, named by a hash of the state so the
 * state itself is never stored. Consuming deletes the row, and only the
 * process whose DELETE removed it gets the record: a state works once even
 * when a callback is replayed concurrently.
 */
final class StateStore {

	public function put( string $state, PendingAuthorization $pending ): void {
		$this->purge_expired();
		add_option( $this->option_name( $state ), $pending->to_array(), '', false );
	}

	/**
	 * Returns the pending authorization and forgets it, or null when the
	 * state is unknown or was already used. Expiry is the caller's to check,
	 * so it can say "expired" rather than "unknown".
	 */
	public function consume( string $state ): ?PendingAuthorization {
		global $wpdb;

		if ( '' === $state ) {
			return null;
		}
		$name   = $this->option_name( $state );
		$stored = $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", $name ) );
		if ( ! is_string( $stored ) ) {
			return null;
		}
		$deleted = $wpdb->delete( $wpdb->options, array( 'option_name' => $name ) );
		wp_cache_delete( $name, 'options' );
		if ( 1 !== $deleted ) {
			return null;
		}
		return PendingAuthorization::from_array( maybe_unserialize( $stored ) );
	}

	/**
	 * Abandoned consents (the admin closed the tab) leave rows behind; they
	 * are swept whenever a new authorization starts.
	 */
	private function purge_expired(): void {
		global $wpdb;

		$rows = $wpdb->get_results(
			$wpdb->prepare(
				"SELECT option_name, option_value FROM {$wpdb->options} WHERE option_name LIKE %s",
				$wpdb->esc_like( Keys::OAUTH_STATE_PREFIX ) . '%'
			)
		);
		foreach ( $rows as $row ) {
			$pending = PendingAuthorization::from_array( maybe_unserialize( $row->option_value ) );
			if ( null === $pending || $pending->expired( time() ) ) {
				delete_option( $row->option_name );
			}
		}
	}

	private function option_name( string $state ): string {
		return Keys::OAUTH_STATE_PREFIX . hash( 'sha256', $state );
	}
}
