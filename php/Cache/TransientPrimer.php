<?php
/**
 * Reads many transients in one round trip.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Cache;

/**
 * get_transient() of one name is one query (or one object cache call), and
 * most of what a request checks by name is absent: a photo's remembered
 * failure, an album's parent. Where a request checks a hundred at once, it
 * primes them first: without a persistent object cache, one query loads
 * every row and notes the absent ones (WordPress's option caches), so
 * get_transient() of each asks nothing more; with one, a multi-get finds the
 * present ones (which the object cache keeps for the request), and the
 * absent ones need not be asked at all.
 */
final class TransientPrimer {

	/**
	 * @param list<string> $names Transient names.
	 *
	 * @return array<string, true> The names that may hold a value; get_transient() of any other is false.
	 */
	public static function prime( array $names ): array {
		if ( array() === $names ) {
			return array();
		}
		if ( wp_using_ext_object_cache() ) {
			// get_transient() reads the object cache's 'transient' group.
			$found = wp_cache_get_multiple( $names, 'transient' );
			return array_fill_keys( array_keys( array_filter( $found, static fn ( mixed $value ): bool => false !== $value ) ), true );
		}
		$options = array();
		foreach ( $names as $name ) {
			$options[] = '_transient_' . $name;
			$options[] = '_transient_timeout_' . $name;
		}
		wp_prime_option_caches( $options );
		return array_fill_keys( $names, true );
	}
}
