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

	public function read( string $name, bool $fresh = false ): mixed {
		if ( $fresh ) {
			$this->forget( $name );
		}
		return get_option( $name, null );
	}

	public function write( string $name, mixed $value ): void {
		update_option( $name, $value, false );
	}

	public function delete( string $name ): void {
		delete_option( $name );
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
