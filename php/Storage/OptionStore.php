<?php
/**
 * Reads and writes the plugin's non-autoloaded options.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Storage;

/**
 * Secrets and tokens are never autoloaded (they would sit in every request's
 * memory). A "fresh" read drops this request's cached copy first, so a
 * process that waited on another one's token refresh sees the new row.
 */
final class OptionStore {

	/**
	 * With a persistent object cache, WordPress keeps the names of missing
	 * options in one shared entry ("notoptions") that each request writes
	 * back from its own copy: a request that read an option as missing can
	 * hide it from every later one after another request saved it
	 * (reproduced in tools/production-stack/README.md). So a missing option
	 * is asked of the database once more; these are a few keys, rarely
	 * missing on a working site.
	 */
	public function read( string $name, bool $fresh = false ): mixed {
		if ( $fresh ) {
			$this->forget( $name );
		}
		$value = get_option( $name, null );
		if ( null === $value && wp_using_ext_object_cache() && $this->in_database( $name ) ) {
			$this->forget( $name );
			$value = get_option( $name, null );
		}
		return $value;
	}

	public function write( string $name, mixed $value ): void {
		update_option( $name, $value, false );
	}

	public function delete( string $name ): void {
		delete_option( $name );
	}

	private function in_database( string $name ): bool {
		global $wpdb;
		return null !== $wpdb->get_var( $wpdb->prepare( "SELECT option_id FROM {$wpdb->options} WHERE option_name = %s LIMIT 1", $name ) );
	}

	private function forget( string $name ): void {
		wp_cache_delete( $name, 'options' );
		$missing = wp_cache_get( 'notoptions', 'options' );
		if ( is_array( $missing ) && isset( $missing[ $name ] ) ) {
			unset( $missing[ $name ] );
			wp_cache_set( 'notoptions', $missing, 'options' );
		}
	}
}
