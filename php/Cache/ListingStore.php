<?php
/**
 * Keeps folder listings in transients.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Cache;

use CustomerCloudGallery\Gallery\Listing;
use CustomerCloudGallery\Storage\Keys;

/**
 * Transients, so a persistent object cache (Redis, Memcached) serves them to
 * every web server where one is installed, and the options table does
 * elsewhere. They are kept long after they stop being fresh: a stale listing
 * is what a page shows while the provider is down. An expiry keeps the rows out of
 * autoload.
 *
 * Each listing has a second slot, "next": a refresh of a complete listing
 * that needs more than one request's pages is built there while the complete
 * one keeps being served, and replaces it once it is complete itself.
 */
final class ListingStore {

	private const KEEP_SECONDS = 30 * DAY_IN_SECONDS;

	public function __construct( private ProviderTransients $transients ) {}

	/**
	 * @param bool $fresh Skip this request's copy (another process may have just written it).
	 */
	public function get( string $provider, string $ref, bool $fresh = false ): ?Listing {
		return $this->read( $this->key( $provider, $ref ), $fresh );
	}

	public function put( string $provider, string $ref, Listing $listing ): void {
		set_transient( $this->key( $provider, $ref, true ), $listing->to_array(), self::KEEP_SECONDS );
	}

	public function delete( string $provider, string $ref ): void {
		delete_transient( $this->key( $provider, $ref ) );
		$this->delete_next( $provider, $ref );
	}

	/**
	 * The refresh being built for a complete listing, if any.
	 */
	public function get_next( string $provider, string $ref, bool $fresh = false ): ?Listing {
		return $this->read( $this->key( $provider, $ref . '|next' ), $fresh );
	}

	public function put_next( string $provider, string $ref, Listing $listing ): void {
		set_transient( $this->key( $provider, $ref . '|next', true ), $listing->to_array(), self::KEEP_SECONDS );
	}

	public function delete_next( string $provider, string $ref ): void {
		delete_transient( $this->key( $provider, $ref . '|next' ) );
	}

	/**
	 * Remembers for a while that the provider said a folder is gone, so page
	 * views of its gallery do not ask again on every view.
	 */
	public function mark_gone( string $provider, string $ref, int $seconds ): void {
		set_transient( $this->key( $provider, $ref . '|gone', true ), 1, $seconds );
	}

	public function gone( string $provider, string $ref ): bool {
		return false !== get_transient( $this->key( $provider, $ref . '|gone' ) );
	}

	/**
	 * Forgets every listing of the provider (Disconnect, a revoked grant's
	 * grace period over).
	 *
	 * @return int|null How many were deleted; null when a persistent object cache held them.
	 */
	public function purge( string $provider ): ?int {
		return $this->transients->purge( $provider, array( Keys::LISTING_PREFIX ) );
	}

	private function read( string $key, bool $fresh ): ?Listing {
		if ( $fresh && ! wp_using_ext_object_cache() ) {
			wp_cache_delete( '_transient_' . $key, 'options' );
			wp_cache_delete( '_transient_timeout_' . $key, 'options' );
			wp_cache_delete( 'notoptions', 'options' );
		}
		$data = get_transient( $key );
		return is_array( $data ) ? Listing::from_array( $data ) : null;
	}

	private function key( string $provider, string $ref, bool $to_write = false ): string {
		return $to_write ? $this->transients->name_to_write( Keys::LISTING_PREFIX, $provider, $ref ) : $this->transients->name( Keys::LISTING_PREFIX, $provider, $ref );
	}
}
