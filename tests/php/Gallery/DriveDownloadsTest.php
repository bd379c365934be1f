<?php
/**
 * Downloads from a Google Drive gallery: alt=media with Range, and a web size.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Downloads\DownloadRef;
use CustomerCloudGallery\Tests\GalleryTestCase;
use CustomerCloudGallery\Tests\Support\Http;
use ZipArchive;

final class DriveDownloadsTest extends GalleryTestCase {

	/** @var array{clientId: string, clientSecret: string, name: string} */
	private array $client;

	protected function setUp(): void {
		parent::setUp();
		$this->client = $this->register_google_client( 'PHPUnit Drive downloads' );
		$this->connect_google_as_admin( $this->client );
		wp_set_current_user( 0 );
	}

	protected function tearDown(): void {
		if ( isset( $this->client ) ) {
			$this->sandbox->delete_google_client( $this->client['clientId'] );
		}
		parent::tearDown();
	}

	/**
	 * My Drive / Portfolio / Nature, as the folder tree shows it.
	 */
	private function nature(): string {
		$answer = $this->folders( 'admin', array( 'provider' => 'google' ) )->get_data();
		foreach ( array( 'My Drive', 'Portfolio', 'Nature' ) as $name ) {
			$found = array_values( array_filter( $answer['folders'], static fn ( array $folder ): bool => $name === $folder['name'] ) );
			$this->assertNotEmpty( $found, $name );
			$id     = $found[0]['id'];
			$answer = $this->folders(
				'admin',
				array(
					'provider' => 'google',
					'folder'   => $id,
				)
			)->get_data();
		}
		wp_set_current_user( 0 );
		return $id;
	}

	public function test_an_original_streams_from_alt_media_and_resumes_with_range(): void {
		$key   = $this->nature();
		$photo = $this->services()->folder_listings()->for_render( 'google', $key )->page( 0, 1 )[0];
		$bytes = (string) file_get_contents( $this->sandbox->library_dir() . '/Portfolio/Nature/' . $photo->name );
		$url   = $this->services()->download_links()->url( DownloadRef::photo( 'google', $key, $photo->id, $photo->revision, 'original', time() + HOUR_IN_SECONDS, 0 ) );
		$this->sandbox->reset_request_counts();

		$whole = Http::request( 'GET', $url );
		$this->assertSame( 200, $whole['status'] );
		$this->assertSame( md5( $bytes ), md5( $whole['body'] ) );
		$part = Http::request( 'GET', $url, array( 'Range' => 'bytes=-500' ) );
		$this->assertSame( 206, $part['status'] );
		$this->assertSame( substr( $bytes, -500 ), $part['body'] );
		$this->assertSame( 'bytes ' . ( strlen( $bytes ) - 500 ) . '-' . ( strlen( $bytes ) - 1 ) . '/' . strlen( $bytes ), $part['headers']['content-range'] );
	}

	public function test_download_all_at_a_web_size_is_a_zip_of_jpegs_no_larger_than_the_size(): void {
		$key    = $this->nature();
		$photos = $this->services()->folder_listings()->for_render( 'google', $key )->page( 0, 100 );
		$answer = Http::request( 'GET', $this->services()->download_links()->url( DownloadRef::all( 'google', $key, '1024', time() + HOUR_IN_SECONDS, 0 ) ) );
		$this->assertSame( 200, $answer['status'] );
		$file = (string) tempnam( sys_get_temp_dir(), 'ccg-drive-zip' );
		file_put_contents( $file, $answer['body'] );
		try {
			$zip = new ZipArchive();
			$this->assertTrue( $zip->open( $file, ZipArchive::CHECKCONS ) );
			$this->assertSame( count( $photos ), $zip->numFiles );
			for ( $i = 0; $i < $zip->numFiles; $i++ ) {
				$this->assertStringEndsWith( '.jpg', (string) $zip->getNameIndex( $i ) );
				$size = getimagesizefromstring( (string) $zip->getFromIndex( $i ) );
				$this->assertIsArray( $size, (string) $zip->getNameIndex( $i ) );
				$this->assertLessThanOrEqual( 1024, max( $size[0], $size[1] ) );
			}
			$zip->close();
		} finally {
			unlink( $file );
		}
	}
}
