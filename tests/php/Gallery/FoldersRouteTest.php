<?php
/**
 * GET /folders and /settings against the sandbox Dropbox.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Tests\GalleryTestCase;

final class FoldersRouteTest extends GalleryTestCase {

	public function test_root_listing_shows_top_level_folders_in_natural_order(): void {
		$response = $this->folders( 'admin' );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = $response->get_data();

		$this->assertSame( 'dropbox', $data['provider'] );
		$this->assertSame( array( 'id' => '', 'name' => 'Dropbox', 'path' => '/' ), $data['root'] );
		$this->assertSame( $data['root'], $data['folder'] );
		$this->assertSame( array( $data['root'] ), $data['breadcrumb'] );
		$names = array_column( $data['folders'], 'name' );
		$this->assertContains( 'Clients', $names );
		$this->assertContains( 'Scale', $names );
		$sorted = $names;
		usort( $sorted, 'strnatcasecmp' );
		$this->assertSame( $sorted, $names );
		foreach ( $data['folders'] as $folder ) {
			$this->assertStringStartsWith( 'id:', $folder['id'] );
			$this->assertSame( '/' . $folder['name'], $folder['path'] );
		}
		$schema = $this->rest( 'OPTIONS', '/folders' )->get_data()['schema'];
		$this->assertTrue( rest_validate_value_from_schema( $data, $schema ) );

		$json = (string) wp_json_encode( $data );
		$this->assertStringNotContainsString( $this->stored_grant()->access_token, $json );
		$this->assertStringNotContainsString( (string) $this->stored_grant()->refresh_token, $json );
	}

	public function test_folders_are_named_by_id_never_by_path(): void {
		foreach ( array( '/Clients', 'Clients', 'id:', 'id:a/b', 'rev:abc' ) as $folder ) {
			$response = $this->folders( 'editor', array( 'folder' => $folder ) );
			$this->assertSame( 400, $response->get_status(), $folder );
			$this->assertSame( 'rest_invalid_param', $response->get_data()['code'] );
		}
		$this->assertSame( 0, $this->sandbox->total_requests() );
	}

	public function test_nested_folder_by_id_with_breadcrumb_and_counts(): void {
		$id       = $this->id_of( $this->paths['edgeCases'] );
		$response = $this->folders( 'admin', array( 'folder' => $id ) );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = $response->get_data();

		$this->assertSame( $id, $data['folder']['id'] );
		$this->assertSame( '/Edge Cases', $data['folder']['path'] );
		$this->assertSame( array( '/', '/Edge Cases' ), array_column( $data['breadcrumb'], 'path' ) );
		$this->assertContains( 'Empty folder', array_column( $data['folders'], 'name' ) );
		// The HEIC, the PDF and the text file are not photos.
		$this->assertSame( 3, $data['otherFileCount'] );
		$this->assertGreaterThan( 5, $data['photoCount'] );

		$ceremony = $this->folders( 'admin', array( 'folder' => $this->id_of( $this->paths['ceremony'] ) ) )->get_data();
		$this->assertSame( array( '/', '/Clients', '/Clients/Smith Wedding 2026', '/Clients/Smith Wedding 2026/Ceremony' ), array_column( $ceremony['breadcrumb'], 'path' ) );
		foreach ( array_slice( $ceremony['breadcrumb'], 1 ) as $crumb ) {
			$this->assertStringStartsWith( 'id:', $crumb['id'] );
		}
		$this->assertSame( 6, $ceremony['photoCount'] );
	}

	public function test_folders_outside_the_gallery_root_are_refused(): void {
		$this->set_root( $this->paths['clients'] );
		$portfolio = $this->id_of( $this->paths['portfolio'] );

		$response = $this->folders( 'editor', array( 'folder' => $portfolio ) );
		$this->assertSame( 403, $response->get_status() );
		$this->assertSame( 'ccg_outside_root', $response->get_data()['code'] );

		// Even once listed (and cached) for the administrator's whole-Dropbox view.
		$this->assertSame( 200, $this->folders( 'admin', array( 'folder' => $portfolio, 'scope' => 'all' ) )->get_status() );
		$this->assertSame( 403, $this->folders( 'editor', array( 'folder' => $portfolio ) )->get_status() );

		$root = $this->folders( 'editor' )->get_data();
		$this->assertSame( '/Clients', $root['root']['path'] );
		$this->assertSame( '/Clients', $root['folder']['path'] );
		$this->assertSame( array( '/Clients' ), array_column( $root['breadcrumb'], 'path' ) );

		$inside = $this->folders( 'editor', array( 'folder' => $this->id_of( $this->paths['ceremony'] ) ) )->get_data();
		$this->assertSame( array( '/Clients', '/Clients/Smith Wedding 2026', '/Clients/Smith Wedding 2026/Ceremony' ), array_column( $inside['breadcrumb'], 'path' ) );
	}

	public function test_a_deleted_folder_is_not_found(): void {
		$id      = $this->id_of( $this->paths['reception'] );
		$library = $this->sandbox->library_dir();
		$from    = $library . $this->paths['reception'];
		$away    = $library . '/.sandbox-moved-away-' . wp_generate_password( 6, false );
		$this->assertTrue( rename( $from, $away ) );
		try {
			$response = $this->folders( 'admin', array( 'folder' => $id ) );
		} finally {
			rename( $away, $from );
		}
		$this->assertSame( 404, $response->get_status() );
		$this->assertSame( 'ccg_folder_not_found', $response->get_data()['code'] );
	}

	public function test_a_big_folder_costs_no_call_per_photo_and_reopening_is_free(): void {
		$id = $this->id_of( $this->paths['scaleBig'] );

		// Dropbox's pages are approximate (the sandbox's are short and vary):
		// the first request lists what its budget allows, the rest follows
		// in the background from the cursor.
		$first = $this->folders( 'admin', array( 'folder' => $id ) )->get_data();
		$this->assertLessThanOrEqual( 5000, $first['photoCount'] );
		$this->run_listing_in_background( $id );

		$data = $this->folders( 'admin', array( 'folder' => $id ) )->get_data();
		$this->assertTrue( $data['complete'] );
		$this->assertSame( 5000, $data['photoCount'] );
		$this->assertCount( 200, $data['folders'] );
		$counts = $this->sandbox->request_counts();
		$this->assertSame( 0, $counts['files/get_thumbnail_v2'] ?? 0 );
		$this->assertLessThanOrEqual( 2, $counts['files/get_metadata'] ?? 0, 'The folder and its parent, never one per photo.' );
		$this->assertSame( 1, $counts['files/list_folder'] ?? 0, 'Listed once, then continued from the cursor.' );
		$this->assertLessThan( 5200 / 5, $counts['files/list_folder/continue'] ?? 0, 'Pages, never a call per entry.' );

		$this->sandbox->reset_request_counts();
		$again = $this->folders( 'admin', array( 'folder' => $id ) )->get_data();
		$this->assertSame( $data, $again );
		$this->assertSame( 0, $this->dropbox_calls() );
	}

	public function test_walking_down_the_tree_looks_each_folder_up_once(): void {
		$scale = $this->id_of( '/Scale' );
		$big   = $this->id_of( $this->paths['scaleBig'] );
		$this->folders( 'admin' );
		$this->folders( 'admin', array( 'folder' => $scale ) );
		$this->folders( 'admin', array( 'folder' => $big ) );
		$counts = $this->sandbox->request_counts();
		$this->assertSame( 2, $counts['files/get_metadata'] ?? 0, '/Scale and /Scale/Big, each once.' );
		$this->assertSame( 3, $counts['files/list_folder'] ?? 0, 'Each folder listed once; further pages continue its cursor.' );
	}

	public function test_a_folder_moved_into_the_root_is_allowed_once_refreshed(): void {
		$this->set_root( $this->paths['clients'] );
		$portfolio = $this->id_of( $this->paths['portfolio'] );
		// Listed (and cached) while still outside, for the administrator.
		$this->assertSame( 200, $this->folders( 'admin', array( 'folder' => $portfolio, 'scope' => 'all' ) )->get_status() );
		$this->assertSame( 403, $this->folders( 'editor', array( 'folder' => $portfolio ) )->get_status() );

		$library = $this->sandbox->library_dir();
		$this->assertTrue( rename( $library . '/Portfolio', $library . '/Clients/Portfolio' ) );
		try {
			$this->add_filter( 'ccg_editor_listing_max_age', static fn (): int => -1 );
			$response = $this->folders( 'editor', array( 'folder' => $portfolio ) );
		} finally {
			rename( $library . '/Clients/Portfolio', $library . '/Portfolio' );
		}
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( '/Clients/Portfolio', $response->get_data()['folder']['path'] );
	}

	public function test_errors_have_stable_codes(): void {
		$this->set_root( $this->paths['clients'] );
		$this->sandbox->add_fault( array( 'route' => 'files/*', 'kind' => 'status', 'status' => 503 ) );
		$response = $this->folders( 'editor' );
		$this->assertSame( 503, $response->get_status() );
		$this->assertSame( 'ccg_unreachable', $response->get_data()['code'] );

		$this->sandbox->clear_faults();
		$this->sandbox->add_fault( array( 'route' => 'files/*', 'kind' => 'status', 'status' => 429, 'retryAfter' => 7 ) );
		$response = $this->folders( 'editor' );
		$this->assertSame( 429, $response->get_status() );
		$this->assertSame( 'ccg_rate_limited', $response->get_data()['code'] );
		$this->assertSame( 7, $response->get_data()['data']['retryAfter'] );
		$this->sandbox->clear_faults();

		$this->services()->providers()->get( 'dropbox' )->disconnect();
		$response = $this->folders( 'editor' );
		$this->assertSame( 409, $response->get_status() );
		$this->assertSame( 'ccg_not_connected', $response->get_data()['code'] );
		$this->assertStringNotContainsString( 'sl.', (string) wp_json_encode( $response->get_data() ) );
	}

	public function test_roles_per_route(): void {
		foreach ( array( null, 'subscriber' ) as $role ) {
			$this->assertSame( null === $role ? 401 : 403, $this->folders( $role )->get_status() );
		}
		$this->set_root( $this->paths['clients'] );
		foreach ( array( 'contributor', 'author', 'editor' ) as $role ) {
			$this->assertSame( 200, $this->folders( $role )->get_status(), $role );
			$this->assertSame( 403, $this->folders( $role, array( 'scope' => 'all' ) )->get_status(), $role );
			$this->act_as( $role );
			$this->assertSame( 403, $this->rest( 'GET', '/settings' )->get_status(), $role );
			$this->assertSame( 403, $this->rest( 'POST', '/settings', array( 'galleryRoot' => array( 'dropbox' => null ) ) )->get_status(), $role );
		}
		$this->assertSame( 200, $this->folders( 'admin', array( 'scope' => 'all' ) )->get_status() );
	}

	public function test_settings_store_an_existing_root_and_null_clears_it(): void {
		$this->act_as( 'admin' );
		$this->assertSame( array( 'galleryRoot' => array( 'dropbox' => null, 'google' => null ) ), $this->rest( 'GET', '/settings' )->get_data() );

		$id       = $this->id_of( $this->paths['portfolio'] );
		$response = $this->rest( 'POST', '/settings', array( 'galleryRoot' => array( 'dropbox' => array( 'id' => $id, 'path' => '/whatever' ) ) ) );
		$this->assertSame( 200, $response->get_status() );
		// Only the provider named changes; the other keeps its root.
		$this->assertSame( array( 'galleryRoot' => array( 'dropbox' => array( 'id' => $id, 'path' => '/Portfolio' ), 'google' => null ) ), $response->get_data() );
		$this->assertSame( $response->get_data(), $this->rest( 'GET', '/settings' )->get_data() );

		$missing = $this->rest( 'POST', '/settings', array( 'galleryRoot' => array( 'dropbox' => array( 'id' => 'id:doesnotexist000000000', 'path' => '/Nope' ) ) ) );
		$this->assertSame( 404, $missing->get_status() );
		$this->assertSame( 'ccg_folder_not_found', $missing->get_data()['code'] );

		$cleared = $this->rest( 'POST', '/settings', array( 'galleryRoot' => array( 'dropbox' => null ) ) );
		$this->assertSame( array( 'galleryRoot' => array( 'dropbox' => null, 'google' => null ) ), $cleared->get_data() );
	}
}
