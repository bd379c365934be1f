<?php
/**
 * Signed thumbnail URLs and the thumbnail endpoint.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Images\ImageUrls;
use CustomerCloudGallery\Tests\GalleryTestCase;
use CustomerCloudGallery\Tests\Support\Http;
use CustomerCloudGallery\Tests\Support\TestImages;

final class ImagesTest extends GalleryTestCase {

	/**
	 * A photo of the ceremony, as the render sees it: [id, name, rev].
	 *
	 * @return array{0: string, 1: string, 2: string}
	 */
	private function a_photo(): array {
		$listing = $this->services()->folder_listings()->for_render( 'dropbox', $this->id_of( $this->paths['ceremony'] ) );
		$photo   = $listing->page( 0, 1 )[0];
		$this->sandbox->reset_request_counts();
		return array( $photo->id, $photo->name, $photo->revision );
	}

	private function token( string $url ): string {
		parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $query );
		return (string) $query[ ImageUrls::QUERY_VAR ];
	}

	public function test_a_tampered_url_is_refused_without_calling_dropbox(): void {
		list( $id, , $rev ) = $this->a_photo();
		$token              = $this->token( $this->services()->image_urls()->url( new ImageRef( 'dropbox', $id, $rev, 'w640h480', $this->ceremony() ) ) );
		list( $payload, $signature ) = explode( '.', $token );

		$forged = rtrim( strtr( base64_encode( (string) wp_json_encode( array( 'p' => 'dropbox', 'f' => $id, 'r' => $rev, 's' => 'w2048h1536' ) ) ), '+/', '-_' ), '=' );
		$bad    = array( $forged . '.' . $signature, $payload . '.' . strrev( $signature ), $payload, 'garbage', $payload . '.' );
		foreach ( $bad as $candidate ) {
			$this->assertSame( 403, $this->services()->thumbnail_endpoint()->respond( $candidate )->status, $candidate );
		}
		$this->assertSame( 0, $this->sandbox->total_requests() );

		$response = Http::request( 'GET', home_url( '/?ccg_image=' . rawurlencode( $forged . '.' . $signature ) ) );
		$this->assertSame( 403, $response['status'] );
		$this->assertSame( 0, $this->sandbox->total_requests() );
	}

	public function test_an_image_url_reveals_no_file_id_path_or_checksum(): void {
		list( $id, $name, $rev ) = $this->a_photo();
		$md5                     = md5( 'a Drive checksum' );
		$refs                    = array(
			new ImageRef( 'dropbox', $id, $rev, 'w640h480', $this->ceremony() ),
			new ImageRef( 'google', '1AbCdEfGhIjKlMnOpQrStUvWxYz012345', $md5, 'w640h480' ),
		);
		foreach ( $refs as $ref ) {
			$url   = $this->services()->image_urls()->url( $ref );
			$token = $this->token( $url );
			$seen  = array( $url, $token, rawurldecode( $url ) );
			foreach ( explode( '.', $token ) as $part ) {
				$seen[] = (string) base64_decode( strtr( $part, '-_', '+/' ) );
			}
			foreach ( array( $ref->file_id, $ref->rev, $name, $this->paths['ceremony'] ) as $secret ) {
				foreach ( $seen as $text ) {
					$this->assertStringNotContainsStringIgnoringCase( $secret, $text );
				}
			}
			$this->assertSame( $token, $this->token( $this->services()->image_urls()->url( $ref ) ), 'One image, one URL.' );
		}
	}

	public function test_first_request_fetches_once_then_the_disk_copy_and_304(): void {
		list( $id, , $rev ) = $this->a_photo();
		$url                = $this->services()->image_urls()->url( new ImageRef( 'dropbox', $id, $rev, 'w640h480', $this->ceremony() ) );
		$this->assertStringStartsWith( home_url( '/?ccg_image=' ), $url );

		$first = Http::request( 'GET', $url );
		$this->assertSame( 200, $first['status'], $first['body'] );
		$this->assertSame( 'image/jpeg', $first['headers']['content-type'] );
		$this->assertSame( 'public, max-age=31536000, immutable', $first['headers']['cache-control'] );
		$this->assertArrayNotHasKey( 'set-cookie', $first['headers'] );
		$this->assertSame( "\xFF\xD8", substr( $first['body'], 0, 2 ), 'A JPEG.' );
		$this->assertSame( 1, $this->thumbnail_calls() );
		$etag = $first['headers']['etag'];
		$this->assertNotEmpty( $etag );

		$second = Http::request( 'GET', $url );
		$this->assertSame( 200, $second['status'] );
		$this->assertSame( $first['body'], $second['body'] );
		$this->assertSame( $etag, $second['headers']['etag'] );

		$revalidated = Http::request( 'GET', $url, array( 'If-None-Match' => $etag ) );
		$this->assertSame( 304, $revalidated['status'] );
		$this->assertSame( '', $revalidated['body'] );
		$this->assertSame( 1, $this->sandbox->total_requests(), 'Only the first request reached Dropbox.' );
	}

	public function test_cached_thumbnails_survive_dropbox_being_down_and_tokens_expiring(): void {
		list( $id, , $rev ) = $this->a_photo();
		$url                = $this->services()->image_urls()->url( new ImageRef( 'dropbox', $id, $rev, 'w256h256', $this->ceremony() ) );
		$this->assertSame( 200, Http::request( 'GET', $url )['status'] );

		$this->sandbox->expire_access_tokens();
		$this->sandbox->add_fault( array( 'route' => '*', 'kind' => 'status', 'status' => 503 ) );
		$this->assertSame( 200, Http::request( 'GET', $url )['status'] );

		$missing = Http::request( 'GET', $this->services()->image_urls()->url( new ImageRef( 'dropbox', $id, $rev, 'w1024h768', $this->ceremony() ) ) );
		$this->assertSame( 200, $missing['status'], 'A placeholder, not a broken image.' );
		$this->assertSame( 'image/svg+xml', $missing['headers']['content-type'] );
		$this->assertSame( 'no-store', $missing['headers']['cache-control'] );
		$this->assertStringStartsWith( '<svg', $missing['body'] );
		$this->sandbox->clear_faults();
	}

	public function test_a_photo_no_listing_holds_is_a_404_without_asking_dropbox(): void {
		$token    = $this->token( $this->services()->image_urls()->url( new ImageRef( 'dropbox', 'id:doesnotexist0000000000', 'abc123def', 'w640h480', $this->ceremony() ) ) );
		$response = $this->services()->thumbnail_endpoint()->respond( $token );
		$this->assertSame( 404, $response->status );
		$this->assertSame( 'no-store', $response->headers['Cache-Control'] );
		$this->assertSame( 0, $this->thumbnail_calls(), 'Only photos a gallery shows are fetched.' );
	}

	public function test_a_changed_photo_gets_a_new_url(): void {
		list( $id, $name, $rev ) = $this->a_photo();
		$before                  = $this->services()->image_urls()->url( new ImageRef( 'dropbox', $id, $rev, 'w640h480', $this->ceremony() ) );
		$this->assertSame( $before, $this->services()->image_urls()->url( new ImageRef( 'dropbox', $id, $rev, 'w640h480', $this->ceremony() ) ), 'Stable.' );

		$file = $this->sandbox->library_dir() . $this->paths['ceremony'] . '/' . $name;
		$time = (int) filemtime( $file );
		touch( $file, $time + 3600 );
		try {
			$listings = $this->services()->folder_listings();
			$folder   = $this->id_of( $this->paths['ceremony'] );
			$listings->refresh_in_background( 'dropbox', $folder );
			$listing = $this->services()->listing_store()->get( 'dropbox', $folder );
			$changed = null;
			foreach ( $listing->page( 0, $listing->photo_count() ) as $photo ) {
				if ( $photo->id === $id ) {
					$changed = $photo;
				}
			}
		} finally {
			touch( $file, $time );
		}
		$this->assertNotNull( $changed );
		$this->assertNotSame( $rev, $changed->revision );
		$this->assertNotSame( $before, $this->services()->image_urls()->url( new ImageRef( 'dropbox', $id, $changed->revision, 'w640h480', $this->ceremony() ) ) );
	}

	public function test_eviction_removes_the_least_recently_used_over_the_limit(): void {
		$paths = $this->five_cached_thumbnails();
		$disk  = $this->services()->thumbnail_cache();
		$this->add_filter( 'ccg_thumbnail_cache_bytes', static fn (): int => (int) ( 3.5 * filesize( $paths[1] ) ) );
		$disk->evict();
		$this->assertFileDoesNotExist( $paths[1] );
		$this->assertFileDoesNotExist( $paths[2] );
		$this->assertFileExists( $paths[3] );
		$this->assertFileExists( $paths[4] );
		$this->assertFileExists( $paths[5] );
	}

	public function test_eviction_counts_a_read_by_the_web_server_as_a_use(): void {
		$paths = $this->five_cached_thumbnails();
		// Written first, but the web server sent it a minute ago (its atime).
		touch( $paths[1], time() - 5000, time() - 60 );
		$this->add_filter( 'ccg_thumbnail_cache_bytes', static fn (): int => (int) ( 3.5 * filesize( $paths[1] ) ) );
		$this->services()->thumbnail_cache()->evict();
		$this->assertFileExists( $paths[1] );
		$this->assertFileDoesNotExist( $paths[2] );
		$this->assertFileDoesNotExist( $paths[3] );
		$this->assertFileExists( $paths[4] );
	}

	/**
	 * Five thumbnails of the same size, the first the least recently used.
	 *
	 * @return array<int, string> Paths by number.
	 */
	private function five_cached_thumbnails(): array {
		$disk  = $this->services()->thumbnail_cache();
		$bytes = TestImages::jpeg();
		$paths = array();
		foreach ( range( 1, 5 ) as $n ) {
			$path = $disk->write( new ImageRef( 'dropbox', 'id:test' . $n, 'rev' . $n, 'w256h256' ), $bytes );
			$this->assertNotNull( $path );
			touch( $path, time() - 1000 * ( 6 - $n ) );
			$paths[ $n ] = $path;
		}
		$this->assertCount( 5, $disk->files() );
		return $paths;
	}
}
