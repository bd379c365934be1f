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
 * <prefix><provider>_<generation>_<md5 of the reference>. The generation is
 * a random word per provider, chosen when the provider's first entry is
 * written and chosen anew by a purge: every name its listings and media info
 * had is then never read again, on every web server at once and whatever
 * holds the transients. No persistent object cache can be searched by
 * prefix, and Redis or Memcached may hold thousands; their old entries are
 * unreachable and expire with their TTL. Where the transients are rows of
 * the options table (no persistent cache), the purge deletes the rows too,
 * so nothing of the provider's listings stays.
 *
 * Random, not a counter: uninstall deletes the option, and a reinstalled
 * plugin must not find the entries an earlier install left in a persistent
 * cache. Until a provider has a generation, nothing of it is cached, and
 * reads find nothing.
 */
final class ProviderTransients {

	/** Read names of a provider with no generation yet: never written. */
	private const NONE = 'none';

	public function __construct( private OptionStore $options ) {}

	/**
	 * The name to read an entry under.
	 */
	public function name( string $prefix, string $provider, string $ref ): string {
		return $this->compose( $prefix, $provider, $this->generation( $provider ) ?? self::NONE, $ref );
	}

	/**
	 * The name to write an entry under: gives the provider a generation first.
	 */
	public function name_to_write( string $prefix, string $provider, string $ref ): string {
		return $this->compose( $prefix, $provider, $this->generation( $provider ) ?? $this->begin( $provider ), $ref );
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
		if ( null !== $this->generation( $provider ) ) {
			update_option( $this->option( $provider ), self::word(), true );
		}
		if ( wp_using_ext_object_cache() ) {
			return null;
		}
		global $wpdb;
		$deleted = 0;
		foreach ( $prefixes as $prefix ) {
			foreach ( array( '_transient_', '_transient_timeout_' ) as $kind ) {
				$like = $wpdb->esc_like( $kind . $prefix . sanitize_key( $provider ) . '_' ) . '%';
				// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a family of transients has no API; this request's option cache is dropped below.
				$rows     = (int) $wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s", $like ) );
				$deleted += '_transient_' === $kind ? $rows : 0;
			}
		}
		wp_cache_flush_group( 'options' );
		return $deleted;
	}

	private function compose( string $prefix, string $provider, string $generation, string $ref ): string {
		return $prefix . sanitize_key( $provider ) . '_' . $generation . '_' . md5( $ref );
	}

	/**
	 * The provider's first entry. add_option() only inserts, so a page view
	 * that writes the first entry can never overwrite a purge made at the
	 * same moment; of two first writes, the second reads the first's.
	 */
	private function begin( string $provider ): string {
		$word = self::word();
		if ( add_option( $this->option( $provider ), $word, '', true ) ) {
			return $word;
		}
		return $this->generation( $provider, true ) ?? $word;
	}

	/**
	 * Read each time, never kept in this object: a long-running process (a
	 * WP-Cron batch, WP-CLI) must see another process's purge at once, or it
	 * would read entries the purge left unreachable in a persistent cache.
	 * WordPress keeps the autoloaded option in memory for the request anyway.
	 */
	private function generation( string $provider, bool $fresh = false ): ?string {
		$stored = $this->options->read( $this->option( $provider ), $fresh );
		return is_string( $stored ) && '' !== $stored ? $stored : null;
	}

	/**
	 * One option per provider: no write ever replaces another provider's.
	 */
	private function option( string $provider ): string {
		return Keys::CACHE_GENERATION_PREFIX . sanitize_key( $provider );
	}

	private static function word(): string {
		return bin2hex( random_bytes( 4 ) );
	}
}
