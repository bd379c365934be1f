<?php
/**
 * A Google Drive gallery through the whole pipeline, against the sandbox
 * Google: connect, browse, render beside a Dropbox gallery, images, warm
 * views and rate limits.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Tests\GalleryTestCase;
use CustomerCloudGallery\Tests\Support\Http;

final class DriveGalleryTest extends GalleryTestCase {

	/** @var array{clientId: string, clientSecret: string, name: string} */
	private array $client;

	protected function setUp(): void {
		parent::setUp();
		$this->client = $this->register_google_client( 'PHPUnit Drive' );
		$this->connect_google_as_admin( $this->client );
		$this->sandbox->reset_request_counts();
		wp_set_current_user( 0 );
	}

	protected function tearDown(): void {
		if ( isset( $this->client ) ) {
			$this->sandbox->delete_google_client( $this->client['clientId'] );
		}
		unset( $_GET['ccg-page-1'], $_GET['ccg-page-2'] );
		parent::tearDown();
	}

	public function test_the_tree_starts_at_my_drive_and_the_shared_drives(): void {
		$root = $this->folders( 'admin', array( 'provider' => 'google' ) );
		$this->assertSame( 200, $root->get_status(), (string) wp_json_encode( $root->get_data() ) );
		$names = array_column( $root->get_data()['folders'], 'name' );
		$this->assertContains( 'My Drive', $names );
		$this->assertContains( 'Studio Shared', $names );
		$this->assertSame( 'Google Drive', $root->get_data()['root']['name'] );

		$nature = $this->drive_folder( array( 'My Drive', 'Portfolio', 'Nature' ) );
		$this->assertSame( '/My Drive/Portfolio/Nature', $nature['folder']['path'] );
		$this->assertSame( 12, $nature['photoCount'] );
		$this->assertSame( array( 'Google Drive', 'My Drive', 'Portfolio', 'Nature' ), array_column( $nature['breadcrumb'], 'name' ) );

		$shared = $this->drive_folder( array( 'Studio Shared', 'Clients', 'Anderson Engagement 2026' ) );
		$this->assertSame( 10, $shared['photoCount'], 'The trashed outtake is not a photo of the gallery.' );

		$this->assertSame( 400, $this->folders( 'admin', array( 'provider' => 'google', 'folder' => 'id:not-a-drive-id' ) )->get_status() );
	}

	public function test_a_drive_gallery_root_bounds_the_tree_by_folder_ids(): void {
		$portfolio = $this->drive_folder( array( 'My Drive', 'Portfolio' ) )['folder'];
		$shared    = $this->drive_folder( array( 'Studio Shared', 'Clients' ) )['folder'];
		$this->act_as( 'admin' );
		$saved = $this->rest( 'POST', '/settings', array( 'galleryRoot' => array( 'google' => array( 'id' => $portfolio['id'] ) ) ) );
		$this->assertSame( 200, $saved->get_status(), (string) wp_json_encode( $saved->get_data() ) );
		$this->assertSame( '/My Drive/Portfolio', $saved->get_data()['galleryRoot']['google']['path'] );
		$this->assertNull( $saved->get_data()['galleryRoot']['dropbox'], 'Dropbox keeps its own root.' );

		$root = $this->folders( 'editor', array( 'provider' => 'google' ) );
		$this->assertSame( 'Portfolio', $root->get_data()['root']['name'] );
		$nature = null;
		foreach ( $root->get_data()['folders'] as $folder ) {
			$nature = 'Nature' === $folder['name'] ? $folder : $nature;
		}
		$this->assertNotNull( $nature );
		$inside = $this->folders(
			'editor',
			array(
				'provider' => 'google',
				'folder'   => $nature['id'],
			)
		);
		$this->assertSame( 200, $inside->get_status() );
		$this->assertSame( array( 'Portfolio', 'Nature' ), array_column( $inside->get_data()['breadcrumb'], 'name' ) );

		$outside = $this->folders(
			'editor',
			array(
				'provider' => 'google',
				'folder'   => $shared['id'],
			)
		);
		$this->assertSame( 403, $outside->get_status() );
		$this->assertSame( 'ccg_outside_root', $outside->get_data()['code'] );
		wp_set_current_user( 0 );
		$visitor = $this->render( $this->block( 'google', $shared['id'], $shared['path'] ) );
		$this->assertStringContainsString( 'This gallery is not available right now.', $visitor );
		$this->assertStringNotContainsString( 'ccg-gallery__item', $visitor, 'A visitor sees no photo of a folder outside the root.' );
	}

	public function test_a_drive_gallery_renders_beside_a_dropbox_gallery_and_a_warm_view_calls_nobody(): void {
		$drive   = $this->drive_folder( array( 'My Drive', 'Portfolio', 'Nature' ) )['folder'];
		$dropbox = $this->paths['ceremony'];
		$content = $this->block( 'google', $drive['id'], $drive['path'] ) . $this->block( 'dropbox', $this->id_of( $dropbox ), $dropbox );
		$this->sandbox->reset_request_counts();

		$first = $this->render( $content );
		$this->assertSame( 2, substr_count( $first, 'class="ccg-gallery ' ), $first );
		list( , $drive_html, $dropbox_html ) = explode( 'class="ccg-gallery ', $first );
		$this->assertSame( 12, substr_count( $drive_html, 'class="ccg-gallery__item"' ), 'The twelve photos of the Drive folder.' );
		$this->assertGreaterThan( 0, substr_count( $dropbox_html, 'class="ccg-gallery__item"' ), 'And the Dropbox folder\'s.' );
		// Browsing to the folder in the editor already cached its listing.
		$this->assertSame( 0, $this->google_calls() );
		foreach ( array( 'googleapis', 'googleusercontent', CCG_GOOGLE_API_BASE, 'thumbnailLink', 'ya29.' ) as $leak ) {
			$this->assertStringNotContainsString( $leak, $first );
		}

		$this->sandbox->reset_request_counts();
		$this->assertSame( $first, $this->render( $content ) );
		$this->assertSame( 0, $this->sandbox->total_requests(), 'A warm view calls neither Google nor Dropbox.' );

		// Stale, and Google rate limiting: the cached listing still renders at once.
		$this->add_filter( 'ccg_listing_max_age', static fn (): int => -1 );
		$this->sandbox->add_fault(
			array(
				'route'  => 'google/*',
				'kind'   => 'status',
				'status' => 403,
				'reason' => 'rateLimitExceeded',
			)
		);
		$this->assertSame( $first, $this->render( $content ) );
		$this->assertSame( 0, $this->sandbox->total_requests() );
		$this->services()->folder_listings()->refresh_in_background( 'google', $drive['id'] );
		$this->assertSame( $first, $this->render( $content ), 'A failed refresh keeps the stale copy.' );
		$this->assertGreaterThan( 0, $this->google_calls(), 'The refresh did try, and backed off.' );
	}

	public function test_with_nothing_cached_and_google_rate_limiting_visitors_see_a_neutral_message(): void {
		$drive = $this->drive_folder( array( 'My Drive', 'Portfolio', 'Nature' ) )['folder'];
		$this->flush_listings();
		$this->sandbox->add_fault(
			array(
				'route'  => 'google/*',
				'kind'   => 'status',
				'status' => 403,
				'reason' => 'userRateLimitExceeded',
			)
		);

		$html = $this->render( $this->block( 'google', $drive['id'], $drive['path'] ) );
		$this->assertStringContainsString( 'This gallery is not available right now.', $html );
		$this->assertStringNotContainsString( 'rateLimit', $html );
	}

	public function test_drive_thumbnails_are_fetched_once_then_served_from_disk(): void {
		$drive = $this->drive_folder( array( 'My Drive', 'Portfolio', 'Nature' ) )['folder'];
		$html  = $this->render( $this->block( 'google', $drive['id'], $drive['path'] ) );
		$this->assertSame( 1, preg_match( '/<img[^>]+src="([^"]+)"/', $html, $match ), $html );
		$url = html_entity_decode( $match[1], ENT_QUOTES | ENT_HTML5 );
		$this->sandbox->reset_request_counts();

		$first = Http::request( 'GET', $url );
		$this->assertSame( 200, $first['status'], $first['body'] );
		$this->assertSame( "\xFF\xD8", substr( $first['body'], 0, 2 ), 'A JPEG.' );
		// The miss fetched its run (MissBatch): the page's window of 25 in runs
		// of at most 16 (Drive's parallel batch), interleaved, so 2 runs, and
		// the first photo's run is every second photo shown.
		$run = (int) ceil( min( 25, substr_count( $html, 'class="ccg-gallery__item"' ) ) / 2 );
		$this->assertSame( $run, $this->sandbox->requests( 'google/thumbnail' ) );
		$size = getimagesizefromstring( $first['body'] );
		$this->assertIsArray( $size );
		$this->assertLessThanOrEqual( 640, max( $size[0], $size[1] ) );

		$this->sandbox->reset_request_counts();
		$second = Http::request( 'GET', $url );
		$this->assertSame( 200, $second['status'] );
		$this->assertSame( $first['body'], $second['body'] );
		$this->assertSame( 0, $this->sandbox->total_requests(), 'The disk copy answers.' );
	}

	/**
	 * Walks the tree by names, as the administrator would click (no gallery folder is set).
	 *
	 * @param list<string> $names From the virtual root down.
	 *
	 * @return array<string, mixed> The last folder's /folders answer.
	 */
	private function drive_folder( array $names ): array {
		$answer = $this->folders( 'admin', array( 'provider' => 'google' ) )->get_data();
		foreach ( $names as $name ) {
			$next = null;
			foreach ( $answer['folders'] as $folder ) {
				if ( $name === $folder['name'] ) {
					$next = $folder;
				}
			}
			$this->assertNotNull( $next, "No folder {$name} in " . (string) wp_json_encode( array_column( $answer['folders'], 'name' ) ) );
			$response = $this->folders(
				'admin',
				array(
					'provider' => 'google',
					'folder'   => $next['id'],
				)
			);
			$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
			$answer = $response->get_data();
		}
		wp_set_current_user( 0 );
		return $answer;
	}

	private function block( string $provider, string $folder_id, string $folder_path ): string {
		return serialize_block(
			array(
				'blockName'    => 'customer-cloud-gallery/gallery',
				'attrs'        => array(
					'provider'   => $provider,
					'folderId'   => $folder_id,
					'folderPath' => $folder_path,
					'perPage'    => 24,
				),
				'innerBlocks'  => array(),
				'innerHTML'    => '',
				'innerContent' => array(),
			)
		);
	}

	/**
	 * The content as a visitor gets it; core's once-per-request
	 * fetchpriority hint is left out so two renders compare equal.
	 */
	private function render( string $content ): string {
		return str_replace( ' fetchpriority="high"', '', $this->render_content( $content ) );
	}

	private function google_calls(): int {
		$counts = $this->sandbox->request_counts();
		return array_sum( array_filter( $counts, static fn ( string $route ): bool => str_starts_with( $route, 'google/' ), ARRAY_FILTER_USE_KEY ) );
	}

	private function flush_listings(): void {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- tests clear the plugin's listing cache.
		$wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_name LIKE '\\_transient\\_ccg\\_listing\\_%' OR option_name LIKE '\\_transient\\_timeout\\_ccg\\_listing\\_%'" );
		wp_cache_flush();
	}
}
