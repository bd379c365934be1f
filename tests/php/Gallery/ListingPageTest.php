<?php
/**
 * Listing::page(): the photos a gallery shows, ordered and paged from the
 * compact rows.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Gallery\Folder;
use CustomerCloudGallery\Gallery\Listing;
use CustomerCloudGallery\Gallery\Photo;
use CustomerCloudGallery\Gallery\PhotoOrder;
use CustomerCloudGallery\Tests\TestCase;

final class ListingPageTest extends TestCase {

	/**
	 * A Dropbox-shaped listing (rows keyed by path_lower: id, name, rev,
	 * size, modified, taken; the files that are not photos by key).
	 */
	private function listing(): Listing {
		$files  = array(
			'/f/img10.jpg' => array( 'id:10', 'img10.jpg', 'r10', 100, 500, 300 ),
			'/f/img2.jpg'  => array( 'id:2', 'img2.jpg', 'r2', 100, 400, 0 ),
			'/f/img1.png'  => array( 'id:1', 'IMG1.png', 'r1', 100, 500, 200 ),
			'/f/img3.webp' => array( 'id:3', 'img3.webp', 'r3', 100, 300, 100, 1200, 800 ),
		);
		$others = array(
			'/f/notes.pdf'   => true,
			'/f/phone.heic'  => true,
			'/f/master.tiff' => true,
		);
		return new Listing( new Folder( 'id:f', 'f', '/f', '/f' ), array(), $files, '', time(), null, true, $others );
	}

	/**
	 * @param list<Photo> $photos
	 *
	 * @return list<string>
	 */
	private function ids( array $photos ): array {
		return array_map( static fn ( Photo $photo ): string => $photo->id, $photos );
	}

	public function test_counts_and_listing_order_keep_to_the_files_that_can_be_shown(): void {
		$listing = $this->listing();
		$this->assertSame( 4, $listing->photo_count() );
		$this->assertSame( 3, $listing->other_file_count(), 'A PDF, a HEIC and a master over 20 MB.' );
		$this->assertSame( array( 'id:10', 'id:2', 'id:1', 'id:3' ), $listing->photo_ids() );
		$this->assertSame( array( 'id:10', 'id:2', 'id:1', 'id:3' ), $this->ids( $listing->page( 0, 10 ) ) );
		$this->assertSame( array( 'id:2', 'id:1' ), $this->ids( $listing->page( 1, 2 ) ) );
		$this->assertSame( array(), $listing->page( 4, 10 ) );
	}

	public function test_a_photo_carries_its_row(): void {
		$photo = $this->listing()->page( 3, 1 )[0];
		$this->assertEquals( new Photo( 'id:3', 'img3.webp', 'r3', 100, 300, 100, 1200, 800 ), $photo );
		$this->assertSame( array( 1200, 800 ), $photo->dimensions() );
		$this->assertNull( $this->listing()->page( 0, 1 )[0]->dimensions(), 'Unknown until the listing or media info says.' );
	}

	public function test_names_sort_naturally_and_case_insensitively(): void {
		$listing = $this->listing();
		$this->assertSame( array( 'id:1', 'id:2', 'id:3', 'id:10' ), $this->ids( $listing->page( 0, 10, new PhotoOrder( PhotoOrder::NAME ) ) ) );
		$this->assertSame( array( 'id:10', 'id:3', 'id:2', 'id:1' ), $this->ids( $listing->page( 0, 10, new PhotoOrder( PhotoOrder::NAME, true ) ) ) );
		$this->assertSame( array( 'id:3', 'id:10' ), $this->ids( $listing->page( 2, 2, new PhotoOrder( 'anything else' ) ) ) );
	}

	public function test_modified_breaks_ties_by_name(): void {
		$this->assertSame( array( 'id:3', 'id:2', 'id:1', 'id:10' ), $this->ids( $this->listing()->page( 0, 10, new PhotoOrder( PhotoOrder::MODIFIED ) ) ) );
	}

	public function test_taken_uses_media_info_then_the_listing_then_the_modified_date(): void {
		$listing = $this->listing();
		// Taken: id:3 100, id:1 200, id:10 300, id:2 none, so its modified date 400.
		$this->assertSame( array( 'id:3', 'id:1', 'id:10', 'id:2' ), $this->ids( $listing->page( 0, 10, new PhotoOrder( PhotoOrder::TAKEN ) ) ) );

		$media  = array(
			'id:10' => array( 50, 4000, 3000 ),
			'id:3'  => array( 0, 0, 0 ),
		);
		$photos = $listing->page( 0, 10, new PhotoOrder( PhotoOrder::TAKEN, true ), $media );
		$this->assertSame( array( 'id:2', 'id:1', 'id:3', 'id:10' ), $this->ids( $photos ) );
		$this->assertSame( 400, $photos[0]->taken );
		$this->assertSame( 50, $photos[3]->taken );
		$this->assertSame( array( 4000, 3000 ), $photos[3]->dimensions(), 'Media info gives the size.' );
		$this->assertNull( $photos[2]->dimensions(), 'Media info that knows no size overrides the listing, as before.' );
	}

	public function test_a_listing_that_decided_itself_shows_every_row(): void {
		$rows    = array(
			'b' => array( 'b', 'b.heic', 'rb', 1, 2, 3, 30, 20 ),
			'a' => array( 'a', 'a.jpg', 'ra', 1, 2, 3 ),
		);
		$listing = new Listing( new Folder( 'x', 'x', '/x', '/x' ), array(), $rows, '', time(), 5 );
		$this->assertSame( 2, $listing->photo_count() );
		$this->assertSame( 5, $listing->other_file_count() );
		$this->assertSame( array( 'a', 'b' ), $this->ids( $listing->page( 0, 2, new PhotoOrder( PhotoOrder::NAME ) ) ) );
		$this->assertSame( array( 30, 20 ), $listing->page( 0, 1 )[0]->dimensions() );
	}
}
