<?php
/**
 * Downloads: signed expiring URLs, single photos with Range, "Download all" as a ZIP.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Downloads\DownloadRef;
use CustomerCloudGallery\Downloads\DownloadToken;
use CustomerCloudGallery\Downloads\ZipNames;
use CustomerCloudGallery\Downloads\ZipWriter;
use CustomerCloudGallery\Gallery\Photo;
use CustomerCloudGallery\Http\StreamingTransport;
use CustomerCloudGallery\Http\StreamSink;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Images\ImageToken;
use CustomerCloudGallery\Providers\Dropbox\DropboxError;
use CustomerCloudGallery\Providers\Dropbox\Endpoints;
use CustomerCloudGallery\Storage\EncryptionKey;
use CustomerCloudGallery\Tests\GalleryTestCase;
use CustomerCloudGallery\Tests\Support\Http;
use ZipArchive;

final class DownloadsTest extends GalleryTestCase {

	/** @var list<callable(): void> */
	private array $undo = array();

	protected function setUp(): void {
		parent::setUp();
		$this->mu_plugin( $this->client_from_header() );
	}

	protected function tearDown(): void {
		foreach ( array_reverse( $this->undo ) as $undo ) {
			$undo();
		}
		$this->undo = array();
		parent::tearDown();
	}

	/**
	 * @return list<Photo>
	 */
	private function photos( string $key ): array {
		return $this->services()->folder_listings()->for_render( 'dropbox', $key )->page( 0, 1000 );
	}

	private function url( DownloadRef $download ): string {
		return $this->services()->download_links()->url( $download );
	}

	private function photo_url( string $key, Photo $photo, string $size = 'original', ?int $expires = null, int $post = 0 ): string {
		return $this->url( DownloadRef::photo( 'dropbox', $key, $photo->id, $photo->revision, $size, $expires ?? time() + HOUR_IN_SECONDS, $post ) );
	}

	/**
	 * Each request as its own client, so the tests never share an allowance.
	 *
	 * @param array<string, string> $headers
	 *
	 * @return array{status: int, headers: array<string, string>, body: string}
	 */
	private function get( string $url, array $headers = array(), string $client = '' ): array {
		return Http::request( 'GET', $url, $headers + array( 'X-Ccg-Test-Client' => '' === $client ? '198.51.100.' . wp_rand( 1, 254 ) : $client ) );
	}

	/**
	 * A must-use plugin on the site under test, removed when the test ends.
	 */
	private function mu_plugin( string $code ): void {
		$file = rtrim( (string) getenv( 'CCG_WP_PATH' ), '/' ) . '/wp-content/mu-plugins/ccg-phpunit-downloads.php';
		file_put_contents( $file, "<?php\n" . $code );
		$this->undo[] = static function () use ( $file ): void {
			if ( file_exists( $file ) ) {
				unlink( $file );
			}
		};
	}

	private function client_from_header(): string {
		return "add_filter( 'ccg_image_client_ip', static fn ( \$ip ) => isset( \$_SERVER['HTTP_X_CCG_TEST_CLIENT'] ) ? (string) \$_SERVER['HTTP_X_CCG_TEST_CLIENT'] : \$ip );\n";
	}

	public function test_a_token_opens_only_as_sealed_and_never_as_an_image_token(): void {
		$tokens   = new DownloadToken( new EncryptionKey() );
		$download = DownloadRef::photo( 'dropbox', 'id:folder', 'id:abc', '0123456789a', '2048', 1900000000, 42 );
		$token    = $tokens->sign( $download );
		$this->assertEquals( $download, $tokens->verify( $token ) );
		$this->assertSame( $token, $tokens->sign( $download ), 'The same download is the same URL (byte-stable pages).' );

		$flipped = $token;
		$flipped[5] = 'A' === $flipped[5] ? 'B' : 'A';
		$this->assertNull( $tokens->verify( $flipped ) );
		$this->assertNull( $tokens->verify( 'x.y' ) );
		$image = ( new ImageToken( new EncryptionKey() ) )->sign( new ImageRef( 'dropbox', 'id:abc', '0123456789a', 'w640h480' ) );
		$this->assertNull( $tokens->verify( $image ), 'An image URL is no download URL.' );
		$this->assertStringNotContainsString( 'abc', $token );
	}

	public function test_the_expiry_is_bucketed_by_the_hour_and_clamped(): void {
		$lifetime = new \CustomerCloudGallery\Downloads\DownloadLifetime();
		$hour     = 1900000800 - 1900000800 % HOUR_IN_SECONDS;
		$this->assertSame( $lifetime->expires( $hour + 5 ), $lifetime->expires( $hour + 3599 ) );
		$this->assertSame( $hour + HOUR_IN_SECONDS + 6 * HOUR_IN_SECONDS, $lifetime->expires( $hour + 5 ) );
		$this->add_filter( 'ccg_download_lifetime_hours', static fn (): int => 1000 );
		$this->assertSame( 48, $lifetime->hours() );
		$this->add_filter( 'ccg_download_lifetime_hours', static fn (): int => 0, 20 );
		$this->assertSame( 1, $lifetime->hours() );
	}

	public function test_the_page_has_download_links_only_when_the_block_allows_them(): void {
		$key     = $this->ceremony();
		$block   = array(
			'provider'   => 'dropbox',
			'folderId'   => $key,
			'folderPath' => $this->paths['ceremony'],
		);
		$content = static fn ( array $attributes ): string => '<!-- wp:customer-cloud-gallery/gallery ' . wp_json_encode( $attributes ) . ' /-->';

		$off = $this->render_content( $content( $block ) );
		$this->assertStringContainsString( 'ccg-gallery__grid', $off );
		$this->assertStringNotContainsString( 'ccg_download', $off );

		$on    = $this->render_content( $content( $block + array( 'downloads' => true ) ) );
		$again = $this->render_content( $content( $block + array( 'downloads' => true ) ) );
		$this->assertSame( 6, substr_count( $on, 'class="ccg-gallery__download"' ) );
		$this->assertSame( 1, substr_count( $on, 'ccg-gallery__download-all-link' ) );
		$this->assertStringContainsString( 'Download all photos (ZIP)', $on );
		$this->assertSame( $on, $again, 'Two views in the same hour are the same bytes.' );
		$this->assertDoesNotMatchRegularExpression( '#dropbox(api)?\.com|localhost:\d+/2/|content\.|rev:|id:#i', $on );

		$single = $this->render_content( $content( $block + array( 'downloads' => true, 'downloadAll' => false ) ) );
		$this->assertStringNotContainsString( 'ccg-gallery__download-all-link', $single );
	}

	public function test_a_photo_streams_whole_and_resumes_with_range(): void {
		$key   = $this->ceremony();
		$photo = $this->photos( $key )[0];
		$bytes = (string) file_get_contents( $this->sandbox->library_dir() . $this->paths['ceremony'] . '/' . $photo->name );
		$url   = $this->photo_url( $key, $photo );

		$whole = $this->get( $url );
		$this->assertSame( 200, $whole['status'] );
		$this->assertSame( md5( $bytes ), md5( $whole['body'] ) );
		$this->assertSame( 'image/jpeg', $whole['headers']['content-type'] );
		$this->assertSame( 'bytes', $whole['headers']['accept-ranges'] );
		$this->assertStringStartsWith( 'attachment;', $whole['headers']['content-disposition'] );
		$this->assertSame( (string) strlen( $bytes ), $whole['headers']['content-length'] );

		$part = $this->get( $url, array( 'Range' => 'bytes=1000-' ) );
		$this->assertSame( 206, $part['status'] );
		$this->assertSame( 'bytes 1000-' . ( strlen( $bytes ) - 1 ) . '/' . strlen( $bytes ), $part['headers']['content-range'] );
		$this->assertSame( substr( $bytes, 1000 ), $part['body'] );

		$this->assertSame( 416, $this->get( $url, array( 'Range' => 'bytes=' . ( strlen( $bytes ) + 10 ) . '-' ) )['status'] );
	}

	public function test_a_web_size_is_the_thumbnail_route_as_a_jpeg(): void {
		$key   = $this->ceremony();
		$photo = $this->photos( $key )[0];
		$this->sandbox->reset_request_counts();
		$web = $this->get( $this->photo_url( $key, $photo, '1024' ) );
		$this->assertSame( 200, $web['status'] );
		$this->assertSame( 'image/jpeg', $web['headers']['content-type'] );
		$size = getimagesizefromstring( $web['body'] );
		$this->assertIsArray( $size );
		$this->assertLessThanOrEqual( 1024, max( $size[0], $size[1] ) );
		$this->assertSame( 1, $this->sandbox->request_counts()['files/get_thumbnail_v2'] ?? 0 );
		$this->assertArrayNotHasKey( 'files/download', $this->sandbox->request_counts() );
	}

	public function test_an_expired_link_is_a_410_page_back_to_the_gallery(): void {
		$key   = $this->ceremony();
		$photo = $this->photos( $key )[0];
		$post  = (int) wp_insert_post(
			array(
				'post_title'  => 'Expired downloads',
				'post_status' => 'publish',
				'post_author' => $this->user( 'admin' )->ID,
			)
		);
		$this->undo[] = static fn () => wp_delete_post( $post, true );
		$this->sandbox->reset_request_counts();

		$expired = $this->get( $this->photo_url( $key, $photo, 'original', time() - 1, $post ) );
		$this->assertSame( 410, $expired['status'] );
		$this->assertStringContainsString( 'expired', $expired['body'] );
		$this->assertStringContainsString( 'href="' . esc_url( (string) get_permalink( $post ) ) . '"', $expired['body'] );
		$this->assertSame( 0, $this->dropbox_calls() );
	}

	public function test_a_tampered_link_is_a_neutral_403_with_no_provider_call(): void {
		$key   = $this->ceremony();
		$url   = $this->photo_url( $key, $this->photos( $key )[0] );
		$this->sandbox->reset_request_counts();
		$forged = preg_replace_callback( '/ccg_download=(.)/', static fn ( array $m ): string => 'ccg_download=' . ( 'A' === $m[1] ? 'B' : 'A' ), $url );
		$answer = $this->get( (string) $forged );
		$this->assertSame( 403, $answer['status'] );
		$this->assertStringContainsString( 'not valid', $answer['body'] );
		$this->assertSame( 0, $this->dropbox_calls() );
	}

	public function test_a_photo_removed_from_the_cloud_is_gone(): void {
		$path = '/Downloads ' . wp_generate_password( 6, false, false );
		$dir  = $this->sandbox->library_dir() . $path;
		$this->assertTrue( mkdir( $dir ) );
		$this->undo[] = static function () use ( $dir ): void {
			array_map( 'unlink', glob( $dir . '/*' ) ?: array() );
			rmdir( $dir );
		};
		$source = $this->sandbox->library_dir() . $this->paths['ceremony'];
		$files  = array_slice( glob( $source . '/*.jpg' ) ?: array(), 0, 2 );
		foreach ( $files as $file ) {
			copy( $file, $dir . '/' . basename( $file ) );
		}
		$key    = $this->id_of( $path );
		$photos = $this->photos( $key );
		$this->assertCount( 2, $photos );
		$url = $this->photo_url( $key, $photos[0] );
		$this->assertSame( 200, $this->get( $url )['status'] );

		unlink( $dir . '/' . $photos[0]->name );
		do_action( \CustomerCloudGallery\Gallery\FolderListings::REFRESH_HOOK, 'dropbox', $key );
		$this->assertCount( 1, $this->photos( $key ) );
		$this->sandbox->reset_request_counts();
		$gone = $this->get( $url );
		$this->assertSame( 404, $gone['status'] );
		$this->assertArrayNotHasKey( 'files/download', $this->sandbox->request_counts() );
	}

	public function test_download_all_is_a_valid_zip_of_the_folder(): void {
		$key    = $this->ceremony();
		$photos = $this->photos( $key );
		$answer = $this->get( $this->url( DownloadRef::all( 'dropbox', $key, 'original', time() + HOUR_IN_SECONDS, 0 ) ) );
		$this->assertSame( 200, $answer['status'] );
		$this->assertSame( 'application/zip', $answer['headers']['content-type'] );
		$this->assertStringContainsString( 'Ceremony.zip', $answer['headers']['content-disposition'] );

		$file = (string) tempnam( sys_get_temp_dir(), 'ccg-zip' );
		$this->undo[] = static fn () => unlink( $file );
		file_put_contents( $file, $answer['body'] );
		$zip = new ZipArchive();
		$this->assertTrue( $zip->open( $file, ZipArchive::CHECKCONS ) );
		$this->assertSame( count( $photos ), $zip->numFiles );
		$names = new ZipNames();
		foreach ( $photos as $index => $photo ) {
			$stat = $zip->statIndex( $index );
			$this->assertSame( $names->unique( $photo->name ), $stat['name'] );
			$this->assertSame( ZipArchive::CM_STORE, $stat['comp_method'] );
			$bytes = (string) file_get_contents( $this->sandbox->library_dir() . $this->paths['ceremony'] . '/' . $photo->name );
			$this->assertSame( md5( $bytes ), md5( (string) $zip->getFromIndex( $index ) ), $photo->name );
		}
		$zip->close();
		exec( 'unzip -t ' . escapeshellarg( $file ) . ' 2>&1', $output, $code );
		$this->assertSame( 0, $code, implode( "\n", $output ) );
	}

	public function test_zip64_records_are_read_by_zip_archive_and_unzip(): void {
		$file = (string) tempnam( sys_get_temp_dir(), 'ccg-zip64' );
		$this->undo[] = static fn () => unlink( $file );
		$out = fopen( $file, 'wb' );
		// A threshold of 100 bytes makes every size and offset past it use the ZIP64 records.
		$zip = new ZipWriter( static function ( string $bytes ) use ( $out ): void {
			fwrite( $out, $bytes );
		}, 100 );
		$contents = array();
		for ( $i = 0; $i < 4; $i++ ) {
			$name              = "photo {$i}.jpg";
			$contents[ $name ] = str_repeat( chr( 65 + $i ), 150 + $i );
			$zip->begin( $name, 0 === $i ? 150 : 0, 1700000000 );
			foreach ( str_split( $contents[ $name ], 64 ) as $chunk ) {
				$zip->write( $chunk );
			}
			$zip->end();
		}
		$zip->finish();
		fclose( $out );
		$this->assertStringContainsString( pack( 'V', 0x06064b50 ), (string) file_get_contents( $file ), 'The ZIP64 end record.' );

		$archive = new ZipArchive();
		$this->assertTrue( $archive->open( $file, ZipArchive::CHECKCONS ) );
		foreach ( $contents as $name => $bytes ) {
			$this->assertSame( $bytes, $archive->getFromName( $name ) );
		}
		$archive->close();
		exec( 'unzip -t ' . escapeshellarg( $file ) . ' 2>&1', $output, $code );
		$this->assertSame( 0, $code, implode( "\n", $output ) );
	}

	public function test_zip_entry_names_are_safe_and_distinct(): void {
		$names = new ZipNames();
		$this->assertSame( 'passwd', $names->unique( '../../etc/passwd' ) );
		$this->assertSame( 'evil.jpg', $names->unique( '..\\..\\evil.jpg' ) );
		$this->assertSame( 'beep.jpg', $names->unique( "be\x07e\x1bp.jpg" ) );
		$this->assertSame( 'photo', $names->unique( '..' ) );
		$this->assertSame( 'IMG_1.jpg', $names->unique( 'IMG_1.jpg' ) );
		$this->assertSame( 'img_1 (2).JPG', $names->unique( 'img_1.JPG' ) );
		$this->assertSame( 'IMG_1 (3).jpg', $names->unique( 'IMG_1.jpg' ) );
		$this->assertSame( '_script_.jpg', $names->unique( '<script>.jpg' ) );
		foreach ( array( '../../etc/passwd', '..\\..\\evil.jpg', "be\x07e\x1bp.jpg", '..' ) as $hostile ) {
			$safe = ZipNames::safe( $hostile );
			$this->assertDoesNotMatchRegularExpression( '#[/\\\\\x00-\x1f]|\.\.#', $safe );
		}
	}

	public function test_a_client_past_its_allowance_gets_429_with_retry_after(): void {
		$this->mu_plugin( $this->client_from_header() . "add_filter( 'ccg_download_requests_per_minute', static fn () => 2 );\n" );
		$key    = $this->ceremony();
		$url    = $this->photo_url( $key, $this->photos( $key )[0], '1024' );
		$client = '203.0.113.' . wp_rand( 1, 254 );
		// Near the end of a minute the window would turn over mid-test.
		if ( time() % MINUTE_IN_SECONDS > 50 ) {
			sleep( MINUTE_IN_SECONDS - time() % MINUTE_IN_SECONDS + 1 );
		}
		$this->assertSame( 200, $this->get( $url, array(), $client )['status'] );
		$this->assertSame( 200, $this->get( $url, array(), $client )['status'] );
		$this->sandbox->reset_request_counts();
		$refused = $this->get( $url, array(), $client );
		$this->assertSame( 429, $refused['status'] );
		$this->assertGreaterThanOrEqual( 1, (int) $refused['headers']['retry-after'] );
		$this->assertLessThanOrEqual( 60, (int) $refused['headers']['retry-after'] );
		$this->assertSame( 0, $this->dropbox_calls() );
		$this->assertSame( 200, $this->get( $url, array(), '203.0.113.255' )['status'], 'Another client is not held back.' );
	}

	public function test_a_sink_that_stops_ends_the_transfer_without_a_second_request(): void {
		$key   = $this->ceremony();
		$photo = $this->photos( $key )[0];
		$sink  = new class() implements StreamSink {
			public int $opened = 0;
			public int $bytes  = 0;
			public function open( int $status, array $headers ): bool {
				++$this->opened;
				return 200 === $status;
			}
			public function write( string $bytes ): bool {
				$this->bytes += strlen( $bytes );
				return false;
			}
		};
		$this->sandbox->reset_request_counts();
		$token    = $this->stored_grant()->access_token;
		$response = ( new StreamingTransport( DropboxError::unreachable( ... ) ) )->stream(
			'POST',
			Endpoints::from_constants()->content( 'files/download' ),
			array(
				'Authorization'   => 'Bearer ' . $token,
				'Dropbox-API-Arg' => (string) wp_json_encode( array( 'path' => 'rev:' . $photo->revision ) ),
				'Content-Type'    => '',
			),
			null,
			$sink,
			array( $token )
		);
		$this->assertSame( 200, $response->status );
		$this->assertSame( 1, $sink->opened );
		$this->assertGreaterThan( 0, $sink->bytes );
		$this->assertLessThan( $photo->size, $sink->bytes, 'The transfer stopped before the end.' );
		$this->assertSame( 1, $this->sandbox->request_counts()['files/download'] ?? 0, 'Stopping is not a write error that Requests would send again.' );
	}
}
