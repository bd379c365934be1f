<?php
/**
 * Which folder's album cards a cover was last shown on.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery\Albums;

use CustomerCloudGallery\Cache\ProviderTransients;
use CustomerCloudGallery\Cache\TransientPrimer;
use CustomerCloudGallery\Gallery\ProviderPurge;
use CustomerCloudGallery\Storage\Keys;

/**
 * A cover's image URL names only its own album's listing (so removal and
 * the holding check work as for every photo), not the folder whose cards
 * showed it. A cold cover's miss reads here which folder that was, to fetch
 * its siblings' covers in the same provider call (CoverRun). Only a hint:
 * CoverRun checks that the folder still lists the album, and without the
 * hint the cover is fetched alone. Named like the listings (per provider and
 * cache generation), and purged with them (Disconnect, a grant's grace over).
 */
final class CoverParents {

	public const PREFIX = Keys::COVER_PARENT_PREFIX;

	private const KEEP_SECONDS = 30 * DAY_IN_SECONDS;

	public function __construct( private ProviderTransients $transients ) {}

	public function register(): void {
		add_action( ProviderPurge::PURGED_HOOK, array( $this, 'purge' ) );
	}

	/**
	 * After the provider's listings were purged: these go too, rows and all.
	 */
	public function purge( string $provider ): void {
		$this->transients->purge( $provider, array( self::PREFIX ) );
	}

	public function remember( string $provider, string $album_key, string $parent_key ): void {
		if ( $this->parent_of( $provider, $album_key ) !== $parent_key ) {
			set_transient( $this->transients->name_to_write( self::PREFIX, $provider, $album_key ), $parent_key, self::KEEP_SECONDS );
		}
	}

	/**
	 * parent_of() of several albums, read in one round trip.
	 *
	 * @param list<string> $album_keys
	 *
	 * @return array<string, string> The folder each album was last shown on, for those remembered.
	 */
	public function parents_of( string $provider, array $album_keys ): array {
		$names = array();
		foreach ( $album_keys as $key ) {
			$names[ $key ] = $this->transients->name( self::PREFIX, $provider, $key );
		}
		$maybe   = TransientPrimer::prime( array_values( $names ) );
		$parents = array();
		foreach ( $names as $key => $name ) {
			$parent = isset( $maybe[ $name ] ) ? get_transient( $name ) : false;
			if ( is_string( $parent ) ) {
				$parents[ (string) $key ] = $parent;
			}
		}
		return $parents;
	}

	public function parent_of( string $provider, string $album_key ): ?string {
		$parent = get_transient( $this->transients->name( self::PREFIX, $provider, $album_key ) );
		return is_string( $parent ) ? $parent : null;
	}
}
