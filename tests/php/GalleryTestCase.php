<?php
/**
 * Base class for gallery tests: a connected Dropbox and folder helpers.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests;

use WP_REST_Request;
use WP_REST_Response;

abstract class GalleryTestCase extends SandboxTestCase {

	/** @var array<string, string> */
	protected array $paths;

	private ?string $ceremony = null;

	/** @var array<string, \WP_Post> Posts render_content() put content in, by author. */
	private array $posts = array();

	protected function setUp(): void {
		parent::setUp();
		$this->register_app();
		$this->save_credentials();
		$this->connect();
		$this->paths = $this->sandbox->library()['paths'];
		$this->sandbox->reset_request_counts();
		wp_set_current_user( 0 );
	}

	protected function tearDown(): void {
		foreach ( array( \CustomerCloudGallery\Gallery\FolderListings::REFRESH_HOOK, 'ccg_warm_gallery', 'ccg_evict_thumbnails', \CustomerCloudGallery\Gallery\GalleryRoot::FOLLOW_HOOK ) as $hook ) {
			wp_unschedule_hook( $hook );
		}
		foreach ( $this->posts as $post ) {
			wp_delete_post( $post->ID, true );
		}
		$this->posts = array();
		parent::tearDown();
	}

	/**
	 * Content rendered as the page of a post: its author vouches for
	 * galleries of a provider with no gallery folder, which only someone
	 * who can manage connections may do.
	 *
	 * @param int|string $post A post id, or the login of the author of an (empty) post made for it.
	 */
	protected function render_content( string $content, int|string $post = 'admin' ): string {
		$previous = $GLOBALS['post'] ?? null;
		if ( is_int( $post ) ) {
			$GLOBALS['post'] = get_post( $post );
		} else {
			$this->posts[ $post ] ??= get_post(
				(int) wp_insert_post(
					array(
						'post_title'  => 'Gallery of ' . $post,
						'post_author' => $this->user( $post )->ID,
						'post_status' => 'publish',
					)
				)
			);
			$GLOBALS['post'] = $this->posts[ $post ];
		}
		try {
			return (string) apply_filters( 'the_content', $content );
		} finally {
			$GLOBALS['post'] = $previous;
		}
	}

	/**
	 * GET /folders as $login.
	 *
	 * @param array<string, string> $query
	 */
	protected function folders( ?string $login, array $query = array() ): WP_REST_Response {
		$this->act_as( $login );
		$request = new WP_REST_Request( 'GET', '/customer-cloud-gallery/v1/folders' );
		$request->set_query_params( $query );
		return rest_do_request( $request );
	}

	/**
	 * A folder's Dropbox id, looked up behind the plugin's back (not counted).
	 */
	protected function id_of( string $path ): string {
		$folder = $this->services()->sources()->require( 'dropbox' )->folder( $path );
		$this->sandbox->reset_request_counts();
		return $folder->id;
	}

	/**
	 * The listing key of the ceremony folder, which image URLs of its photos carry.
	 */
	protected function ceremony(): string {
		$this->ceremony ??= $this->id_of( $this->paths['ceremony'] );
		return $this->ceremony;
	}

	protected function dropbox_calls(): int {
		$counts = $this->sandbox->request_counts();
		return array_sum( array_filter( $counts, static fn ( string $route ): bool => str_starts_with( $route, 'files/' ), ARRAY_FILTER_USE_KEY ) );
	}

	/**
	 * Dropbox thumbnail calls, one at a time or batched.
	 */
	protected function thumbnail_calls(): int {
		$counts = $this->sandbox->request_counts();
		return ( $counts['files/get_thumbnail_v2'] ?? 0 ) + ( $counts['files/get_thumbnail_batch'] ?? 0 );
	}

	protected function set_root( string $path ): void {
		$this->act_as( 'admin' );
		$response = $this->rest( 'POST', '/settings', array( 'galleryRoot' => array( 'dropbox' => array( 'id' => $this->id_of( $path ), 'path' => $path ) ) ) );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->sandbox->reset_request_counts();
	}

	/**
	 * Runs a listing's background work as WP-Cron would, each run as soon as
	 * the previous one scheduled it, until the listing is complete.
	 *
	 * @param callable|null $after   Called after each run.
	 * @param int           $at_most Stop after this many runs (0: until complete).
	 *
	 * @return int How many runs it took.
	 */
	protected function run_listing_in_background( string $key, string $provider = 'dropbox', ?callable $after = null, int $at_most = 0 ): int {
		$args = array( $provider, $key );
		$runs = 0;
		while ( false !== wp_next_scheduled( \CustomerCloudGallery\Gallery\FolderListings::REFRESH_HOOK, $args ) ) {
			wp_clear_scheduled_hook( \CustomerCloudGallery\Gallery\FolderListings::REFRESH_HOOK, $args );
			do_action( \CustomerCloudGallery\Gallery\FolderListings::REFRESH_HOOK, ...$args );
			++$runs;
			$this->assertLessThan( 3000, $runs, 'Each run makes progress.' );
			if ( null !== $after ) {
				$after();
			}
			if ( $at_most > 0 && $runs >= $at_most ) {
				break;
			}
		}
		return $runs;
	}
}
