<?php
/**
 * Which posts show which galleries.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

use CustomerCloudGallery\Blocks\GalleryBlocks;
use CustomerCloudGallery\Storage\Keys;
use WP_Post;

/**
 * One post meta row per gallery a post shows ("<provider>|<listing key>"),
 * rewritten whenever the post is saved, so a changed listing finds the
 * posts whose cached pages show it (PageCachePurge). Post meta, because it
 * moves with the post: deleted with it, exported with it, and per site on
 * a network.
 */
final class GalleryPosts {

	public const META = Keys::GALLERY_POSTS_META;

	public function __construct( private FolderListings $listings, private Sources $sources ) {}

	public function register(): void {
		add_action( 'save_post', array( $this, 'index' ), 10, 2 );
	}

	public function index( int $post_id, WP_Post $post ): void {
		if ( wp_is_post_revision( $post_id ) || wp_is_post_autosave( $post_id ) ) {
			return;
		}
		$shown = array();
		foreach ( GalleryBlocks::in( parse_blocks( $post->post_content ) ) as $gallery ) {
			if ( null === $this->sources->get( $gallery->provider ) ) {
				continue;
			}
			try {
				$shown[ self::value( $gallery->provider, $this->listings->key( $gallery->provider, $gallery->folder_id ) ) ] = true;
			} catch ( GalleryException ) {
				continue;
			}
		}
		$stored = array_map( 'strval', get_post_meta( $post_id, self::META ) );
		foreach ( array_diff( $stored, array_keys( $shown ) ) as $gone ) {
			delete_post_meta( $post_id, self::META, $gone );
		}
		foreach ( array_diff( array_keys( $shown ), $stored ) as $new ) {
			add_post_meta( $post_id, self::META, $new );
		}
	}

	/**
	 * Published posts showing the gallery of that listing.
	 *
	 * @return list<int>
	 */
	public function showing( string $provider, string $key ): array {
		return $this->query(
			array(
				'key'   => self::META,
				'value' => self::value( $provider, $key ),
			)
		);
	}

	/**
	 * Published posts showing any gallery of the provider.
	 *
	 * @return list<int>
	 */
	public function showing_provider( string $provider ): array {
		return $this->query(
			array(
				'key'     => self::META,
				'value'   => $provider . '|',
				'compare' => 'LIKE',
			)
		);
	}

	/**
	 * The listing keys of the provider's galleries that published posts
	 * show, each once.
	 *
	 * @return list<string>
	 */
	public function gallery_keys( string $provider ): array {
		$prefix = $provider . '|';
		$keys   = array();
		foreach ( $this->showing_provider( $provider ) as $post_id ) {
			foreach ( get_post_meta( $post_id, self::META ) as $value ) {
				if ( is_string( $value ) && str_starts_with( $value, $prefix ) ) {
					$keys[ substr( $value, strlen( $prefix ) ) ] = true;
				}
			}
		}
		return array_map( 'strval', array_keys( $keys ) );
	}

	/**
	 * @param array<string, string> $clause
	 *
	 * @return list<int>
	 */
	private function query( array $clause ): array {
		$ids = get_posts(
			array(
				'post_type'        => 'any',
				'post_status'      => 'publish',
				'fields'           => 'ids',
				'posts_per_page'   => 500,
				'no_found_rows'    => true,
				'suppress_filters' => true,
				'meta_query'       => array( $clause ), // phpcs:ignore WordPress.DB.SlowDBQuery -- runs when a listing changes, never on a page view.
			)
		);
		return array_values( array_map( 'intval', $ids ) );
	}

	private static function value( string $provider, string $key ): string {
		return $provider . '|' . $key;
	}
}
