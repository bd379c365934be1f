<?php
/**
 * Subfolders as album cards: keys that stay inside the block's folder, depth, counts, covers.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Gallery\Albums\AlbumKeys;
use CustomerCloudGallery\Gallery\FolderListings;
use CustomerCloudGallery\Gallery\GalleryWarmer;
use CustomerCloudGallery\Gallery\PhotoOrder;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Images\ImageUrls;
use CustomerCloudGallery\Images\MissBatch;
use CustomerCloudGallery\Images\ThumbnailSize;
use CustomerCloudGallery\Storage\EncryptionKey;
use CustomerCloudGallery\Tests\GalleryTestCase;
use WpOrg\Requests\Requests;
use WpOrg\Requests\Response;

/**
 * A folder of its own in the sandbox's library for each test: three albums
 * ("Alpha" with 3 photos and an album "Deep" of its own, "Beta" with 2,
 * "Gamma" with 1), and a folder beside it that no block of the test shows.
 */
final class AlbumsTest extends GalleryTestCase {

	/** The size "the browser chose" for the covers. */
	private const SIZE = 'w480h320';

	private string $root = '';

	private ?string $request_uri = null;

	/** @var array<string, string> Folder ids by name ("top", "Alpha", "Deep", "outside", …). */
	private array $ids = array();

	protected function setUp(): void {
		parent::setUp();
		$this->request_uri      = $_SERVER['REQUEST_URI'] ?? null;
		$_SERVER['REQUEST_URI'] = '/?p=1';
		$this->root             = '/Albums ' . wp_generate_password( 6, false, false );
		$photos                 = glob( $this->sandbox->library_dir() . $this->paths['ceremony'] . '/*.jpg' ) ?: array();
		$this->assertGreaterThanOrEqual( 3, count( $photos ) );
		$plan = array(
			''           => 1,
			'/Alpha'     => 3,
			'/Alpha/Deep' => 1,
			'/Beta'      => 2,
			'/Gamma'     => 1,
			' outside'   => 1,
		);
		foreach ( $plan as $suffix => $count ) {
			$dir = $this->sandbox->library_dir() . $this->root . $suffix;
			$this->assertTrue( is_dir( $dir ) || mkdir( $dir, 0777, true ) );
			foreach ( array_slice( $photos, 0, $count ) as $photo ) {
				copy( $photo, $dir . '/' . basename( $photo ) );
			}
		}
		foreach ( array( 'top' => '', 'Alpha' => '/Alpha', 'Deep' => '/Alpha/Deep', 'Beta' => '/Beta', 'Gamma' => '/Gamma', 'outside' => ' outside' ) as $name => $suffix ) {
			$this->ids[ $name ] = $this->id_of( $this->root . $suffix );
		}
	}

	protected function tearDown(): void {
		unset( $_GET['ccg-album-1'], $_GET['ccg-page-1'] );
		if ( null === $this->request_uri ) {
			unset( $_SERVER['REQUEST_URI'] );
		} else {
			$_SERVER['REQUEST_URI'] = $this->request_uri;
		}
		wp_unschedule_hook( GalleryWarmer::HOOK );
		wp_unschedule_hook( 'ccg_warm_albums' );
		foreach ( array( $this->root . ' outside', $this->root ) as $dir ) {
			self::remove_tree( $this->sandbox->library_dir() . $dir );
		}
		parent::tearDown();
	}

	public function test_the_folders_subfolders_are_cards_with_cover_title_and_count_linking_to_album_pages(): void {
		$html = $this->render();

		$this->assertSame( array( 'Alpha', 'Beta', 'Gamma' ), $this->titles( $html ) );
		$this->assertSame( array( '3 photos', '2 photos', '1 photo' ), $this->counts( $html ) );
		$this->assertSame( 3, substr_count( $html, 'class="ccg-album__cover"' ), 'Every card has its cover.' );
		$this->assertSame( 1, substr_count( $html, 'class="ccg-gallery__item"' ), 'The folder\'s own photo after its albums.' );
		foreach ( $this->ids as $id ) {
			$this->assertStringNotContainsString( $id, $html, 'No folder id in the page.' );
		}
		$this->assertStringNotContainsString( rawurlencode( $this->root ), $html );
		$this->assertStringNotContainsString( 'Albums%20', $html );

		$links = $this->card_links( $html );
		$this->assertCount( 3, $links );
		foreach ( $links as $link ) {
			$this->assertMatchesRegularExpression( '/[?&]ccg-album-1=[0-9a-f]{12}$/', html_entity_decode( $link ), 'An opaque key; no nonce, nothing that expires.' );
		}
		$this->assertSame( $links, $this->card_links( $this->render() ), 'Stable: the same page links the same albums.' );

		$album = $this->follow( $links[0] );
		$this->assertSame( 3, substr_count( $album, 'class="ccg-gallery__item"' ), 'Alpha\'s photos.' );
		$this->assertSame( array(), $this->titles( $album ), 'Depth 1: Alpha\'s own subfolder is no album.' );
		$this->assertStringContainsString( '<nav class="ccg-breadcrumb" aria-label="Breadcrumb">', $album );
		$this->assertMatchesRegularExpression( '#<a href="/\?p=1">Albums [^<]+</a>#', $album, 'Back to the block\'s folder.' );
		$this->assertStringContainsString( '<span aria-current="page">Alpha</span>', $album );
	}

	public function test_depth_limits_how_far_album_keys_lead(): void {
		$alpha = $this->key( array( $this->ids['top'], $this->ids['Alpha'] ) );
		$deep  = $this->key( array( $this->ids['top'], $this->ids['Alpha'], $this->ids['Deep'] ) );

		$this->assertStringContainsString( 'This gallery is not available right now.', $this->render( array(), $deep ), 'Depth 1 never opens a second level.' );

		$page = $this->render( array( 'albumDepth' => 2 ), $alpha );
		$this->assertSame( array( 'Deep' ), $this->titles( $page ), 'Depth 2: Alpha\'s page shows its album.' );
		$this->assertSame( array( '1 photo' ), $this->counts( $page ) );
		$this->assertSame( '/?p=1&ccg-album-1=' . $deep, html_entity_decode( $this->card_links( $page )[0] ) );

		$deep_page = $this->render( array( 'albumDepth' => 2 ), $deep );
		$this->assertSame( 1, substr_count( $deep_page, 'class="ccg-gallery__item"' ) );
		$this->assertStringContainsString( '<span aria-current="page">Deep</span>', $deep_page );
		$this->assertStringContainsString( '>Alpha</a>', $deep_page, 'The breadcrumb goes through Alpha.' );
		$this->assertSame( array(), $this->titles( $deep_page ), 'No level below the depth.' );
	}

	public function test_paging_inside_an_album_keeps_the_album_and_opening_an_album_starts_at_its_first_page(): void {
		$alpha = $this->key( array( $this->ids['top'], $this->ids['Alpha'] ) );
		$first = $this->render( array( 'perPage' => 2 ), $alpha );
		$this->assertSame( 1, preg_match( '#class="ccg-gallery__load-more" href="([^"]+)"#', $first, $more ) );
		parse_str( (string) wp_parse_url( html_entity_decode( $more[1] ), PHP_URL_QUERY ), $query );
		$this->assertSame( $alpha, $query['ccg-album-1'] ?? null, 'Load more stays in the album.' );
		$this->assertSame( '2', $query['ccg-page-1'] ?? null );

		$second = $this->render( array( 'perPage' => 2 ), $alpha, 2 );
		$this->assertSame( 1, substr_count( $second, 'class="ccg-gallery__item"' ), 'Alpha\'s third photo.' );
		$this->assertStringContainsString( '<span aria-current="page">Alpha</span>', $second );

		$top = $this->render( array( 'perPage' => 2 ), null, 2 );
		foreach ( $this->card_links( $top ) as $link ) {
			$this->assertStringNotContainsString( 'ccg-page-1', html_entity_decode( $link ), 'An album opens at its first page.' );
		}
	}

	public function test_a_hand_edited_key_is_refused_with_the_neutral_message_and_a_way_back(): void {
		$outside = $this->key( array( $this->ids['top'], $this->ids['outside'] ) );
		$other   = $this->key( array( $this->ids['Beta'], $this->ids['Deep'] ) );
		$this->render( array( 'albumDepth' => 3 ) );
		foreach ( array( $outside, $other, 'aaaaaaaaaaaa', 'not-a-key', '../..', str_repeat( 'a', 12 ) . '-' . str_repeat( 'b', 12 ) ) as $key ) {
			$this->sandbox->reset_request_counts();
			$html = $this->render( array( 'albumDepth' => 3 ), $key );
			$this->assertStringContainsString( 'This gallery is not available right now.', $html, $key );
			$this->assertStringContainsString( '<a href="/?p=1">Back to the gallery</a>', $html );
			$this->assertStringNotContainsString( 'ccg-gallery__item', $html, 'No photo of anything outside.' );
			$this->assertSame( 0, $this->sandbox->request_counts()['files/list_folder'] ?? 0, 'Nothing outside the block\'s folder is listed.' );
		}
		$this->assertNull( $this->services()->listing_store()->get( 'dropbox', $this->ids['outside'], true ), 'Never even cached.' );
	}

	public function test_a_subfolder_deleted_in_dropbox_disappears_with_its_album_and_its_cover_url(): void {
		$html  = $this->render();
		$gamma = $this->card_links( $html )[2];
		$cover = $this->cover_refs( 'Gamma' )[0];
		$this->assertSame( 200, $this->respond( $cover )->status );

		self::remove_tree( $this->sandbox->library_dir() . $this->root . '/Gamma' );
		$listings = $this->services()->folder_listings();
		$listings->refresh_in_background( 'dropbox', $this->ids['top'] );
		$listings->refresh_in_background( 'dropbox', $this->ids['Gamma'] );

		$html = $this->render();
		$this->assertSame( array( 'Alpha', 'Beta' ), $this->titles( $html ) );
		$this->assertStringContainsString( 'This gallery is not available right now.', $this->follow( $gamma ) );
		$this->assertFileDoesNotExist( $this->services()->thumbnail_cache()->path( $cover ), 'Its cover is deleted with its folder.' );
		$this->assertSame( 404, $this->respond( $cover )->status );
	}

	public function test_a_cold_page_lists_albums_within_the_budget_and_shows_no_count_until_listed(): void {
		$this->add_filter( 'ccg_listing_budget_seconds', static fn (): float => 0.0 );
		$html = $this->render();
		$this->assertSame( array( 'Alpha', 'Beta', 'Gamma' ), $this->titles( $html ), 'Every card, listed or not.' );
		$this->assertSame( array(), $this->counts( $html ), 'No count before the album is listed: never a wrong one.' );
		$this->assertSame( 0, substr_count( $html, 'class="ccg-album__cover"' ) );
		foreach ( array( 'Alpha', 'Beta', 'Gamma' ) as $name ) {
			$this->assertNotFalse( wp_next_scheduled( FolderListings::REFRESH_HOOK, array( 'dropbox', $this->ids[ $name ] ) ), "{$name} is listed in the background." );
			$this->run_listing_in_background( $this->ids[ $name ] );
		}
		$this->sandbox->reset_request_counts();
		$html = $this->render();
		$this->assertSame( array( '3 photos', '2 photos', '1 photo' ), $this->counts( $html ) );
		$this->assertSame( 0, $this->sandbox->request_counts()['files/list_folder'] ?? 0, 'Warm: from the cache.' );
	}

	public function test_a_cold_page_of_three_cards_fetches_their_covers_in_one_batch_call(): void {
		$urls = $this->cover_urls( $this->render(), self::SIZE );
		$this->assertCount( 3, $urls );
		$this->sandbox->reset_request_counts();
		foreach ( $urls as $url ) {
			$response = Requests::get( $url, array(), array( 'timeout' => 60 ) );
			$this->assertInstanceOf( Response::class, $response );
			$this->assertSame( 200, $response->status_code );
			$this->assertSame( 'image/jpeg', $response->headers['content-type'], 'The photo, not a placeholder.' );
		}
		$counts = $this->sandbox->request_counts();
		$this->assertSame( 1, $counts['files/get_thumbnail_batch'] ?? 0, wp_json_encode( $counts ) );
		$this->assertSame( 0, $counts['files/get_thumbnail_v2'] ?? 0 );
		foreach ( array( 'Alpha', 'Beta', 'Gamma' ) as $name ) {
			$this->assertTrue( $this->services()->thumbnail_cache()->has( $this->cover_refs( $name, self::SIZE )[0] ), $name );
		}
	}

	public function test_warming_on_save_lists_the_albums_and_fetches_every_size_of_their_covers(): void {
		$post = (int) wp_insert_post(
			array(
				'post_title'   => 'Albums',
				'post_status'  => 'publish',
				'post_author'  => $this->user( 'admin' )->ID,
				'post_content' => $this->block( array( 'albumDepth' => 2 ) ),
			)
		);
		$this->assertNotFalse( wp_next_scheduled( GalleryWarmer::HOOK, array( $post ) ) );
		do_action( GalleryWarmer::HOOK, $post );
		wp_delete_post( $post, true );

		foreach ( array( 'Alpha', 'Beta', 'Gamma', 'Deep' ) as $name ) {
			$this->assertNotNull( $this->services()->listing_store()->get( 'dropbox', $this->ids[ $name ], true ), "{$name} is listed." );
			foreach ( $this->cover_refs( $name ) as $cover ) {
				$this->assertTrue( $this->services()->thumbnail_cache()->has( $cover ), "{$name}'s cover at {$cover->size}." );
			}
		}
		$this->sandbox->reset_request_counts();
		$html = $this->render( array( 'albumDepth' => 2 ) );
		$this->assertSame( array( '3 photos', '2 photos', '1 photo' ), $this->counts( $html ) );
		$this->assertSame( 0, $this->sandbox->total_requests(), 'The first visitor costs Dropbox nothing.' );
	}

	public function test_the_pages_of_a_gallery_are_purged_when_one_of_its_albums_changes(): void {
		$post = (int) wp_insert_post(
			array(
				'post_title'   => 'Albums',
				'post_status'  => 'publish',
				'post_author'  => $this->user( 'admin' )->ID,
				'post_content' => $this->block(),
			)
		);
		$this->render();
		$changed = array();
		$this->add_filter(
			'customer_cloud_gallery_changed',
			static function ( array $post_ids ) use ( &$changed ): void {
				$changed[] = $post_ids;
			}
		);
		$listings = $this->services()->folder_listings();

		$refresh = static function ( string $key ) use ( $listings ): void {
			$listings->refresh_in_background( 'dropbox', $key );
		};
		$refresh( $this->ids['Beta'] );
		$this->assertSame( array(), $changed, 'Nothing changed, nothing purged.' );

		$beta = $this->sandbox->library_dir() . $this->root . '/Beta';
		unlink( ( glob( $beta . '/*.jpg' ) ?: array() )[0] );
		$refresh( $this->ids['Beta'] );
		$this->assertSame( array( array( $post ) ), $changed, 'A photo deleted in an album: the page with its card is purged.' );

		$changed = array();
		self::remove_tree( $this->sandbox->library_dir() . $this->root . '/Gamma' );
		$refresh( $this->ids['top'] );
		$this->assertSame( array( array( $post ) ), $changed, 'An album deleted: its card goes from the page.' );
		wp_delete_post( $post, true );
	}

	public function test_disconnect_deletes_what_the_cards_remembered(): void {
		$this->render();
		global $wpdb;
		$rows = static fn (): int => (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( '_transient_ccg_cover_dropbox_' ) . '%' ) );
		$this->assertSame( 3, $rows(), 'One per card.' );

		$this->act_as( 'admin' );
		$this->assertSame( 200, $this->rest( 'POST', '/connections/dropbox/disconnect' )->get_status() );
		wp_set_current_user( 0 );
		$this->assertSame( 0, $rows() );
	}

	/**
	 * @param array<string, mixed> $attributes Over the test's block.
	 */
	private function render( array $attributes = array(), ?string $album = null, ?int $page = null ): string {
		$this->request( array_filter( array( 'ccg-album-1' => $album, 'ccg-page-1' => null === $page ? null : (string) $page ), 'is_string' ) );
		return $this->render_content( $this->block( $attributes ) );
	}

	/**
	 * The query of the page being rendered, in $_GET and in its REQUEST_URI
	 * as a web server sets them (links are made from the latter).
	 *
	 * @param array<string, string> $query
	 */
	private function request( array $query ): void {
		unset( $_GET['ccg-album-1'], $_GET['ccg-page-1'] );
		$_GET                  += $query;
		$_SERVER['REQUEST_URI'] = add_query_arg( array_map( 'rawurlencode', $query ), '/?p=1' );
	}

	/**
	 * @param array<string, mixed> $attributes
	 */
	private function block( array $attributes = array() ): string {
		return '<!-- wp:customer-cloud-gallery/gallery ' . wp_json_encode(
			$attributes + array(
				'provider'   => 'dropbox',
				'folderId'   => $this->ids['top'],
				'folderPath' => $this->root,
				'albums'     => true,
				'sortBy'     => 'name',
			)
		) . ' /-->';
	}

	/**
	 * Renders the page a link leads to.
	 */
	private function follow( string $link ): string {
		parse_str( (string) wp_parse_url( html_entity_decode( $link ), PHP_URL_QUERY ), $query );
		return $this->render( array(), (string) ( $query['ccg-album-1'] ?? '' ) );
	}

	/**
	 * The key a card would link to, made from folder ids, level by level.
	 *
	 * @param list<string> $ids From the block's folder down.
	 */
	private function key( array $ids ): string {
		$keys     = new AlbumKeys( new EncryptionKey() );
		$segments = array();
		for ( $i = 1; $i < count( $ids ); $i++ ) {
			$segments[] = $keys->segment( 'dropbox', $ids[ $i - 1 ], $ids[ $i ] );
		}
		return $keys->join( $segments );
	}

	/**
	 * @return list<string>
	 */
	private function titles( string $html ): array {
		preg_match_all( '#<span class="ccg-album__title">([^<]*)</span>#', $html, $match );
		return $match[1];
	}

	/**
	 * @return list<string>
	 */
	private function counts( string $html ): array {
		preg_match_all( '#<span class="ccg-album__count">([^<]*)</span>#', $html, $match );
		return $match[1];
	}

	/**
	 * @return list<string>
	 */
	private function card_links( string $html ): array {
		preg_match_all( '#<a class="ccg-album" href="([^"]+)"#', $html, $match );
		return $match[1];
	}

	/**
	 * The covers' srcset URLs of one size.
	 *
	 * @return list<string>
	 */
	private function cover_urls( string $html, string $size ): array {
		preg_match_all( '#class="ccg-album__cover" src="[^"]*" srcset="([^"]+)"#', $html, $sets );
		$urls = array();
		foreach ( $sets[1] as $srcset ) {
			foreach ( explode( ',', html_entity_decode( $srcset ) ) as $candidate ) {
				$parts = preg_split( '/\s+/', trim( $candidate ) );
				if ( is_array( $parts ) && ThumbnailSize::long_edge( $size ) . 'w' === ( $parts[1] ?? '' ) ) {
					$urls[] = $parts[0];
				}
			}
		}
		return $urls;
	}

	/**
	 * The album's cover (its first photo by name) at every srcset size, or one.
	 *
	 * @return list<ImageRef>
	 */
	private function cover_refs( string $name, ?string $size = null ): array {
		$key   = $this->ids[ $name ];
		$photo = $this->services()->folder_listings()->for_render( 'dropbox', $key )->page( 0, 1, new PhotoOrder( PhotoOrder::NAME, false ) )[0];
		$refs  = array();
		foreach ( null === $size ? ThumbnailSize::srcset() : array( $size ) as $at ) {
			$refs[] = new ImageRef( 'dropbox', $photo->id, $photo->revision, $at, $key, 'n', MissBatch::COVERS );
		}
		return $refs;
	}

	private function respond( ImageRef $image ): \CustomerCloudGallery\Images\ImageResponse {
		parse_str( (string) wp_parse_url( $this->services()->image_urls()->query_url( $image ), PHP_URL_QUERY ), $query );
		return $this->services()->thumbnail_endpoint()->respond( (string) $query[ ImageUrls::QUERY_VAR ] );
	}

	private static function remove_tree( string $dir ): void {
		if ( ! is_dir( $dir ) ) {
			return;
		}
		foreach ( scandir( $dir ) ?: array() as $entry ) {
			if ( '.' !== $entry && '..' !== $entry ) {
				$path = $dir . '/' . $entry;
				is_dir( $path ) ? self::remove_tree( $path ) : unlink( $path );
			}
		}
		rmdir( $dir );
	}
}
