<?php
/**
 * Names of the transients that hold one provider's cached data, and their purge.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Cache;

use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Storage\OptionStore;

/**
 * <prefix><provider>_<generation>_<md5 of the reference>. Purging a
 * provider moves its generation on, so every name its listings and media
 * info had is never read again, on every web server at once and whatever
 * holds the transients: no persistent object cache can be searched by
 * prefix, and Redis or Memcached may hold thousands. Where the transients
 * are rows of the options table (no persistent cache), the purge also
 * deletes the rows, so nothing of the provider's listings stays on disk; in
 * a persistent cache, the old entries are unreachable and expire with their
 * TTL.
 *
 * The generation is one autoloaded option.
 */
final class ProviderTransients {

	public function __construct( private OptionStore $options ) {}

	public function name( string $prefix, string $provider, string $ref ): string {
		return $prefix . sanitize_key( $provider ) . '_' . $this->generation( $provider ) . '_' . md5( $ref );
	}

	/**
	 * Makes every transient named for the provider unreachable, and deletes
	 * their rows where they are rows.
	 *
	 * @param list<string> $prefixes
	 *
	 * @return int|null How many were deleted; null where a persistent object cache holds them (not countable).
	 */
	public function purge( string $provider, array $prefixes ): ?int {
		$generations              = $this->generations();
		$generations[ $provider ] = ( $generations[ $provider ] ?? 0 ) + 1;
		update_option( Keys::CACHE_GENERATIONS, $generations, true );
		if ( wp_using_ext_object_cache() ) {
			return null;
		}
		global $wpdb;
		$deleted = 0;
		foreach ( $prefixes as $prefix ) {
			$like     = $wpdb->esc_like( '_transient_' . $prefix . sanitize_key( $provider ) . '_' ) . '%';
			$timeouts = $wpdb->esc_like( '_transient_timeout_' . $prefix . sanitize_key( $provider ) . '_' ) . '%';
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a family of transients has no API; the object cache is flushed below.
			$deleted += (int) $wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s", $like ) );
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery
			$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s", $timeouts ) );
		}
		// This request may hold some of them in its (non-persistent) cache.
		wp_cache_delete( 'alloptions', 'options' );
		wp_cache_flush_group( 'options' );
		return $deleted;
	}

	private function generation( string $provider ): int {
		return $this->generations()[ $provider ] ?? 0;
	}

	/**
	 * Read each time, never kept in the object: a long-running process (a
	 * WP-Cron batch, WP-CLI) must see another process's purge at once, or it
	 * would read entries the purge left unreachable in a persistent cache.
	 * WordPress keeps the autoloaded option in memory for the request anyway.
	 *
	 * @return array<string, int>
	 */
	private function generations(): array {
		$stored = $this->options->read( Keys::CACHE_GENERATIONS );
		return is_array( $stored ) ? array_map( 'intval', $stored ) : array();
	}
}
