<?php
/**
 * Purges the cached pages that show a gallery when its photos change.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

/**
 * A listing whose photos changed (added, deleted, replaced, renamed), a
 * folder that is gone, or a provider purged: the posts showing them are
 * cleaned from WordPress's own caches and from the page cache plugins that
 * are active, then the `customer_cloud_gallery_changed` action tells
 * anything else (a CDN, Varnish) which posts and URLs to purge. Each
 * plugin's call is the one its own code defines: WP Rocket
 * `rocket_clean_post()` (docs.wp-rocket.me/article/93-rocketcleanpost),
 * LiteSpeed Cache's `litespeed_purge_post` action (its API page,
 * docs.litespeedtech.com/lscache/lscwp/api), W3 Total Cache
 * `w3tc_flush_post()` (w3-total-cache-api.php) and WP Super Cache
 * `wp_cache_post_change()` (wp-cache-phase2.php).
 */
final class PageCachePurge {

	/** Fired by FolderListings when a listing's photos change: ( provider, listing key ). */
	public const LISTING_CHANGED_HOOK = 'ccg_listing_changed';

	public function __construct( private GalleryPosts $posts ) {}

	public function register(): void {
		add_action( self::LISTING_CHANGED_HOOK, array( $this, 'listing_changed' ), 10, 2 );
		add_action( ProviderPurge::PURGED_HOOK, array( $this, 'provider_purged' ) );
	}

	public function listing_changed( string $provider, string $key ): void {
		$this->purge( $this->posts->showing( $provider, $key ) );
	}

	public function provider_purged( string $provider ): void {
		$this->purge( $this->posts->showing_provider( $provider ) );
	}

	/**
	 * @param list<int> $post_ids
	 */
	public function purge( array $post_ids ): void {
		if ( array() === $post_ids ) {
			return;
		}
		$urls = array();
		foreach ( $post_ids as $post_id ) {
			clean_post_cache( $post_id );
			if ( function_exists( 'rocket_clean_post' ) ) {
				rocket_clean_post( $post_id );
			}
			if ( has_action( 'litespeed_purge_post' ) ) {
				do_action( 'litespeed_purge_post', $post_id );
			}
			if ( function_exists( 'w3tc_flush_post' ) ) {
				w3tc_flush_post( $post_id );
			}
			if ( function_exists( 'wp_cache_post_change' ) ) {
				wp_cache_post_change( $post_id );
			}
			$url = get_permalink( $post_id );
			if ( is_string( $url ) ) {
				$urls[] = $url;
			}
		}
		/**
		 * Posts whose pages show a gallery whose photos just changed: purge
		 * them from any cache in front of the site (a CDN, Varnish).
		 *
		 * @param list<int>    $post_ids The posts.
		 * @param list<string> $urls     Their permalinks.
		 */
		do_action( 'customer_cloud_gallery_changed', $post_ids, $urls );
	}
}
