<?php
/**
 * Listing a Drive folder: the query, the rows, what counts as a photo,
 * shared drives, and 5,000 photos in five calls and bounded memory.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Google;

use CustomerCloudGallery\Gallery\Folder;
use CustomerCloudGallery\Gallery\Listing;
use CustomerCloudGallery\Gallery\ListingBudget;

final class GoogleListingTest extends GoogleTestCase {

	private const MY       = FakeDrive::MY_DRIVE;
	private const CLIENTS  = FakeDrive::CLIENTS;
	private const SHARED   = FakeDrive::SHARED;
	private const WEDDINGS = FakeDrive::WEDDINGS;

	private FakeDrive $drive;

	protected function setUp(): void {
		parent::setUp();
		$this->drive = $this->studio_drive();
	}

	public function test_a_listing_keeps_photos_and_subfolders_and_counts_the_rest(): void {
		$this->drive->folder( '1SmithFolderAAAAAAA', 'Smith', self::CLIENTS )
			->add(
				'1BeachPhotoAAAAAAAA',
				'beach.jpg',
				self::CLIENTS,
				'image/jpeg',
				'',
				array(
					'size'               => '2483921',
					'md5Checksum'        => 'a1b2c3d4e5f6',
					'thumbnailVersion'   => '7',
					'modifiedTime'       => '2023-07-15T09:12:44.123Z',
					'createdTime'        => '2023-07-15T09:00:00.000Z',
					'hasThumbnail'       => true,
					'thumbnailLink'      => 'https://lh3.googleusercontent.com/drive-storage/beach=s220',
					'imageMediaMetadata' => array(
						'width'    => 4032,
						'height'   => 3024,
						'time'     => '2023:07:14 18:22:05',
						'rotation' => 1,
					),
				)
			)
			->add(
				'1DiagramPngAAAAAAAA',
				'diagram.png',
				self::CLIENTS,
				'image/png',
				'',
				array(
					'size'             => '1000',
					'thumbnailVersion' => '3',
					'modifiedTime'     => '2024-01-02T03:04:05.000Z',
					'createdTime'      => '2024-01-01T00:00:00.000Z',
					'hasThumbnail'     => true,
				)
			)
			->add( '1RawNoThumbnailAAAA', 'raw.cr3', self::CLIENTS, 'image/x-canon-cr3', '', array( 'hasThumbnail' => false ) )
			->add( '1ContractDocAAAAAAA', 'Contract', self::CLIENTS, 'application/vnd.google-apps.document' )
			->add( '1InvoicePdfAAAAAAAA', 'invoice.pdf', self::CLIENTS, 'application/pdf' )
			->add( '1ShortcutAAAAAAAAAA', 'Shortcut to beach', self::CLIENTS, 'application/vnd.google-apps.shortcut', '', array( 'shortcutDetails' => array( 'targetId' => '1BeachPhotoAAAAAAAA' ) ) )
			->add( '1TrashedPhotoAAAAAA', 'deleted.jpg', self::CLIENTS, 'image/jpeg', '', array( 'trashed' => true ) );
		$clients = $this->module->source()->folder( self::CLIENTS );

		$listing = $this->module->source()->list( $clients );

		$request = $this->list_requests()[0];
		$this->assertSame( "'" . self::CLIENTS . "' in parents and trashed = false", $request['query']['q'] );
		$this->assertSame( 'nextPageToken,files(id,name,mimeType,size,md5Checksum,modifiedTime,createdTime,hasThumbnail,thumbnailVersion,imageMediaMetadata(width,height,time,rotation),shortcutDetails)', $request['query']['fields'] );
		$this->assertSame( '1000', $request['query']['pageSize'] );
		$this->assertSame( 'folder,name_natural', $request['query']['orderBy'] );
		$this->assertSame( 'true', $request['query']['supportsAllDrives'] );
		$this->assertSame( 'true', $request['query']['includeItemsFromAllDrives'] );
		$this->assertArrayNotHasKey( 'corpora', $request['query'], 'My Drive is the default corpus.' );

		$this->assertSame(
			array( '/' . self::MY . '/' . self::CLIENTS . '/1SmithFolderAAAAAAA' => array( '1SmithFolderAAAAAAA', 'Smith', '/My Drive/Clients/Smith' ) ),
			$listing->folders
		);
		$taken = ( new \DateTimeImmutable( '2023-07-14 18:22:05', wp_timezone() ) )->getTimestamp();
		$this->assertSame(
			array(
				'1BeachPhotoAAAAAAAA' => array( '1BeachPhotoAAAAAAAA', 'beach.jpg', 'a1b2c3d4e5f6', 2483921, strtotime( '2023-07-15T09:12:44Z' ), $taken, 3024, 4032 ),
				'1DiagramPngAAAAAAAA' => array( '1DiagramPngAAAAAAAA', 'diagram.png', '3', 1000, strtotime( '2024-01-02T03:04:05Z' ), strtotime( '2024-01-01T00:00:00Z' ), 0, 0 ),
			),
			$listing->files,
			'Rows keyed by id; turned a quarter, so width and height swap; no EXIF date falls back to createdTime.'
		);
		$this->assertSame( $listing->files, $listing->photos() );
		$this->assertSame( 4, $listing->other_file_count(), 'RAW without thumbnail, a Doc, a PDF and a shortcut.' );
		$this->assertSame( '', $listing->cursor );

		$stored = Listing::from_array( $listing->to_array() );
		$this->assertSame( 4, $stored?->other_file_count(), 'The count survives the cache.' );
	}

	public function test_a_shared_drive_folder_is_listed_in_the_drive_corpus(): void {
		$this->drive->add( '1VowsPhotoAAAAAAAAA', 'vows.jpg', self::WEDDINGS, 'image/jpeg', self::SHARED, array( 'md5Checksum' => 'ff' ) );
		$source = $this->module->source();

		$listing = $source->list( $source->folder( self::WEDDINGS ) );

		$query = $this->list_requests()[0]['query'];
		$this->assertSame( 'drive', $query['corpora'] );
		$this->assertSame( self::SHARED, $query['driveId'] );
		$this->assertSame( array( '1VowsPhotoAAAAAAAAA' ), array_keys( $listing->photos() ) );
	}

	public function test_refresh_lists_again_from_fresh_folder_metadata(): void {
		$source  = $this->module->source();
		$listing = $source->list( $source->folder( self::CLIENTS ) );
		$this->drive->add( '1NewPhotoAAAAAAAAAA', 'new.jpg', self::CLIENTS, 'image/jpeg', '', array( 'md5Checksum' => 'ee' ) );
		$this->drive->files[ self::CLIENTS ]['name'] = 'Clients 2024';

		$fresh = $source->refresh( $listing );

		$this->assertSame( '/My Drive/Clients 2024', $fresh->folder->path );
		$this->assertArrayHasKey( '1NewPhotoAAAAAAAAAA', $fresh->photos() );
	}

	public function test_refreshing_the_top_lists_the_drives_again(): void {
		$source = $this->module->source();
		$top    = $source->list( $source->root() );
		$this->drive->shared_drive( '0ANewDriveAAAAAAAAA', 'New Drive' );

		$this->assertCount( count( $top->folders ) + 1, $source->refresh( $top )->folders );
	}

	public function test_five_thousand_photos_are_five_calls_in_bounded_memory(): void {
		$this->drive->folder( '1BigFolderAAAAAAAAA', 'Big', self::MY );
		for ( $i = 0; $i < 5000; $i++ ) {
			$this->drive->add(
				sprintf( '1Photo%013dA', $i ),
				sprintf( 'IMG_%04d.jpg', $i ),
				'1BigFolderAAAAAAAAA',
				'image/jpeg',
				'',
				array(
					'size'               => '4000000',
					'md5Checksum'        => md5( (string) $i ),
					'modifiedTime'       => '2024-05-01T10:00:00.000Z',
					'createdTime'        => '2024-05-01T10:00:00.000Z',
					'hasThumbnail'       => true,
					'thumbnailLink'      => 'https://lh3.googleusercontent.com/drive-storage/' . str_repeat( 'x', 120 ) . $i . '=s220',
					'imageMediaMetadata' => array(
						'width'  => 6000,
						'height' => 4000,
						'time'   => '2024:05:01 09:59:00',
					),
				)
			);
		}
		$source = $this->module->source();
		$folder = $source->folder( '1BigFolderAAAAAAAAA' );

		$before = memory_get_usage();
		memory_reset_peak_usage();
		$listing = $source->list( $folder );
		$peak    = memory_get_peak_usage() - $before;

		$this->assertCount( 5000, $listing->photos() );
		$this->assertCount( 5, $this->list_requests(), 'Pages of 1,000.' );
		// Measured at about 7 MB, the fake's own JSON pages included.
		$this->assertLessThan( 24 * 1024 * 1024, $peak, 'A 5,000-photo listing must not need objects per photo.' );
	}

	public function test_a_listing_longer_than_its_budget_pauses_with_its_page_token_and_continues_from_it(): void {
		$this->drive->folder( '1PagedFolderAAAAAAA', 'Paged', self::MY );
		for ( $i = 0; $i < 2500; $i++ ) {
			$this->drive->add( sprintf( '1Paged%013dA', $i ), sprintf( 'IMG_%04d.jpg', $i ), '1PagedFolderAAAAAAA', 'image/jpeg', '', array( 'md5Checksum' => md5( (string) $i ) ) );
		}
		$source = $this->module->source();
		$folder = $source->folder( '1PagedFolderAAAAAAA' );

		// A spent budget still fetches one page, then pauses.
		$first = $source->list( $folder, ListingBudget::seconds( 0 ) );
		$this->assertFalse( $first->complete );
		$this->assertCount( 1000, $first->photos() );
		$this->assertSame( '1000', $first->cursor, 'The page token to continue from.' );

		$second = $source->refresh( $first, ListingBudget::seconds( 0 ) );
		$this->assertFalse( $second->complete );
		$this->assertCount( 2000, $second->photos() );
		$this->assertSame( '1000', $this->list_requests()[1]['query']['pageToken'] );

		$done = $source->refresh( $second, ListingBudget::seconds( 0 ) );
		$this->assertTrue( $done->complete );
		$this->assertSame( '', $done->cursor );
		$this->assertCount( 2500, $done->photos() );
		$this->assertCount( 3, $this->list_requests(), 'Continued, never started again.' );
		foreach ( $this->list_requests() as $request ) {
			$this->assertSame( $this->list_requests()[0]['query']['q'], $request['query']['q'], 'The same query on every page.' );
		}
	}

	public function test_a_page_token_drive_refuses_starts_the_folder_again(): void {
		$this->drive->add( '1VowsPhotoAAAAAAAAA', 'vows.jpg', self::CLIENTS, 'image/jpeg', '', array( 'md5Checksum' => 'ff' ) );
		$source  = $this->module->source();
		$folder  = $source->folder( self::CLIENTS );
		$partial = new Listing( $folder, array(), array( '1GhostAAAAAAAAAAAAA' => array( '1GhostAAAAAAAAAAAAA', 'ghost.jpg', 'aa', 1, 1, 1 ) ), 'not-a-token', time(), 0, false );

		$listing = $source->refresh( $partial );

		$this->assertTrue( $listing->complete );
		$this->assertSame( array( '1VowsPhotoAAAAAAAAA' ), array_keys( $listing->photos() ), 'What was held under the refused token is dropped.' );
	}

	public function test_a_pagination_that_never_ends_is_paused_by_the_budget(): void {
		$this->google->on( '#^GET www\.googleapis\.com/drive/v3/files$#', FakeGoogle::json( 200, array( 'files' => array(), 'nextPageToken' => 'again' ) ) );
		$source = $this->module->source();

		$listing = $source->list( new Folder( self::CLIENTS, 'Clients', '/My Drive/Clients', '/' . self::MY . '/' . self::CLIENTS ), ListingBudget::seconds( 0.2 ) );

		$this->assertFalse( $listing->complete, 'Never presented as complete.' );
		$this->assertSame( 'again', $listing->cursor );
		$this->assertGreaterThan( 0, count( $this->list_requests() ) );
	}

	/**
	 * @return list<array<string, mixed>>
	 */
	private function list_requests(): array {
		return $this->google->sent_to( 'GET ' . self::API . '/drive/v3/files' );
	}
}
