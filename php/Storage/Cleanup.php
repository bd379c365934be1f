<?php
/**
 * Deletes everything the plugin stored on the current site.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Storage;

/**
 * Works by the Keys::PREFIX rather than a list of names, so an option added by
 * a later release is removed too. Used by uninstall.php and by the tests.
 */
final class Cleanup {

	public function delete_site_data(): void {
		global $wpdb;

		$patterns = array(
			$wpdb->esc_like( Keys::PREFIX ) . '%',
			$wpdb->esc_like( '_transient_' . Keys::PREFIX ) . '%',
			$wpdb->esc_like( '_transient_timeout_' . Keys::PREFIX ) . '%',
			$wpdb->esc_like( '_site_transient_' . Keys::PREFIX ) . '%',
			$wpdb->esc_like( '_site_transient_timeout_' . Keys::PREFIX ) . '%',
		);
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

		foreach ( Keys::CRON_HOOKS as $hook ) {
			wp_unschedule_hook( $hook );
		}
		$this->delete_thumbnails();
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
		foreach ( $entries as $entry ) {
			$entry->isDir() ? rmdir( $entry->getPathname() ) : unlink( $entry->getPathname() );
		}
		rmdir( $root );
	}

	/**
	 * User meta lives in the network-wide users table: delete it once.
	 */
	public function delete_user_data(): void {
		global $wpdb;

		$keys = $wpdb->get_col(
			$wpdb->prepare(
				"SELECT DISTINCT meta_key FROM {$wpdb->usermeta} WHERE meta_key LIKE %s",
				$wpdb->esc_like( Keys::PREFIX ) . '%'
			)
		);
		foreach ( $keys as $key ) {
			delete_metadata( 'user', 0, $key, '', true );
		}
	}
}
