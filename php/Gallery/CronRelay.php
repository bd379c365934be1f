<?php
/**
 * Starts the next WP-Cron run when a refresh became due during this one.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

use CustomerCloudGallery\Gallery\Albums\AlbumRefresh;

/**
 * A WP-Cron run takes the list of due events when it starts. A refresh
 * scheduled while it runs (a Dropbox notification arriving while the
 * previous one's refresh is being done, as happens when a photographer's
 * upload lands in several notifications) is not on that list, and
 * spawn_cron() does nothing while a run holds the cron lock: the refresh
 * would wait for the next page view, which on a quiet site may be hours
 * away. So at the end of every cron run, once wp-cron.php has released its
 * lock, a due refresh or warming (or the albums' refresh after a
 * notification) starts the next run, as spawn_cron() would
 * (same lock, same cron_request filter). A site that runs WP-Cron from a
 * system cron (DISABLE_WP_CRON) is left to it.
 */
final class CronRelay {

	/** The plugin's events that a change in the cloud or a save makes due at once. */
	private const HOOKS = array( FolderListings::REFRESH_HOOK, GalleryWarmer::HOOK, AlbumRefresh::HOOK );

	public function register(): void {
		if ( wp_doing_cron() && ! ( defined( 'DISABLE_WP_CRON' ) && DISABLE_WP_CRON ) ) {
			add_action( 'shutdown', array( $this, 'relay' ), PHP_INT_MAX );
		}
	}

	public function relay(): void {
		$this->forget_this_runs_copies();
		if ( ! $this->due() ) {
			return;
		}
		$lock = $this->cron_lock();
		if ( is_numeric( $lock ) && (float) $lock + WP_CRON_LOCK_TIMEOUT > microtime( true ) ) {
			// Another run started after this one: it saw the event.
			return;
		}
		$doing = sprintf( '%.22F', microtime( true ) );
		set_transient( 'doing_cron', $doing );
		$request = apply_filters(
			'cron_request',
			array(
				'url'  => add_query_arg( 'doing_wp_cron', $doing, site_url( 'wp-cron.php' ) ),
				'key'  => $doing,
				'args' => array(
					'timeout'   => 0.01,
					'blocking'  => false,
					'sslverify' => apply_filters( 'https_local_ssl_verify', false ),
				),
			),
			$doing
		);
		wp_remote_post( $request['url'], $request['args'] );
	}

	/**
	 * The events as they are now, not as this run read them when it started:
	 * only this request's own copies are dropped, never the shared cache's.
	 */
	private function forget_this_runs_copies(): void {
		if ( ! wp_using_ext_object_cache() ) {
			wp_cache_delete( 'alloptions', 'options' );
			wp_cache_delete( 'cron', 'options' );
		} elseif ( function_exists( 'wp_cache_supports' ) && wp_cache_supports( 'flush_runtime' ) ) {
			wp_cache_flush_runtime();
		}
	}

	/**
	 * The cron lock as wp-cron.php reads it (_get_cron_lock()): from the
	 * database, or forced from the persistent object cache.
	 */
	private function cron_lock(): mixed {
		global $wpdb;
		if ( wp_using_ext_object_cache() ) {
			return wp_cache_get( 'doing_cron', 'transient', true );
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- read as wp-cron.php reads it, past every cache.
		return $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM $wpdb->options WHERE option_name = %s LIMIT 1", '_transient_doing_cron' ) );
	}

	private function due(): bool {
		foreach ( wp_get_ready_cron_jobs() as $hooks ) {
			foreach ( self::HOOKS as $hook ) {
				if ( isset( $hooks[ $hook ] ) ) {
					return true;
				}
			}
		}
		return false;
	}
}
