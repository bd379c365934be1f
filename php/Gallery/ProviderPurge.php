<?php
/**
 * Removes everything cached from one provider.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

use CustomerCloudGallery\Cache\ListingStore;
use CustomerCloudGallery\Cache\MediaInfoStore;
use CustomerCloudGallery\Cache\ThumbnailDiskCache;

/**
 * Its folder listings, media info and thumbnail files, at once: when the
 * admin disconnects it (or saves another app, which ends the grant), and
 * when a grant the provider refused is past its grace period. Image URLs of
 * the provider stop working with the next request: their files are gone,
 * and a miss finds no listing that holds the photo.
 */
final class ProviderPurge {

	/** Fired by OAuthApp\Disconnection once the provider's grant is deleted here. */
	public const DISCONNECTED_HOOK = 'ccg_disconnected';

	/** Fired once a provider's cache is purged: ( provider ). */
	public const PURGED_HOOK = 'ccg_provider_purged';

	/** WP-Cron, scheduled by a page view that finds the grace period over. */
	public const GRACE_OVER_HOOK = 'ccg_grace_over';

	public function __construct(
		private ListingStore $listings,
		private MediaInfoStore $media,
		private ThumbnailDiskCache $disk,
		private GrantGrace $grace
	) {}

	public function register(): void {
		add_action( self::DISCONNECTED_HOOK, array( $this, 'purge' ) );
		add_action( self::GRACE_OVER_HOOK, array( $this, 'purge_if_grace_over' ) );
	}

	/**
	 * @return array{listings: int|null, thumbnails: int} What was deleted
	 *                                                    (listings: null when a persistent object cache held them).
	 */
	public function purge( string $provider ): array {
		$listings = $this->listings->purge( $provider );
		$this->media->purge( $provider );
		$removed = array(
			'listings'   => $listings,
			'thumbnails' => $this->disk->delete_provider( $provider ),
		);
		/**
		 * Everything cached from the provider is gone (PageCachePurge purges the pages showing it).
		 *
		 * @param string $provider The provider's id.
		 */
		do_action( self::PURGED_HOOK, $provider );
		return $removed;
	}

	/**
	 * The admin may have reconnected since the event was scheduled.
	 */
	public function purge_if_grace_over( string $provider ): void {
		if ( $this->grace->over( $provider ) ) {
			$this->purge( $provider );
		}
	}

	public static function schedule_grace_over( string $provider ): void {
		if ( false === wp_next_scheduled( self::GRACE_OVER_HOOK, array( $provider ) ) ) {
			wp_schedule_single_event( time(), self::GRACE_OVER_HOOK, array( $provider ) );
		}
	}
}
