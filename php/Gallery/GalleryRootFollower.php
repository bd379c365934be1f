<?php
/**
 * WP-Cron: the gallery folders follow renames and moves at the provider.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

/**
 * Scheduled by a request that noticed a root's new path but may not store
 * it (GalleryRoot::follow): one metadata call per provider with a root.
 */
final class GalleryRootFollower {

	public function __construct( private GalleryRoot $roots, private Sources $sources ) {}

	public function register(): void {
		add_action( GalleryRoot::FOLLOW_HOOK, array( $this, 'follow' ) );
	}

	public function follow(): void {
		foreach ( $this->sources->ids() as $provider ) {
			$root = $this->roots->stored( $provider, true );
			if ( null === $root || $root->is_root() ) {
				continue;
			}
			try {
				$fresh = $this->sources->require( $provider )->folder( $root->ref() );
			} catch ( GalleryException $exception ) {
				// Gone or unreachable: the routes and the render say so; the
				// stored choice stays for the administrator to change.
				continue;
			}
			if ( $fresh->path_lower !== $root->path_lower ) {
				$this->roots->replace( $provider, $root, $fresh );
			}
		}
	}
}
