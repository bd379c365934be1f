<?php
/**
 * A batch of Drive thumbnails sent in waves of parallel requests, with the
 * rules of the one-at-a-time path: the same requests, the revision check,
 * vetted links, one token refresh for the requests it refused, backoff for
 * only the requests that were rate limited, redacted errors.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Google;

use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Http\Transport;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Providers\Google\ApiClient;
use CustomerCloudGallery\Providers\Google\Endpoints;
use CustomerCloudGallery\Providers\Google\GoogleError;
use WP_Error;

final class GoogleParallelThumbnailsTest extends GoogleTestCase {

	private const FOLDER = '1ClientsFolderAAAAA';
	private const THUMBS = 'lh3.googleusercontent.com/drive-storage/';

	private FakeDrive $drive;

	protected function setUp(): void {
		parent::setUp();
		$this->store_grant();
		$this->drive = new FakeDrive( $this->google );
		$this->drive->folder( self::FOLDER, 'Clients', FakeDrive::MY_DRIVE );
		for ( $i = 0; $i < 12; $i++ ) {
			$this->photo( $i );
		}
		// Each photo's own bytes, so a swap between photos shows.
		$this->google->on( 'GET ' . self::THUMBS, static fn ( array $request ): array => self::thumbnail_of( $request ) );
	}

	public function test_each_photo_gets_its_own_thumbnail_and_what_cannot_be_shown_is_null(): void {
		$images   = array();
		$expected = array();
		for ( $i = 0; $i < 12; $i++ ) {
			$images[]   = $this->image( $i, 0 === $i % 2 ? 'w640h480' : 'w256h256' );
			$expected[] = 'jpeg:' . self::id( $i ) . '=s' . ( 0 === $i % 2 ? 640 : 256 );
		}
		$images[]   = new ImageRef( 'google', '1GonePhotoAAAAAAAAA', 'r', 'w640h480' );
		$expected[] = null;
		$images[]   = new ImageRef( 'google', self::id( 3 ), 'an-older-revision', 'w640h480' );
		$expected[] = null;
		$this->drive->files[ self::id( 5 ) ]['thumbnailLink'] = 'https://collector.example/steal=s220';
		$expected[5] = null;

		$bytes = $this->module->source()->thumbnails( $images );

		$this->assertSame( $expected, $bytes );
		$gets = $this->google->sent( 'GET ' . self::API . '/drive/v3/files/' );
		$this->assertCount( 14, $gets, 'One files.get per photo.' );
		foreach ( $gets as $get ) {
			$this->assertSame( 'thumbnailLink,hasThumbnail,mimeType,trashed,md5Checksum,thumbnailVersion,modifiedTime', $get['query']['fields'] );
			$this->assertSame( 'true', $get['query']['supportsAllDrives'] );
			$this->assertSame( 'Bearer ' . self::ACCESS_TOKEN, self::bearer( $get ) );
		}
		$downloads = $this->google->sent( 'GET lh3.googleusercontent.com' );
		$this->assertCount( 11, $downloads, 'Never the gone, the changed or the foreign link.' );
		foreach ( $downloads as $download ) {
			$this->assertSame( 'Bearer ' . self::ACCESS_TOKEN, self::bearer( $download ) );
		}
		$this->assertSame( 0, $this->google->count( 'GET collector.example' ) );
	}

	public function test_the_batch_size_is_the_filtered_concurrency_within_one_to_sixteen(): void {
		$source = $this->module->source();
		$this->assertSame( 16, $source->batch_size() );
		foreach ( array( 3 => 3, 40 => 16, 0 => 1, -5 => 1 ) as $filtered => $size ) {
			$this->add_filter( 'ccg_drive_thumbnail_concurrency', static fn (): int => $filtered );
			$this->assertSame( $size, $source->batch_size(), "Filtered to {$filtered}." );
			remove_all_filters( 'ccg_drive_thumbnail_concurrency' );
		}
	}

	public function test_a_refused_token_is_refreshed_once_and_only_the_refused_requests_are_sent_again(): void {
		$this->token_endpoint_refreshes( 'ya29.a0-refreshed' );
		// The token ran out while the wave was on its way: the last three were refused.
		$refused = array( self::id( 9 ), self::id( 10 ), self::id( 11 ) );
		$this->google->on(
			'#^GET www\.googleapis\.com/drive/v3/files/1Photo#',
			function ( array $request ) use ( $refused ): array {
				$id = basename( (string) wp_parse_url( $request['url'], PHP_URL_PATH ) );
				if ( self::ACCESS_TOKEN === substr( self::bearer( $request ), 7 ) && in_array( $id, $refused, true ) ) {
					return FakeGoogle::drive_error( 401, 'authError', 'Invalid Credentials' );
				}
				return FakeGoogle::json( 200, $this->drive->files[ $id ] );
			}
		);
		$images = array();
		for ( $i = 0; $i < 12; $i++ ) {
			$images[] = $this->image( $i, 'w640h480' );
		}

		$bytes = $this->module->source()->thumbnails( $images );

		$this->assertNotContains( null, $bytes );
		$this->assertSame( 'jpeg:' . self::id( 10 ) . '=s640', $bytes[10] );
		$this->assertSame( 1, $this->google->count( 'POST ' . self::TOKEN . '/token' ), 'One refresh for the whole batch.' );
		$gets = $this->google->sent( 'GET ' . self::API . '/drive/v3/files/' );
		$this->assertCount( 12 + 3, $gets );
		$again = array_slice( $gets, 12 );
		$this->assertSame( $refused, array_map( static fn ( array $get ): string => basename( (string) wp_parse_url( $get['url'], PHP_URL_PATH ) ), $again ) );
		foreach ( $again as $get ) {
			$this->assertSame( 'Bearer ya29.a0-refreshed', self::bearer( $get ) );
		}
	}

	public function test_only_the_rate_limited_requests_wait_and_go_again(): void {
		$limited = array( self::id( 1 ) => 1, self::id( 6 ) => 1 );
		$this->google->on(
			'GET ' . self::THUMBS,
			static function ( array $request ) use ( &$limited ): array {
				$id = self::photo_of( $request );
				if ( ( $limited[ $id ] ?? 0 ) > 0 ) {
					--$limited[ $id ];
					return FakeGoogle::bytes( 429, 'Too Many Requests' );
				}
				return self::thumbnail_of( $request );
			}
		);
		$images = array();
		for ( $i = 0; $i < 8; $i++ ) {
			$images[] = $this->image( $i, 'w640h480' );
		}

		$bytes = $this->module->source()->thumbnails( $images );

		$this->assertSame( 'jpeg:' . self::id( 6 ) . '=s640', $bytes[6] );
		$this->assertNotContains( null, $bytes );
		$this->assertSame( 8 + 2, $this->google->count( 'GET lh3.googleusercontent.com' ) );
		$this->assertCount( 1, $this->sleeps, 'One wait for the round, not one per request.' );
		$this->assertSame( 8, $this->google->count( 'GET ' . self::API . '/drive/v3/files/' ), 'The files.get calls are not sent again.' );
	}

	public function test_an_unreachable_thumbnail_host_stops_the_batch(): void {
		// FakeGoogle answers a host it has no route for as a failed connection.
		$this->drive->files[ self::id( 2 ) ]['thumbnailLink'] = 'https://lh4.googleusercontent.com/drive-storage/' . self::id( 2 ) . '=s220';
		$images = array();
		for ( $i = 0; $i < 4; $i++ ) {
			$images[] = $this->image( $i, 'w640h480' );
		}

		try {
			$this->module->source()->thumbnails( $images );
			$this->fail( 'No answer at all stops the batch.' );
		} catch ( GalleryException $exception ) {
			$this->assertSame( GalleryException::UNREACHABLE, $exception->reason );
		}
		$this->assertSame( 1, $this->google->count( 'GET lh4.googleusercontent.com' ), 'A request that waited out its timeout is not sent again.' );
		$this->assertSame( array(), $this->sleeps );
	}

	public function test_failures_are_entries_of_their_own_with_the_token_redacted(): void {
		$this->google->on( 'GET lh3.googleusercontent.com/drive-storage/echo', FakeGoogle::bytes( 418, 'You sent Authorization: Bearer ' . self::ACCESS_TOKEN ) );
		$this->google->on( 'GET lh3.googleusercontent.com/drive-storage/nothing', static fn (): WP_Error => new WP_Error( 'http_request_failed', 'cURL error 7 sending ' . self::ACCESS_TOKEN ) );
		$api = new ApiClient( new Endpoints( 'https://' . self::AUTH, 'https://' . self::TOKEN, 'https://' . self::API ), new Transport( GoogleError::unreachable( ... ) ) );

		$answers = $api->thumbnails_each(
			self::ACCESS_TOKEN,
			array(
				'a' => 'https://' . self::THUMBS . 'echo=s640',
				'b' => 'https://' . self::THUMBS . self::id( 1 ) . '=s640',
				'c' => 'https://' . self::THUMBS . 'nothing=s640',
			)
		);

		$this->assertSame( array( 'a', 'b', 'c' ), array_keys( $answers ) );
		$this->assertSame( 'jpeg:' . self::id( 1 ) . '=s640', $answers['b'] );
		$this->assertInstanceOf( GoogleError::class, $answers['a'] );
		$this->assertSame( GoogleError::UNEXPECTED, $answers['a']->kind );
		$this->assertInstanceOf( GoogleError::class, $answers['c'] );
		$this->assertSame( GoogleError::UNAVAILABLE, $answers['c']->kind );
		$this->assertSame( 0, $answers['c']->http_status );
		foreach ( array( $answers['a'], $answers['c'] ) as $error ) {
			$this->assertStringNotContainsString( self::ACCESS_TOKEN, $error->getMessage() );
			$this->assertStringContainsString( '[redacted]', $error->summary );
		}
	}

	private function photo( int $i ): void {
		$this->drive->add(
			self::id( $i ),
			"photo {$i}.jpg",
			self::FOLDER,
			'image/jpeg',
			'',
			array(
				'md5Checksum'   => 'md5-' . $i,
				'hasThumbnail'  => true,
				'thumbnailLink' => 'https://' . self::THUMBS . self::id( $i ) . '=s220',
			)
		);
	}

	private function image( int $i, string $size ): ImageRef {
		return new ImageRef( 'google', self::id( $i ), 'md5-' . $i, $size );
	}

	private static function id( int $i ): string {
		return sprintf( '1Photo%02dAAAAAAAAAAA', $i );
	}

	/**
	 * @param array{url: string} $request
	 */
	private static function photo_of( array $request ): string {
		return (string) preg_replace( '/=s\d+$/', '', basename( (string) wp_parse_url( $request['url'], PHP_URL_PATH ) ) );
	}

	/**
	 * @param array{url: string} $request
	 *
	 * @return array<string, mixed>
	 */
	private static function thumbnail_of( array $request ): array {
		return FakeGoogle::bytes( 200, 'jpeg:' . basename( (string) wp_parse_url( $request['url'], PHP_URL_PATH ) ), array( 'content-type' => 'image/jpeg' ) );
	}
}
