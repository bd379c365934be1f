<?php
/**
 * Deletes everything the plugin stored on the current site.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Storage;

/**
 * Deletes what Keys lists, by name and by family, and nothing else that
 * happens to start with "ccg_". Used by uninstall.php and by the tests.
 */
final class Cleanup {

	public function delete_site_data(): void {
		global $wpdb;

		foreach ( Keys::OPTIONS as $name ) {
			delete_option( $name );
		}
		$patterns = array_map( static fn ( string $prefix ): string => $wpdb->esc_like( $prefix ) . '%', Keys::OPTION_PREFIXES );
		foreach ( Keys::TRANSIENT_PREFIXES as $prefix ) {
			foreach ( array( '_transient_', '_transient_timeout_' ) as $kind ) {
				$patterns[] = $wpdb->esc_like( $kind . $prefix ) . '%';
			}
		}
		foreach ( $patterns as $pattern ) {
			$names = $wpdb->get_col(
				$wpdb->prepare( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s", $pattern )
			);
			foreach ( $names as $name ) {
				// delete_option() also clears the option caches of this request.
				delete_option( $name );
			}
		}

		if ( function_exists( 'wp_cache_supports' ) && wp_cache_supports( 'flush_group' ) ) {
			wp_cache_flush_group( Keys::CACHE_GROUP );
		}

		delete_post_meta_by_key( Keys::GALLERY_POSTS_META );
		$this->unschedule();
		$this->delete_thumbnails();
	}

	/**
	 * Deactivation: no thumbnail stays on disk, where the web server would
	 * keep sending it to anyone with its URL while the plugin is off, and no
	 * WP-Cron event of the plugin stays scheduled. Listings, settings and the
	 * connection stay for when it is activated again; its thumbnails are
	 * fetched again then, through their unchanged URLs.
	 */
	public function on_deactivation(): void {
		$this->unschedule();
		$this->delete_thumbnails();
	}

	private function unschedule(): void {
		foreach ( Keys::CRON_HOOKS as $hook ) {
			wp_unschedule_hook( $hook );
		}
	}

	/**
	 * The disk cache of thumbnails under this site's uploads.
	 */
	private function delete_thumbnails(): void {
		$uploads = wp_upload_dir( null, false );
		$root    = $uploads['basedir'] . '/' . Keys::UPLOADS_DIR;
		if ( ! is_dir( $root ) ) {
			return;
		}
		$entries = new \RecursiveIteratorIterator(
			new \RecursiveDirectoryIterator( $root, \FilesystemIterator::SKIP_DOTS ),
			\RecursiveIteratorIterator::CHILD_FIRST
		);
		// A visitor's request may write or delete a file meanwhile: what
		// cannot go now is left (a folder that gained a file keeps it).
		foreach ( $entries as $entry ) {
			$entry->isDir() ? @rmdir( $entry->getPathname() ) : @unlink( $entry->getPathname() ); // phpcs:ignore WordPress.PHP.NoSilencedErrors
		}
		@rmdir( $root ); // phpcs:ignore WordPress.PHP.NoSilencedErrors
	}

	/**
	 * User meta lives in the network-wide users table: delete it once.
	 */
	public function delete_user_data(): void {
		global $wpdb;

		delete_metadata( 'user', 0, Keys::FLASH_NOTICE, '', true );
	}
}
