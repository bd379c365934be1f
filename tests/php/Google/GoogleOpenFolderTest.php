<?php
/**
 * A Drive gallery's first view opens its folder: the climb that the
 * folder's path needs goes out alongside the listing's pages.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Google;

use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Gallery\Listing;
use CustomerCloudGallery\Gallery\ListingBudget;

final class GoogleOpenFolderTest extends GoogleTestCase {

	private const MY      = FakeDrive::MY_DRIVE;
	private const CLIENTS = FakeDrive::CLIENTS;
	private const SMITH   = FakeDrive::SMITH;
	private const YEAR    = '1Smith2026AAAAAAAAA';
	private const SHARED  = FakeDrive::SHARED;
	private const WEDDING = FakeDrive::WEDDINGS;

	private FakeDrive $drive;

	protected function setUp(): void {
		parent::setUp();
		$this->drive = $this->studio_drive()
			->folder( self::YEAR, '2026', self::SMITH )
			->folder( '1SmithAlbumAAAAAAAA', 'Album', self::YEAR );
	}

	public function test_the_climb_to_the_folders_path_costs_no_round_trips_while_there_are_pages(): void {
		$this->photos( self::YEAR, 2500 );
		$source = $this->module->source();

		$opened = $source->open( self::YEAR );

		$this->assertSame( '/My Drive/Clients/Smith/2026', $opened->folder->path );
		$this->assertSame( '/' . implode( '/', array( self::MY, self::CLIENTS, self::SMITH, self::YEAR ) ), $opened->folder->path_lower );
		$this->assertTrue( $opened->complete );
		$this->assertCount( 2500, $opened->photos() );
		$this->assertSame( array( '/My Drive/Clients/Smith/2026/Album' ), array_column( $opened->folders, 2 ) );

		$rounds = $this->rounds();
		$this->assertSame( array( $this->get_url( self::YEAR ) ), $rounds[0], 'First the folder alone: a file or a trashed folder is never listed.' );
		$pages = array_values( array_filter( $rounds, fn ( array $round ): bool => array() !== array_filter( $round, array( $this, 'is_list' ) ) ) );
		$this->assertCount( 3, $pages, 'Pages of 1,000.' );
		foreach ( array( self::SMITH, self::CLIENTS, self::MY ) as $i => $ancestor ) {
			$this->assertContains( $this->get_url( $ancestor ), $pages[ $i ], "Page {$i} went out with the climb's next step." );
		}
		$this->assertLessThanOrEqual( 5, count( $rounds ), 'The folder, three pages (and at most the My Drive alias), not 1 + 3 + 3 one after another.' );

		// The same listing as the folder's path, then its pages, one by one.
		$listed = $source->list( $source->folder( self::YEAR ) );
		$this->assertEquals( $listed->folder, $opened->folder );
		$this->assertSame( $listed->folders, $opened->folders );
		$this->assertSame( $listed->files, $opened->files );
		$this->assertSame( $listed->other_file_count(), $opened->other_file_count() );
	}

	public function test_a_climb_longer_than_the_pages_goes_on_after_them(): void {
		$this->photos( self::YEAR, 3 );

		$opened = $this->module->source()->open( self::YEAR );

		$this->assertSame( '/My Drive/Clients/Smith/2026', $opened->folder->path );
		$this->assertCount( 3, $opened->photos() );
		$this->assertCount( 1, array_filter( $this->google->requests, fn ( array $request ): bool => $this->is_list( $request['url'] ) ), 'One page.' );
		$this->assertSame( 1, $this->google->count( 'GET ' . self::API . '/drive/v3/files/' . self::MY ), 'The rest of the climb after it, each ancestor once.' );
	}

	public function test_a_shared_drive_folder_opens_in_its_drive_corpus(): void {
		$this->photos( self::WEDDING, 2, self::SHARED );

		$opened = $this->module->source()->open( self::WEDDING );

		$this->assertSame( '/Studio Shared/Weddings', $opened->folder->path );
		$this->assertCount( 2, $opened->photos() );
		$list = array_values( array_filter( $this->google->requests, fn ( array $request ): bool => $this->is_list( $request['url'] ) ) );
		$this->assertSame( 'drive', $list[0]['query']['corpora'] );
		$this->assertSame( self::SHARED, $list[0]['query']['driveId'] );
	}

	public function test_a_parent_out_of_reach_ends_the_climb_and_the_listing_goes_on(): void {
		$this->drive->folder( '1SharedWithMeAAAAAA', 'From a client', '1SomeoneElsesAAAAAA' );
		$this->photos( '1SharedWithMeAAAAAA', 1500 );

		$opened = $this->module->source()->open( '1SharedWithMeAAAAAA' );

		$this->assertSame( '/From a client', $opened->folder->path );
		$this->assertTrue( $opened->complete );
		$this->assertCount( 1500, $opened->photos() );
	}

	/**
	 * @dataProvider not_folders
	 */
	public function test_what_is_not_a_folder_does_not_open_and_is_not_listed( string $id ): void {
		$this->drive->add( '1APhotoNotAFolderAA', 'photo.jpg', self::CLIENTS, 'image/jpeg' );
		$this->drive->folder( '1TrashedFolderAAAAA', 'Old', self::CLIENTS );
		$this->drive->files['1TrashedFolderAAAAA']['trashed'] = true;
		try {
			$this->module->source()->open( $id );
			$this->fail( "{$id} is not a folder galleries can use." );
		} catch ( GalleryException $exception ) {
			$this->assertSame( GalleryException::FOLDER_NOT_FOUND, $exception->reason );
		}
		$this->assertSame( array(), array_filter( $this->google->requests, fn ( array $request ): bool => $this->is_list( $request['url'] ) ), 'Nothing listed.' );
	}

	/**
	 * @return array<string, array{string}>
	 */
	public static function not_folders(): array {
		return array(
			'a photo'          => array( '1APhotoNotAFolderAA' ),
			'a trashed folder' => array( '1TrashedFolderAAAAA' ),
			'an unknown id'    => array( '1NoSuchFolderAAAAAA' ),
		);
	}

	public function test_a_spent_budget_still_opens_with_the_first_page_and_the_whole_path(): void {
		$this->photos( self::YEAR, 2500 );

		$opened = $this->module->source()->open( self::YEAR, ListingBudget::seconds( 0 ) );

		$this->assertFalse( $opened->complete );
		$this->assertCount( 999, $opened->photos(), 'The first 1,000 files: the Album subfolder (folders come first) and 999 photos.' );
		$this->assertCount( 1, $opened->folders );
		$this->assertSame( '1000', $opened->cursor );
		$this->assertSame( '/My Drive/Clients/Smith/2026', $opened->folder->path, 'The path is whole even when the pages pause.' );
		$this->assertInstanceOf( Listing::class, Listing::from_array( $opened->to_array() ) );
	}

	private function photos( string $folder, int $count, string $drive = '' ): void {
		for ( $i = 0; $i < $count; $i++ ) {
			$this->drive->add( sprintf( '1P%s%08dA', substr( md5( $folder ), 0, 8 ), $i ), sprintf( 'IMG_%04d.jpg', $i ), $folder, 'image/jpeg', $drive, array( 'md5Checksum' => md5( $folder . $i ) ) );
		}
	}

	/**
	 * The round trips in the order they went out: each the URLs sent together.
	 *
	 * @return list<list<string>>
	 */
	private function rounds(): array {
		$rounds = array();
		foreach ( $this->google->requests as $request ) {
			// Those of one request_all() come one after another with the same round.
			if ( end( $rounds ) !== $request['round'] || 1 === count( $request['round'] ) ) {
				$rounds[] = $request['round'];
			}
		}
		return $rounds;
	}

	private function get_url( string $id ): string {
		foreach ( $this->google->requests as $request ) {
			if ( str_contains( $request['url'], '/drive/v3/files/' . $id . '?' ) ) {
				return $request['url'];
			}
		}
		$this->fail( "No files.get of {$id}." );
	}

	public function is_list( string $url ): bool {
		return 1 === preg_match( '#/drive/v3/files\?#', $url );
	}
}
