<?php
/**
 * The album listings shown below a provider's galleries.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery\Albums;

use CustomerCloudGallery\Cache\ListingStore;

/**
 * A post records only its galleries' own folders (GalleryPosts), but its
 * album pages show their subfolders' listings, each cached under its own
 * key. A change notice (Dropbox's webhook, Drive's changes) names an
 * account or a file's folder, so what a change can reach is the galleries'
 * folders and the albums shown below them. An album is a subfolder in its
 * parent's cached listing whose card was last shown on that parent
 * (CoverParents), down to the deepest album level: so a subfolder the
 * editor's folder tree merely opened is not refreshed for nothing, and an
 * album nobody opened yet is listed when somebody does.
 */
final class ShownAlbums {

	/** block.json's largest albumDepth. */
	private const MAX_DEPTH = 3;

	public function __construct( private ListingStore $store, private CoverParents $parents ) {}

	/**
	 * @param list<string> $keys Listing keys of the provider's galleries.
	 *
	 * @return list<string> Listing keys of the albums shown below them, none of $keys.
	 */
	public function below( string $provider, array $keys ): array {
		$seen   = array_fill_keys( $keys, true );
		$albums = array();
		$level  = $keys;
		for ( $depth = 0; $depth < self::MAX_DEPTH && array() !== $level; ++$depth ) {
			$children = array();
			foreach ( $level as $parent ) {
				$listing = $this->store->get( $provider, $parent, true );
				foreach ( null === $listing ? array() : $listing->folders as $row ) {
					$key = (string) $row[0];
					if ( '' !== $key && ! isset( $seen[ $key ] ) ) {
						$children[ $key ] = $parent;
					}
				}
			}
			$shown_on = $this->parents->parents_of( $provider, array_map( 'strval', array_keys( $children ) ) );
			$level    = array();
			foreach ( $children as $key => $parent ) {
				$key = (string) $key;
				if ( ( $shown_on[ $key ] ?? null ) === $parent ) {
					$seen[ $key ] = true;
					$albums[]     = $key;
					$level[]      = $key;
				}
			}
		}
		return $albums;
	}
}
