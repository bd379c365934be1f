<?php
/**
 * Static thumbnail URLs: the fallback check, the rebuild of a missing file, JPEG only.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Images\FallbackProbe;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Images\ImageUrls;
use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Tests\GalleryTestCase;
use CustomerCloudGallery\Tests\Support\Http;
use CustomerCloudGallery\Tests\Support\TestImages;

/**
 * The test site runs behind tools/local-wordpress's router for PHP's
 * built-in server, which, like Apache's WordPress rules and nginx's
 * try_files, serves files that exist and hands every other path to
 * index.php. PHP's server sends a static file with no Cache-Control and no
 * ETag, which is how these tests tell it from an answer of the plugin.
 */
final class StaticImagesTest extends GalleryTestCase {

	private function a_photo( string $size = 'w640h480' ): ImageRef {
		$listing = $this->services()->folder_listings()->for_render( 'dropbox', $this->id_of( $this->paths['ceremony'] ) );
		$photo   = $listing->page( 0, 1 )[0];
		$this->sandbox->reset_request_counts();
		return new ImageRef( 'dropbox', $photo->id, $photo->revision, $size, $this->ceremony() );
	}

	private function static_prefix(): string {
		return wp_upload_dir( null, false )['baseurl'] . '/customer-cloud-gallery/i/';
	}

	public function test_the_check_passes_on_a_server_that_hands_missing_files_to_wordpress(): void {
		$result = $this->services()->fallback_probe()->run();

		$this->assertTrue( $result['ok'], $result['detail'] );
		$this->assertTrue( $result['static'], 'The second request got the file from the web server.' );
		$this->assertSame( $this->services()->thumbnail_cache()->base_url(), $result['base'] );
		$this->assertTrue( $this->services()->fallback_probe()->passed() );
		$this->assertSame( array(), glob( $this->services()->thumbnail_cache()->dir() . '/i/probe/*' ) ?: array(), 'The probe file is gone.' );
		$this->assertSame( 0, $this->sandbox->total_requests(), 'No provider is asked for a probe.' );
	}

	public function test_only_this_site_can_make_the_plugin_write_a_probe_file(): void {
		$forged = strtolower( wp_generate_password( 20, false ) ) . '.' . str_repeat( 'A', 43 );
		$url    = $this->static_prefix() . FallbackProbe::DIR . '/' . $forged . '.jpg';

		$this->assertSame( 403, Http::request( 'GET', $url )['status'] );
		$this->assertSame( 403, $this->services()->static_images()->respond( FallbackProbe::DIR . '/' . $forged . '.jpg' )->status );
		$this->assertSame( array(), glob( $this->services()->thumbnail_cache()->dir() . '/i/probe/*' ) ?: array() );
	}

	public function test_the_check_fails_where_a_missing_file_never_reaches_wordpress(): void {
		// As if uploads were served by a host (or an nginx location) that
		// answers 404 itself: the web server's WordPress does not know the path.
		$elsewhere = static function ( array $uploads ): array {
			$uploads['baseurl'] = home_url( '/not-wordpress-uploads' );
			return $uploads;
		};
		$this->add_filter( 'upload_dir', $elsewhere );
		$result = $this->services()->fallback_probe()->run();
		$image  = $this->a_photo();
		$url    = $this->services()->image_urls()->url( $image );
		remove_filter( 'upload_dir', $elsewhere, 10 );

		$this->assertFalse( $result['ok'] );
		$this->assertStringContainsString( 'HTTP 404 for a missing file', $result['detail'] );
		$this->assertStringStartsWith( home_url( '/?ccg_image=' ), $url );
		$this->assertFalse( $this->services()->fallback_probe()->passed() );
	}

	public function test_a_check_passed_for_another_uploads_url_does_not_count(): void {
		$this->pin_static_images_check( true );
		$this->assertTrue( $this->services()->fallback_probe()->passed() );

		$moved = static function ( array $uploads ): array {
			$uploads['baseurl'] = 'https://cdn.example.com/uploads';
			return $uploads;
		};
		$this->add_filter( 'upload_dir', $moved );
		$this->assertFalse( $this->services()->fallback_probe()->passed() );
		$this->assertStringStartsWith( home_url( '/?ccg_image=' ), $this->services()->image_urls()->url( $this->a_photo() ) );
	}

	public function test_the_filter_overrides_the_check(): void {
		$image = $this->a_photo();
		$this->add_filter( 'ccg_static_thumbnail_urls', '__return_true' );
		$this->assertStringStartsWith( $this->static_prefix(), $this->services()->image_urls()->url( $image ), 'Forced on, check failed.' );

		remove_filter( 'ccg_static_thumbnail_urls', '__return_true', 10 );
		$this->pin_static_images_check( true );
		$this->add_filter( 'ccg_static_thumbnail_urls', '__return_false' );
		$this->assertStringStartsWith( home_url( '/?ccg_image=' ), $this->services()->image_urls()->url( $image ), 'Forced off, check passed.' );
	}

	public function test_once_the_check_passed_a_url_is_static_before_and_after_its_file_exists(): void {
		$this->services()->fallback_probe()->run();
		$image = $this->a_photo();
		$disk  = $this->services()->thumbnail_cache();
		$url   = $this->services()->image_urls()->url( $image );

		$this->assertStringStartsWith( $this->static_prefix(), $url );
		$this->assertMatchesRegularExpression( '#/i/[0-9a-f]{2}/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.jpg$#', $url );
		$this->assertFalse( $disk->has( $image ) );
		$this->assertStringNotContainsString( 'dropbox', strtolower( $url ), 'The token is opaque; no provider host in it.' );

		// The miss reaches WordPress: fetched once, written, served with the endpoint's headers.
		$first = Http::request( 'GET', $url );
		$this->assertSame( 200, $first['status'], $first['body'] );
		$this->assertSame( 'image/jpeg', $first['headers']['content-type'] );
		$this->assertSame( 'public, max-age=31536000, immutable', $first['headers']['cache-control'] );
		$this->assertSame( '"' . $image->hash() . '"', $first['headers']['etag'] );
		$this->assertArrayNotHasKey( 'set-cookie', $first['headers'] );
		$this->assertSame( "\xFF\xD8", substr( $first['body'], 0, 2 ) );
		$this->assertSame( 1, $this->thumbnail_calls() );
		$this->assertTrue( $disk->has( $image ) );
		$this->assertSame( $url, $this->services()->image_urls()->url( $image ), 'The same URL once cached: page caches stay valid.' );

		// Now the web server sends the file itself.
		$second = Http::request( 'GET', $url );
		$this->assertSame( 200, $second['status'] );
		$this->assertSame( $first['body'], $second['body'] );
		$this->assertStringStartsWith( 'image/jpeg', $second['headers']['content-type'] );
		// WordPress's answer carries the image's hash as ETag; a web server's (nginx, Apache) its own, or none (php -S).
		$this->assertNotSame( '"' . $image->hash() . '"', $second['headers']['etag'] ?? null, 'Served by the web server, not by WordPress.' );

		// The query URL of the same image serves the same file.
		$query = Http::request( 'GET', $this->services()->image_urls()->query_url( $image ) );
		$this->assertSame( $first['body'], $query['body'] );
		$this->assertSame( 1, $this->sandbox->total_requests(), 'Only the first request reached Dropbox.' );
	}

	public function test_an_evicted_file_is_rebuilt_by_its_next_request(): void {
		$this->pin_static_images_check( true );
		$image = $this->a_photo( 'w256h256' );
		$url   = $this->services()->image_urls()->url( $image );
		$this->assertSame( 200, Http::request( 'GET', $url )['status'] );
		$path = $this->services()->thumbnail_cache()->path( $image );
		$this->assertFileExists( $path );

		$this->add_filter( 'ccg_thumbnail_cache_bytes', '__return_zero' );
		$this->services()->thumbnail_cache()->evict();
		$this->assertFileDoesNotExist( $path );

		$again = Http::request( 'GET', $url );
		$this->assertSame( 200, $again['status'] );
		$this->assertSame( 'image/jpeg', $again['headers']['content-type'] );
		$this->assertFileExists( $path );
		$this->assertSame( 2, $this->thumbnail_calls() );

		$revalidated = Http::request( 'GET', $url, array( 'If-None-Match' => $again['headers']['etag'] ) );
		$this->assertSame( 200, $revalidated['status'], 'The file exists again: the web server answers.' );
		$this->assertSame( 2, $this->sandbox->total_requests() );
	}

	public function test_a_tampered_static_path_is_refused_without_calling_dropbox(): void {
		$this->pin_static_images_check( true );
		$image = $this->a_photo();
		$url   = $this->services()->image_urls()->url( $image );
		$this->assertSame( 1, preg_match( '#/i/([0-9a-f]{2})/(([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+))\.jpg$#', $url, $match ) );
		list( , $shard, $token, $payload, $signature ) = $match;

		$other_shard = '00' === $shard ? '01' : '00';
		$forged      = rtrim( strtr( base64_encode( (string) wp_json_encode( array( 'p' => 'dropbox', 'f' => $image->file_id, 'r' => $image->rev, 's' => 'w2048h1536' ) ) ), '+/', '-_' ), '=' );
		$candidates  = array(
			"{$shard}/{$forged}.{$signature}.jpg",
			"{$shard}/{$payload}." . strrev( $signature ) . '.jpg',
			"{$shard}/{$payload}.jpg",
			"{$shard}/{$token}.png",
			"{$other_shard}/{$token}.jpg",
			"{$token}.jpg",
			'garbage.jpg',
		);
		foreach ( $candidates as $relative ) {
			$this->assertSame( 403, $this->services()->static_images()->respond( $relative )->status, $relative );
			$this->assertSame( 403, Http::request( 'GET', $this->static_prefix() . $relative )['status'], $relative );
		}
		$this->assertSame( 0, $this->sandbox->total_requests() );
		$this->assertSame( array(), $this->services()->thumbnail_cache()->files(), 'Nothing was written.' );
	}

	public function test_a_request_outside_the_folder_is_left_to_wordpress(): void {
		$static = $this->services()->static_images();
		$this->assertNull( $static->requested( '/' ) );
		$this->assertNull( $static->requested( '/?ccg_image=abc.def' ) );
		$this->assertNull( $static->requested( (string) wp_parse_url( wp_upload_dir( null, false )['baseurl'], PHP_URL_PATH ) . '/2026/01/photo.jpg' ) );
		$this->assertSame( 'ab/x.y.jpg', $static->requested( (string) wp_parse_url( $this->static_prefix(), PHP_URL_PATH ) . 'ab/x.y.jpg?ver=1' ) );
	}

	public function test_png_thumbnails_are_stored_and_served_as_jpeg(): void {
		$this->pin_static_images_check( true );
		$image = new ImageRef( 'dropbox', 'id:pngthumbnail0000000001', 'rev1', 'w256h256' );
		$path  = $this->services()->thumbnail_cache()->write( $image, TestImages::png( 40, 30 ) );

		$this->assertNotNull( $path );
		$this->assertSame( "\xFF\xD8\xFF", (string) file_get_contents( $path, false, null, 0, 3 ) );
		$size = getimagesize( $path );
		$this->assertSame( array( 40, 30, 'image/jpeg' ), array( $size[0], $size[1], $size['mime'] ) );
		// The transparent half is flattened onto white, not black.
		$pixel = imagecolorat( imagecreatefromjpeg( $path ), 35, 15 );
		$this->assertGreaterThan( 240, ( $pixel >> 16 ) & 0xFF );

		$static = Http::request( 'GET', (string) $this->services()->image_urls()->url( $image ) );
		$this->assertSame( 200, $static['status'] );
		$this->assertStringStartsWith( 'image/jpeg', $static['headers']['content-type'] );
		$query = Http::request( 'GET', $this->services()->image_urls()->query_url( $image ) );
		$this->assertSame( 'image/jpeg', $query['headers']['content-type'] );
		$this->assertSame( $static['body'], $query['body'] );
	}

	public function test_bytes_that_are_no_image_are_never_written(): void {
		$disk = $this->services()->thumbnail_cache();
		foreach ( array( '', '<html>Error</html>', "GIF89a\x01\x00truncated", '{"error":"x"}' ) as $bytes ) {
			$this->assertNull( $disk->write( new ImageRef( 'dropbox', 'id:notanimage000000000001', 'rev1', 'w256h256' ), $bytes ) );
		}
		$this->assertSame( array(), $disk->files() );
	}

	public function test_a_change_to_permalinks_or_uploads_goes_back_to_query_urls_until_checked_again(): void {
		$this->pin_static_images_check( true );
		wp_clear_scheduled_hook( FallbackProbe::HOOK );
		do_action( 'update_option_permalink_structure', '/%postname%/', '', 'permalink_structure' );

		$this->assertFalse( get_option( Keys::STATIC_IMAGES ) );
		$this->assertFalse( $this->services()->fallback_probe()->passed() );
		$this->assertStringStartsWith( home_url( '/?ccg_image=' ), $this->services()->image_urls()->url( $this->a_photo() ) );
		$next = wp_next_scheduled( FallbackProbe::HOOK );
		$this->assertIsInt( $next );
		$this->assertLessThanOrEqual( time(), $next, 'Checked again at the next WP-Cron run.' );
	}

	public function test_saving_the_permalinks_screen_checks_again_even_unchanged(): void {
		$this->pin_static_images_check( true );
		$method = $_SERVER['REQUEST_METHOD'] ?? null;
		try {
			$_SERVER['REQUEST_METHOD'] = 'GET';
			do_action( 'load-options-permalink.php' );
			$this->assertTrue( $this->services()->fallback_probe()->passed(), 'Looking at the screen changes nothing.' );

			$_SERVER['REQUEST_METHOD'] = 'POST';
			do_action( 'load-options-permalink.php' );
			$this->assertFalse( $this->services()->fallback_probe()->passed() );
			$this->assertIsInt( wp_next_scheduled( FallbackProbe::HOOK ) );
		} finally {
			if ( null === $method ) {
				unset( $_SERVER['REQUEST_METHOD'] );
			} else {
				$_SERVER['REQUEST_METHOD'] = $method;
			}
		}
	}

	public function test_a_long_token_keeps_its_query_url(): void {
		$this->pin_static_images_check( true );
		$image = new ImageRef( 'dropbox', 'id:' . str_repeat( 'a', 180 ), str_repeat( 'b', 40 ), 'w256h256' );

		$this->assertNull( $this->services()->thumbnail_cache()->url( $image ) );
		$this->assertStringStartsWith( home_url( '/?' . ImageUrls::QUERY_VAR . '=' ), $this->services()->image_urls()->url( $image ) );
		$this->assertNotNull( $this->services()->thumbnail_cache()->write( $image, TestImages::jpeg() ), 'Still cached, under its hash.' );
	}
}
