<?php
/**
 * Drive thumbnails: a fresh thumbnailLink from a files.get that also checks
 * the token's revision, resized by its suffix, fetched with the Bearer
 * header from allowed hosts only.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Google;

use CustomerCloudGallery\Gallery\Folder;
use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Providers\Google\DriveThumbnails;

final class GoogleThumbnailsTest extends GoogleTestCase {

	private const PHOTO = '1BeachPhotoAAAAAAAA';
	private const LINK  = 'https://lh3.googleusercontent.com/drive-storage/AJQWtBbeach=s220';
	private const JPEG  = "\xFF\xD8\xFF\xE0fake-jpeg";

	private FakeDrive $drive;

	protected function setUp(): void {
		parent::setUp();
		$this->store_grant();
		$this->drive = new FakeDrive( $this->google );
		$this->drive->folder( '1ClientsFolderAAAAA', 'Clients', FakeDrive::MY_DRIVE )
			->add(
				self::PHOTO,
				'beach.jpg',
				'1ClientsFolderAAAAA',
				'image/jpeg',
				'',
				array(
					'md5Checksum'   => 'a1',
					'hasThumbnail'  => true,
					'thumbnailLink' => self::LINK,
				)
			);
		$this->google->on( 'GET lh3.googleusercontent.com/drive-storage/', FakeGoogle::bytes( 200, self::JPEG, array( 'content-type' => 'image/jpeg' ) ) );
	}

	public function test_the_link_is_resized_and_fetched_with_the_bearer_token(): void {
		$bytes = $this->module->source()->thumbnail( $this->image( 'w640h480' ) );

		$this->assertSame( self::JPEG, $bytes );
		$get = $this->google->sent( 'GET ' . self::API . '/drive/v3/files/' . self::PHOTO )[0];
		$this->assertSame( 'thumbnailLink,hasThumbnail,mimeType,trashed,md5Checksum,thumbnailVersion,modifiedTime', $get['query']['fields'] );
		$this->assertSame( 'true', $get['query']['supportsAllDrives'] );
		$fetch = $this->google->sent( 'GET lh3.googleusercontent.com' );
		$this->assertCount( 1, $fetch );
		$this->assertSame( 'https://lh3.googleusercontent.com/drive-storage/AJQWtBbeach=s640', $fetch[0]['url'] );
		$this->assertSame( 'Bearer ' . self::ACCESS_TOKEN, self::bearer( $fetch[0] ) );
	}

	public function test_size_suffixes(): void {
		$this->assertSame( 'https://lh3.googleusercontent.com/x=s2048', DriveThumbnails::sized( 'https://lh3.googleusercontent.com/x=s220', 2048 ) );
		$this->assertSame( 'https://lh3.googleusercontent.com/x=s256', DriveThumbnails::sized( 'https://lh3.googleusercontent.com/x=s220-c', 256 ) );
		$this->assertSame( 'https://lh3.googleusercontent.com/x', DriveThumbnails::sized( 'https://lh3.googleusercontent.com/x', 256 ), 'No suffix: used as is.' );
	}

	public function test_a_listed_link_is_never_used_without_checking_the_revision(): void {
		$source = $this->module->source();
		$source->list( $source->folder( '1ClientsFolderAAAAA' ) );
		$before = $this->google->count( 'GET ' . self::API . '/drive/v3/files/' . self::PHOTO );

		$this->assertSame( self::JPEG, $source->thumbnail( $this->image( 'w2048h1536' ) ) );

		$this->assertSame( $before + 1, $this->google->count( 'GET ' . self::API . '/drive/v3/files/' . self::PHOTO ), 'One files.get: the link and the revision in one call.' );
		$this->assertCount( 1, $this->google->sent( 'GET lh3.googleusercontent.com' ) );
	}

	/**
	 * @dataProvider changed
	 *
	 * @param array<string, mixed> $change
	 */
	public function test_a_photo_changed_since_the_token_is_not_found_and_its_link_never_fetched( array $change ): void {
		$this->drive->files[ self::PHOTO ] = array_merge( $this->drive->files[ self::PHOTO ], $change );

		try {
			$this->module->source()->thumbnail( $this->image( 'w640h480' ) );
			$this->fail( 'A new revision under an old token is not found.' );
		} catch ( GalleryException $exception ) {
			$this->assertSame( GalleryException::FOLDER_NOT_FOUND, $exception->reason );
		}
		$this->assertSame( 0, $this->google->count( 'GET lh3.googleusercontent.com' ) );
		$this->assertSame( 1, $this->google->count( 'GET ' . self::API . '/drive/v3/files/' . self::PHOTO ) );
	}

	/**
	 * @return array<string, array{array<string, mixed>}>
	 */
	public static function changed(): array {
		return array(
			'new checksum'                   => array( array( 'md5Checksum' => 'b2' ) ),
			'no checksum, a thumbnail version' => array(
				array(
					'md5Checksum'      => '',
					'thumbnailVersion' => '8',
				),
			),
		);
	}

	public function test_a_token_of_a_file_without_checksum_matches_its_thumbnail_version(): void {
		$this->drive->files[ self::PHOTO ] = array_merge(
			$this->drive->files[ self::PHOTO ],
			array(
				'md5Checksum'      => '',
				'thumbnailVersion' => '8',
			)
		);

		$this->assertSame( self::JPEG, $this->module->source()->thumbnail( new ImageRef( 'google', self::PHOTO, '8', 'w640h480' ) ) );
	}

	/**
	 * @dataProvider gone
	 *
	 * @param array<string, mixed> $change
	 */
	public function test_a_photo_without_a_thumbnail_is_not_found( array $change ): void {
		$this->drive->files[ self::PHOTO ] = array_merge( $this->drive->files[ self::PHOTO ], $change );

		try {
			$this->module->source()->thumbnail( $this->image( 'w640h480' ) );
			$this->fail( 'A photo that cannot be rendered is not found.' );
		} catch ( GalleryException $exception ) {
			$this->assertSame( GalleryException::FOLDER_NOT_FOUND, $exception->reason );
		}
		$this->assertSame( 0, $this->google->count( 'GET lh3.googleusercontent.com' ) );
	}

	/**
	 * @return array<string, array{array<string, mixed>}>
	 */
	public static function gone(): array {
		return array(
			'no link'      => array( array( 'thumbnailLink' => '' ) ),
			'trashed'      => array( array( 'trashed' => true ) ),
			'no thumbnail' => array( array( 'hasThumbnail' => false ) ),
			'not an image' => array( array( 'mimeType' => 'application/pdf' ) ),
		);
	}

	public function test_a_deleted_photo_is_not_found(): void {
		unset( $this->drive->files[ self::PHOTO ] );

		$this->expectExceptionObject( GalleryException::not_found( 'Google Drive' ) );
		$this->module->source()->thumbnail( $this->image( 'w640h480' ) );
	}

	public function test_a_link_the_thumbnail_host_refuses_is_not_found(): void {
		$this->google->on( 'GET lh3.googleusercontent.com/drive-storage/', FakeGoogle::bytes( 404, 'Not Found' ) );

		try {
			$this->module->source()->thumbnail( $this->image( 'w640h480' ) );
			$this->fail( 'A 404 from the thumbnail host is a placeholder.' );
		} catch ( GalleryException $exception ) {
			$this->assertSame( GalleryException::FOLDER_NOT_FOUND, $exception->reason );
		}
	}

	public function test_links_to_other_hosts_never_receive_the_token(): void {
		$this->drive->files[ self::PHOTO ]['thumbnailLink'] = 'https://collector.example/steal=s220';
		$this->google->on( 'GET collector.example', FakeGoogle::bytes( 200, self::JPEG ) );

		try {
			$this->module->source()->thumbnail( $this->image( 'w640h480' ) );
			$this->fail( 'Only googleusercontent.com gets the Bearer token.' );
		} catch ( GalleryException $exception ) {
			$this->assertSame( GalleryException::FOLDER_NOT_FOUND, $exception->reason );
		}
		$this->assertSame( 0, $this->google->count( 'GET collector.example' ) );

		$this->drive->files[ self::PHOTO ]['thumbnailLink'] = 'http://lh3.googleusercontent.com/drive-storage/plain=s220';
		try {
			$this->module->source()->thumbnail( $this->image( 'w640h480' ) );
			$this->fail( 'Nor over plain HTTP.' );
		} catch ( GalleryException $exception ) {
			$this->assertSame( GalleryException::FOLDER_NOT_FOUND, $exception->reason );
		}
		$this->assertSame( 0, $this->google->count( 'GET lh3.googleusercontent.com' ) );
	}

	public function test_with_a_stand_in_api_the_stand_ins_links_are_followed(): void {
		$this->module = $this->module( true );

		$this->drive->files[ self::PHOTO ]['thumbnailLink'] = 'http://localhost:8960/drive-storage/sandbox=s220';
		$this->google->on( 'GET localhost:8960/drive-storage/', FakeGoogle::bytes( 200, self::JPEG, array( 'content-type' => 'image/jpeg' ) ) );

		$this->assertSame( self::JPEG, $this->module->source()->thumbnail( $this->image( 'w256h256' ) ) );
		$this->assertSame( 'http://localhost:8960/drive-storage/sandbox=s256', $this->google->sent( 'GET localhost:8960' )[0]['url'] );
	}

	public function test_a_batch_skips_what_is_gone(): void {
		$images = array( $this->image( 'w640h480' ), new ImageRef( 'google', '1GonePhotoAAAAAAAAA', 'r', 'w640h480' ), $this->image( 'w256h256' ) );

		$bytes = $this->module->source()->thumbnails( $images );

		$this->assertSame( array( 0 => self::JPEG, 1 => null, 2 => self::JPEG ), $bytes );
		$this->assertSame( 16, $this->module->source()->batch_size(), 'As many as are fetched at once.' );
		$this->assertSame( 0, $this->module->source()->learn_media( '/x', array() ) );
	}

	public function test_a_batch_stops_at_a_rate_limit_the_backoff_could_not_wait_out(): void {
		$images = array();
		for ( $i = 0; $i < 3; $i++ ) {
			$images[] = $this->image( 'w640h480' );
		}
		$this->google->on(
			'GET lh3.googleusercontent.com/drive-storage/',
			array(
				FakeGoogle::bytes( 200, self::JPEG, array( 'content-type' => 'image/jpeg' ) ),
				FakeGoogle::bytes( 429, 'Too Many Requests' ),
			)
		);

		try {
			$this->module->source()->thumbnails( $images );
			$this->fail( 'A rate limit stops the batch.' );
		} catch ( GalleryException $exception ) {
			$this->assertSame( GalleryException::RATE_LIMITED, $exception->reason );
			$this->assertGreaterThan( 0, $exception->retry_after );
		}
		$this->assertSame( 3 + 2 * 3, $this->google->count( 'GET lh3.googleusercontent.com' ), 'All three at once, then three rounds of retries of the two refused ones.' );
		$this->assertCount( 3, $this->sleeps, 'One wait per round, not per photo.' );
	}

	private function image( string $size ): ImageRef {
		return new ImageRef( 'google', self::PHOTO, 'a1', $size );
	}
}
