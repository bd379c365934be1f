<?php
/**
 * Drive folders as the gallery sees them: a virtual top with My Drive and
 * the shared drives, key paths of ids, display paths of names, breadcrumbs.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Google;

use CustomerCloudGallery\Gallery\Folder;
use CustomerCloudGallery\Gallery\GalleryException;

final class GoogleFoldersTest extends GoogleTestCase {

	private const MY       = FakeDrive::MY_DRIVE;
	private const CLIENTS  = FakeDrive::CLIENTS;
	private const SMITH    = FakeDrive::SMITH;
	private const SHARED   = FakeDrive::SHARED;
	private const WEDDINGS = FakeDrive::WEDDINGS;

	private FakeDrive $drive;

	protected function setUp(): void {
		parent::setUp();
		$this->drive = $this->studio_drive()
			->add( '1APhotoNotAFolderAA', 'beach.jpg', self::SMITH, 'image/jpeg' )
			->add( '1TrashedFolderAAAAA', 'Old', self::CLIENTS, FakeDrive::FOLDER, '', array( 'trashed' => true ) );
	}

	public function test_the_top_is_virtual_with_my_drive_and_every_shared_drive(): void {
		$this->drive->drives_page_size = 1;
		$this->drive->shared_drive( '0AArchiveDriveAAAAA', 'Archive' );
		$source = $this->module->source();

		$root    = $source->root();
		$listing = $source->list( $root );

		$this->assertEquals( new Folder( '', 'Google Drive', '/', '' ), $root );
		$this->assertTrue( $root->is_root() );
		$this->assertEquals(
			array(
				new Folder( '0AArchiveDriveAAAAA', 'Archive', '/Archive', '/0AArchiveDriveAAAAA' ),
				new Folder( self::MY, 'My Drive', '/My Drive', '/' . self::MY ),
				new Folder( self::SHARED, 'Studio Shared', '/Studio Shared', '/' . self::SHARED ),
			),
			$listing->subfolders()
		);
		$this->assertSame( array(), $listing->photos() );
		$this->assertSame( 0, $listing->other_file_count() );
		$drives = $this->google->sent_to( 'GET ' . self::API . '/drive/v3/drives' );
		$this->assertCount( 2, $drives, 'Shared drives are paged.' );
		$this->assertSame( 'nextPageToken,drives(id,name)', $drives[0]['query']['fields'] );
		$this->assertSame( '100', $drives[0]['query']['pageSize'] );
		$this->assertSame( '1', $drives[1]['query']['pageToken'] );
	}

	public function test_a_folder_in_my_drive_gets_id_and_name_paths(): void {
		$folder = $this->module->source()->folder( self::SMITH );

		$this->assertEquals( new Folder( self::SMITH, 'Smith', '/My Drive/Clients/Smith', '/' . self::MY . '/' . self::CLIENTS . '/' . self::SMITH ), $folder );
		$get = $this->google->sent( 'GET ' . self::API . '/drive/v3/files/' . self::SMITH )[0];
		$this->assertSame( 'id,name,mimeType,parents,driveId,trashed', $get['query']['fields'] );
		$this->assertSame( 'true', $get['query']['supportsAllDrives'] );
		$this->assertTrue( $folder->is_within( new Folder( self::CLIENTS, 'Clients', '/My Drive/Clients', '/' . self::MY . '/' . self::CLIENTS ) ) );
	}

	public function test_ancestors_are_cached_so_the_next_walk_is_one_call(): void {
		$source = $this->module->source();
		$source->folder( self::SMITH );
		$calls = count( $this->google->requests );

		$again = $source->folder( self::SMITH );

		$this->assertSame( '/My Drive/Clients/Smith', $again->path );
		$this->assertSame( 1, count( $this->google->requests ) - $calls, 'Only the folder itself is read again.' );
	}

	public function test_a_folder_in_a_shared_drive_is_placed_under_the_drive_by_name(): void {
		$folder = $this->module->source()->folder( self::WEDDINGS );

		$this->assertEquals( new Folder( self::WEDDINGS, 'Weddings', '/Studio Shared/Weddings', '/' . self::SHARED . '/' . self::WEDDINGS ), $folder );
		$this->assertSame( 1, $this->google->count( 'GET ' . self::API . '/drive/v3/drives/' . self::SHARED ), 'The drive root is named after the drive.' );
	}

	public function test_the_top_folders_resolve_to_themselves(): void {
		$source = $this->module->source();

		$this->assertEquals( new Folder( self::MY, 'My Drive', '/My Drive', '/' . self::MY ), $source->folder( self::MY ) );
		$this->assertEquals( new Folder( self::SHARED, 'Studio Shared', '/Studio Shared', '/' . self::SHARED ), $source->folder( self::SHARED ) );
		$this->assertEquals( $source->root(), $source->folder( '' ) );
	}

	/**
	 * @dataProvider not_folders
	 */
	public function test_files_trashed_folders_and_unknown_ids_are_not_found( string $id ): void {
		try {
			$this->module->source()->folder( $id );
			$this->fail( "{$id} is not a folder galleries can use." );
		} catch ( GalleryException $exception ) {
			$this->assertSame( GalleryException::FOLDER_NOT_FOUND, $exception->reason );
			$this->assertSame( 404, $exception->http_status );
			$this->assertStringContainsString( 'Google Drive', $exception->getMessage() );
		}
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

	public function test_a_parent_out_of_reach_makes_its_child_a_top(): void {
		$this->drive->folder( '1SharedWithMeAAAAAA', 'From a client', '1SomeoneElsesAAAAAA' );

		$folder = $this->module->source()->folder( '1SharedWithMeAAAAAA' );

		$this->assertSame( '/From a client', $folder->path );
		$this->assertSame( '/1SharedWithMeAAAAAA', $folder->path_lower );
	}

	public function test_a_loop_in_parents_ends_the_walk(): void {
		$this->drive->folder( '1LoopAAAAAAAAAAAAAA', 'A', '1LoopBBBBBBBBBBBBBB' )->folder( '1LoopBBBBBBBBBBBBBB', 'B', '1LoopAAAAAAAAAAAAAA' );

		$folder = $this->module->source()->folder( '1LoopAAAAAAAAAAAAAA' );

		$this->assertSame( '/B/A', $folder->path );
		$this->assertLessThan( 10, count( $this->google->requests ) );
	}

	public function test_breadcrumbs_between_a_boundary_and_a_folder(): void {
		$source = $this->module->source();
		$smith  = $source->folder( self::SMITH );

		$from_top = $source->ancestors( $source->root(), $smith );
		$this->assertEquals(
			array(
				new Folder( self::MY, 'My Drive', '/My Drive', '/' . self::MY ),
				new Folder( self::CLIENTS, 'Clients', '/My Drive/Clients', '/' . self::MY . '/' . self::CLIENTS ),
			),
			$from_top
		);
		$clients = $from_top[1];
		$this->assertSame( array(), $source->ancestors( $clients, $smith ) );
		$this->assertSame( array(), $source->ancestors( $smith, $smith ) );
		$this->assertEquals( array( $from_top[1] ), $source->ancestors( $from_top[0], $smith ) );
	}

	public function test_a_breadcrumb_that_cannot_be_resolved_shows_an_ellipsis(): void {
		$source = $this->module->source();
		$this->google->on( '#^GET www\.googleapis\.com/drive/v3/files/#', FakeGoogle::drive_error( 500, 'backendError', 'Backend Error' ) );
		$folder = new Folder( '1DeepFolderAAAAAAAA', 'Deep', '/My Drive/Gone/Deep', '/' . self::MY . '/1GoneFolderAAAAAAAA/1DeepFolderAAAAAAAA' );

		$ancestors = $source->ancestors( $source->root(), $folder );

		$this->assertCount( 2, $ancestors );
		$this->assertSame( '…', $ancestors[1]->name );
		$this->assertSame( '1GoneFolderAAAAAAAA', $ancestors[1]->id );
		$this->assertSame( '/' . self::MY . '/1GoneFolderAAAAAAAA', $ancestors[1]->path_lower );
	}

	public function test_references_have_the_shape_of_drive_ids(): void {
		$source = $this->module->source();

		$this->assertTrue( $source->accepts_reference( '' ) );
		$this->assertTrue( $source->accepts_reference( self::SMITH ) );
		$this->assertTrue( $source->accepts_reference( '1a-B_c2d3e4' ) );
		$this->assertTrue( $source->accepts_reference( 'root' ), 'My Drive\'s alias, its id where a Drive will not resolve it.' );
		$this->assertFalse( $source->accepts_reference( 'abc' ), 'Too short for a Drive id.' );
		$this->assertFalse( $source->accepts_reference( 'id:abcdefghijk' ) );
		$this->assertFalse( $source->accepts_reference( '1Smith/../Folder' ) );
		$this->assertFalse( $source->accepts_reference( str_repeat( 'a', 201 ) ) );
	}
}
