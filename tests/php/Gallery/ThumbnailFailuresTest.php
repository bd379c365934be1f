<?php
/**
 * Thumbnails the provider refuses: remembered, reported, never cached as the photo.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Admin\ThumbnailSiteHealth;
use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Images\ThumbnailFailures;
use CustomerCloudGallery\Images\ImageUrls;
use CustomerCloudGallery\Tests\GalleryTestCase;

final class ThumbnailFailuresTest extends GalleryTestCase {

	protected function tearDown(): void {
		$this->sandbox->clear_faults();
		parent::tearDown();
	}

	/**
	 * Signed tokens of the ceremony's first photos, in one size.
	 *
	 * @return list<string>
	 */
	private function tokens( int $count, string $size = 'w640h480' ): array {
		$listing = $this->services()->folder_listings()->for_render( 'dropbox', $this->id_of( $this->paths['ceremony'] ) );
		$tokens  = array();
		foreach ( $listing->page( 0, $count ) as $photo ) {
			$url = $this->services()->image_urls()->url( new ImageRef( 'dropbox', $photo->id, $photo->revision, $size, $this->ceremony() ) );
			parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $query );
			$tokens[] = (string) $query[ ImageUrls::QUERY_VAR ];
		}
		$this->sandbox->reset_request_counts();
		return $tokens;
	}

	private function refuse_thumbnails(): void {
		// Both thumbnail routes: one at a time and batched.
		$this->sandbox->add_fault(
			array(
				'route'  => 'files/get_thumbnail*',
				'kind'   => 'status',
				'status' => 400,
			)
		);
	}

	public function test_refused_thumbnails_cost_one_call_for_their_run_then_none_and_are_never_cached(): void {
		$tokens = $this->tokens( 4 );
		$this->refuse_thumbnails();
		$endpoint = $this->services()->thumbnail_endpoint();

		foreach ( $tokens as $token ) {
			$response = $endpoint->respond( $token );
			$this->assertSame( 200, $response->status );
			$this->assertSame( 'image/svg+xml', $response->headers['Content-Type'], 'A placeholder, not a broken image.' );
			$this->assertSame( 'no-store', $response->headers['Cache-Control'], 'Never cached under the photo\'s immutable URL.' );
		}
		$this->assertSame( 1, $this->thumbnail_calls(), 'The first miss asked for the photos shown beside it too, and the refusal is remembered for all of them.' );

		$this->sandbox->reset_request_counts();
		foreach ( $tokens as $token ) {
			$this->assertSame( 'image/svg+xml', $endpoint->respond( $token )->headers['Content-Type'] );
		}
		$this->assertSame( 0, $this->sandbox->total_requests(), 'A warm view of failing thumbnails asks nothing.' );
		$this->assertSame( array(), $this->services()->thumbnail_cache()->files(), 'No placeholder on disk.' );
	}

	public function test_a_remembered_failure_is_asked_again_after_its_wait_and_then_forgotten(): void {
		list( $token ) = $this->tokens( 1 );
		$this->refuse_thumbnails();
		$endpoint = $this->services()->thumbnail_endpoint();
		$endpoint->respond( $token );
		$this->sandbox->clear_faults();

		// Still waiting: no call, still the placeholder.
		$this->assertSame( 'image/svg+xml', $endpoint->respond( $token )->headers['Content-Type'] );
		$this->assertSame( 1, $this->thumbnail_calls() );

		// The wait is over (the transient's record says until when).
		$photo = $this->services()->folder_listings()->for_render( 'dropbox', $this->ceremony() )->page( 0, 1 )[0];
		$image = new ImageRef( 'dropbox', $photo->id, $photo->revision, 'w640h480', $this->ceremony() );
		$key            = 'ccg_thumbfail_' . substr( $image->hash(), 0, 32 );
		$record         = get_transient( $key );
		$record['until'] = time() - 1;
		set_transient( $key, $record, HOUR_IN_SECONDS );

		$response = $endpoint->respond( $token );
		$this->assertSame( 'image/jpeg', $response->headers['Content-Type'] );
		$this->assertSame( 2, $this->thumbnail_calls(), 'One more call: the photos beside it still wait, so only it was asked for.' );
		$this->assertFalse( get_transient( $key ), 'Forgotten once the photo came.' );
	}

	public function test_a_runs_remembered_failures_are_read_in_one_query_not_one_per_photo(): void {
		global $wpdb;
		$images = array();
		foreach ( $this->services()->folder_listings()->for_render( 'dropbox', $this->ceremony() )->page( 0, 6 ) as $photo ) {
			$images[] = new ImageRef( 'dropbox', $photo->id, $photo->revision, 'w640h480', $this->ceremony() );
		}
		$this->assertCount( 6, $images, 'The ceremony folder\'s photos.' );
		$failures = new ThumbnailFailures();
		$failures->remember( $images[1], GalleryException::not_found( 'Dropbox' ) );
		$failures->remember( $images[4], GalleryException::not_found( 'Dropbox' ) );
		// A new request: nothing of them in memory.
		wp_cache_flush();
		wp_load_alloptions();

		$before  = $wpdb->num_queries;
		$askable = $failures->askable( $images );
		$read    = $wpdb->num_queries - $before;
		$this->assertNotNull( $failures->pending( $images[1] ) );
		foreach ( $images as $image ) {
			$failures->pending( $image );
		}
		$all = $wpdb->num_queries - $before;

		$expected = $images;
		unset( $expected[1], $expected[4] );
		$this->assertEquals( array_values( $expected ), $askable, 'All but the two that wait, in order.' );
		if ( ! wp_using_ext_object_cache() ) {
			$this->assertSame( 1, $read, 'One query for the six photos.' );
			$this->assertSame( 1, $all, 'After which each photo\'s failure is read from memory.' );
		}
	}

	public function test_failing_thumbnails_show_in_settings_and_site_health_with_the_providers_words_until_one_works(): void {
		list( $token ) = $this->tokens( 1 );
		$this->refuse_thumbnails();
		$this->services()->thumbnail_endpoint()->respond( $token );

		$this->act_as( 'admin' );
		$connection = $this->rest( 'GET', '/connections/dropbox' )->get_data();
		$this->assertSame( 'connected', $connection['status'] );
		$this->assertSame( 'thumbnails_failing', $connection['problem']['code'] ?? null, (string) wp_json_encode( $connection ) );
		$this->assertStringContainsString( 'Thumbnails from Dropbox have been failing since', $connection['problem']['message'] );
		$this->assertStringContainsString( 'Error 400', $connection['problem']['message'], 'What Dropbox answered.' );
		$this->assertStringContainsString( 'Update Customer Cloud Gallery', $connection['problem']['fix'] );

		$health = ( new ThumbnailSiteHealth( $this->services()->providers( ... ), $this->services()->thumbnail_health() ) )->run();
		$this->assertSame( 'critical', $health['status'] );
		$this->assertSame( 'Gallery thumbnails from Dropbox are failing', $health['label'] );
		$this->assertStringContainsString( 'Error 400', $health['description'] );
		$tests = apply_filters( 'site_status_tests', array( 'direct' => array() ) );
		$this->assertArrayHasKey( ThumbnailSiteHealth::TEST, $tests['direct'], 'Registered with Site Health.' );

		// Test connection fails with Dropbox's message while thumbnails are refused…
		$this->sandbox->reset_request_counts();
		$test = $this->rest( 'POST', '/connections/dropbox/test' );
		$this->assertFalse( $test->get_data()['ok'] );
		$this->assertStringContainsString( 'Dropbox lists folders but refused a photo\'s thumbnail', $test->get_data()['message'] );
		$this->assertStringContainsString( 'Error 400', $test->get_data()['message'] );
		$this->assertGreaterThan( 0, $this->thumbnail_calls(), 'The test really asked for a thumbnail.' );

		// …and passes, clearing the health, once they work again.
		$this->sandbox->clear_faults();
		$test = $this->rest( 'POST', '/connections/dropbox/test' );
		$this->assertTrue( $test->get_data()['ok'], (string) wp_json_encode( $test->get_data() ) );
		$this->assertStringContainsString( 'It fetched a thumbnail of /', $test->get_data()['message'] );
		$this->assertNull( $this->rest( 'GET', '/connections/dropbox' )->get_data()['problem'] );
		$health = ( new ThumbnailSiteHealth( $this->services()->providers( ... ), $this->services()->thumbnail_health() ) )->run();
		$this->assertSame( 'good', $health['status'] );
	}

	public function test_a_photo_that_cannot_be_rendered_is_not_a_failing_connection(): void {
		$photo = $this->services()->folder_listings()->for_render( 'dropbox', $this->ceremony() )->page( 0, 1 )[0];
		$url   = $this->services()->image_urls()->url( new ImageRef( 'dropbox', $photo->id, $photo->revision, 'w640h480', $this->ceremony() ) );
		parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $query );
		// Deleted in Dropbox after the listing was cached: the listing still holds it.
		$file  = $this->sandbox->library_dir() . $this->paths['ceremony'] . '/' . $photo->name;
		$bytes = (string) file_get_contents( $file );
		$time  = (int) filemtime( $file );
		unlink( $file );
		try {
			$response = $this->services()->thumbnail_endpoint()->respond( (string) $query[ ImageUrls::QUERY_VAR ] );
		} finally {
			file_put_contents( $file, $bytes );
			touch( $file, $time );
		}
		$this->assertSame( 'image/svg+xml', $response->headers['Content-Type'] );
		$this->act_as( 'admin' );
		$this->assertNull( $this->rest( 'GET', '/connections/dropbox' )->get_data()['problem'] );
	}
}
