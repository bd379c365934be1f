<?php
/**
 * A folder that takes hundreds of pages is listed to the end in the
 * background, never cut short, and never shown as final before it is.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Gallery\FolderListings;
use CustomerCloudGallery\Gallery\Listing;
use CustomerCloudGallery\Gallery\Photo;
use CustomerCloudGallery\Tests\GalleryTestCase;

final class BigListingTest extends GalleryTestCase {

	/** Dropbox documents list_folder's `limit` as approximate: the sandbox answers at most this many entries a page. */
	private const PAGE_ENTRIES = 7;

	private int $post_id = 0;

	private int $default_page_entries = 0;

	protected function setUp(): void {
		parent::setUp();
		$this->default_page_entries = $this->sandbox->max_page_entries();
		$this->sandbox->set_max_page_entries( self::PAGE_ENTRIES );
		$this->assertSame( self::PAGE_ENTRIES, $this->sandbox->max_page_entries(), 'The sandbox must support the page cap.' );
		// Short budgets, so the chain of background runs is exercised many times.
		$this->add_filter( 'ccg_listing_budget_seconds', static fn ( float $seconds, string $context ): float => 'request' === $context ? 0.2 : 0.5 );
	}

	protected function tearDown(): void {
		$this->sandbox->set_max_page_entries( max( 1, $this->default_page_entries ) );
		if ( $this->post_id > 0 ) {
			wp_delete_post( $this->post_id, true );
		}
		unset( $_GET['ccg-page-1'], $_GET['ccg-order-1'] );
		parent::tearDown();
	}

	public function test_after_publishing_the_count_and_the_gallery_reach_every_photo_and_nothing_smaller_is_final(): void {
		$id    = $this->id_of( $this->paths['scale5000'] );
		$names = $this->photo_names_on_disk( $this->paths['scale5000'] );
		$this->assertCount( 5000, $names );

		// The editor chooses the folder: one request's worth of pages.
		$first = $this->count_of( $id );
		$this->assertFalse( $first['complete'], 'Thousands of 7-entry pages do not fit in one request.' );
		$this->assertGreaterThan( 0, $first['photoCount'] );
		$this->assertLessThan( 5000, $first['photoCount'] );
		$this->assertNotFalse( wp_next_scheduled( FolderListings::REFRESH_HOOK, array( 'dropbox', $id ) ), 'The rest continues in the background.' );

		$this->publish( $id );
		do_action( 'ccg_warm_gallery', $this->post_id );

		$last = $first['photoCount'];
		$runs = $this->run_listing_in_background(
			$id,
			'dropbox',
			function () use ( &$last, $id ): void {
				$count = $this->count_of( $id );
				$this->assertGreaterThanOrEqual( $last, $count['photoCount'], 'The count never goes down.' );
				$last = $count['photoCount'];
				if ( ! $count['complete'] ) {
					$this->assertLessThan( 5000, $count['photoCount'] );
					$html = $this->visit();
					$this->assertStringContainsString( 'More photos are still being added to this gallery.', $html, 'A partial gallery says so.' );
				}
			}
		);
		$this->assertGreaterThan( 1, $runs, 'Continued over several runs, each scheduling the next.' );

		$final = $this->count_of( $id );
		$this->assertTrue( $final['complete'] );
		$this->assertSame( 5000, $final['photoCount'] );

		$listing = $this->services()->listing_store()->get( 'dropbox', $id );
		$this->assertInstanceOf( Listing::class, $listing );
		$this->assert_every_photo_once( $names, $listing );

		// A visitor now pages through all of them, in name order, with no note.
		$alts = array();
		for ( $page = 1; $page <= 25; $page++ ) {
			$html = $this->visit( $page );
			$this->assertStringNotContainsString( 'still being added', $html );
			$alts = array_merge( $alts, $this->alts( $html ) );
		}
		$this->assertSame( $names, $alts );
	}

	public function test_a_visitor_paging_while_photos_arrive_sees_each_once_and_pages_never_change(): void {
		$id    = $this->id_of( $this->paths['scale5000'] );
		$names = $this->photo_names_on_disk( $this->paths['scale5000'] );
		$this->publish( $id, 100 );

		$seen  = array();
		$page  = 1;
		$steps = 0;
		while ( true ) {
			$this->assertLessThan( 2000, ++$steps );
			$html = $this->visit( $page, $page > 1 );
			$alts = $this->alts( $html );
			if ( isset( $seen[ $page ] ) ) {
				$this->assertSame( $seen[ $page ], array_slice( $alts, 0, count( $seen[ $page ] ) ), "Page {$page} only ever grows at its end." );
			}
			$seen[ $page ] = $alts;
			$counting      = str_contains( $html, 'still being added' );
			$next          = $this->next_link( $html );
			if ( null !== $next ) {
				$this->assertCount( 100, $alts, 'Load more only follows a full page.' );
				$this->assertSame( (string) ( $page + 1 ), $next['ccg-page-1'] ?? null );
				$this->assertSame( 'listed', $next['ccg-order-1'] ?? null, 'The visitor keeps the order they started in.' );
				++$page;
			} elseif ( ! $counting ) {
				break;
			}
			// Time passes: one background run.
			$this->run_listing_in_background( $id, 'dropbox', null, 1 );
		}

		$all = array_merge( ...array_values( $seen ) );
		$this->assertCount( 5000, $all );
		$this->assertSame( $names, $this->sorted( $all ), 'Every photo exactly once, across all the pages the visitor loaded.' );

		// A visitor arriving now gets the block's order.
		$this->assertSame( array_slice( $names, 0, 100 ), $this->alts( $this->visit() ) );
	}

	public function test_a_cursor_dropbox_no_longer_accepts_starts_the_listing_again_cleanly(): void {
		$id = $this->id_of( $this->paths['scale5000'] );
		$this->assertFalse( $this->count_of( $id )['complete'] );

		// What is held was listed under a cursor Dropbox now refuses, so none of it can be trusted.
		$store   = $this->services()->listing_store();
		$partial = $store->get( 'dropbox', $id );
		$this->assertInstanceOf( Listing::class, $partial );
		$files = $partial->files + array( '/scale/5000 photos/ghost.jpg' => array( 'id:ghost', 'ghost.jpg', '0123456789', 10, 1, 1 ) );
		$store->put( 'dropbox', $id, new Listing( $partial->folder, $partial->folders, $files, 'AAbm90LWEtY3Vyc29y.c2lnbmF0dXJl', time(), null, false ) );
		$this->sandbox->reset_request_counts();

		$this->run_listing_in_background( $id );

		$this->assertSame( 1, $this->sandbox->requests( 'files/list_folder' ), 'Listed again from the start, once.' );
		$listing = $store->get( 'dropbox', $id );
		$this->assertInstanceOf( Listing::class, $listing );
		$this->assertTrue( $listing->complete );
		$this->assert_every_photo_once( $this->photo_names_on_disk( $this->paths['scale5000'] ), $listing );
	}

	public function test_a_big_folder_of_folders_and_photos_is_complete_in_the_tree_too(): void {
		$id   = $this->id_of( $this->paths['scaleBig'] );
		$data = $this->count_of( $id );
		$this->assertFalse( $data['complete'] );
		$this->run_listing_in_background( $id );

		$data = $this->folders( 'admin', array( 'folder' => $id ) )->get_data();
		$this->assertTrue( $data['complete'] );
		$this->assertSame( 5000, $data['photoCount'] );
		$this->assertCount( 200, $data['folders'] );
	}

	/**
	 * @return array{photoCount: int, complete: bool}
	 */
	private function count_of( string $id ): array {
		$response = $this->folders( 'admin', array( 'folder' => $id ) );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = $response->get_data();
		wp_set_current_user( 0 );
		return array(
			'photoCount' => $data['photoCount'],
			'complete'   => $data['complete'],
		);
	}

	private function publish( string $id, int $per_page = 200 ): void {
		$this->post_id = (int) wp_insert_post(
			array(
				'post_title'   => 'Big gallery',
				'post_author'  => $this->user( 'admin' )->ID,
				'post_status'  => 'publish',
				'post_content' => serialize_block(
					array(
						'blockName'    => 'customer-cloud-gallery/gallery',
						'attrs'        => array(
							'provider'   => 'dropbox',
							'folderId'   => $id,
							'folderPath' => $this->paths['scale5000'],
							'perPage'    => $per_page,
							'lightbox'   => false,
						),
						'innerBlocks'  => array(),
						'innerHTML'    => '',
						'innerContent' => array(),
					)
				),
			)
		);
		$this->assertGreaterThan( 0, $this->post_id );
	}

	/**
	 * The published post's gallery as a logged-out visitor gets it.
	 */
	private function visit( int $page = 0, bool $listed = false ): string {
		unset( $_GET['ccg-page-1'], $_GET['ccg-order-1'] );
		if ( $page > 0 ) {
			$_GET['ccg-page-1'] = (string) $page;
		}
		if ( $listed ) {
			$_GET['ccg-order-1'] = 'listed';
		}
		wp_set_current_user( 0 );
		return $this->render_content( get_post( $this->post_id )->post_content, $this->post_id );
	}

	/**
	 * @return list<string>
	 */
	private function alts( string $html ): array {
		return preg_match_all( '/<img [^>]*alt="([^"]*)"/', $html, $matches ) ? $matches[1] : array();
	}

	/**
	 * @return array<string, string>|null The Load more link's query arguments.
	 */
	private function next_link( string $html ): ?array {
		if ( ! preg_match( '/class="ccg-gallery__load-more" href="([^"]+)"/', $html, $match ) ) {
			return null;
		}
		parse_str( (string) wp_parse_url( html_entity_decode( $match[1] ), PHP_URL_QUERY ), $query );
		return $query;
	}

	/**
	 * @return list<string> File names without extension, in natural order.
	 */
	private function photo_names_on_disk( string $path ): array {
		$names = array_map( static fn ( string $file ): string => pathinfo( $file, PATHINFO_FILENAME ), glob( $this->sandbox->library_dir() . $path . '/*.jpg' ) ?: array() );
		return $this->sorted( $names );
	}

	/**
	 * @param list<string> $names
	 *
	 * @return list<string>
	 */
	private function sorted( array $names ): array {
		usort( $names, 'strnatcasecmp' );
		return $names;
	}

	/**
	 * @param list<string> $names
	 */
	private function assert_every_photo_once( array $names, Listing $listing ): void {
		$photos = $listing->page( 0, $listing->photo_count() );
		$ids    = array_map( static fn ( Photo $photo ): string => $photo->id, $photos );
		$this->assertCount( count( $ids ), array_unique( $ids ), 'No photo twice.' );
		$this->assertSame( $names, $this->sorted( array_map( static fn ( Photo $photo ): string => pathinfo( $photo->name, PATHINFO_FILENAME ), $photos ) ), 'None missing, none extra.' );
	}
}
