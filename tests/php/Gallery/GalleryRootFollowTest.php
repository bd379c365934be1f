<?php
/**
 * Issue #14: front-end requests never write options. A renamed gallery
 * folder is followed by administrators' requests and WP-Cron only.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Gallery\Folder;
use CustomerCloudGallery\Gallery\GalleryRoot;
use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Tests\GalleryTestCase;

final class GalleryRootFollowTest extends GalleryTestCase {

	private const RENAMED = '/Clients/Smith Wedding 2026/Ceremony (renamed)';

	private int $root_writes = 0;

	private string $library;

	protected function setUp(): void {
		parent::setUp();
		$this->library = $this->sandbox->library_dir();
		$this->set_root( $this->paths['ceremony'] );
		$this->add_filter(
			'pre_update_option_' . Keys::GALLERY_ROOT,
			function ( mixed $value ): mixed {
				++$this->root_writes;
				return $value;
			}
		);
	}

	protected function tearDown(): void {
		if ( is_dir( $this->library . self::RENAMED ) ) {
			rename( $this->library . self::RENAMED, $this->library . $this->paths['ceremony'] );
		}
		parent::tearDown();
	}

	public function test_a_page_view_after_a_rename_writes_no_option_and_cron_follows(): void {
		$id = $this->stored_root()->id;
		$this->rename_ceremony();

		$this->act_as( null );
		$html = $this->render_content( $this->gallery_of( $id ) );
		$this->assertStringContainsString( 'ccg-gallery__grid', $html, 'The page still renders, checked against the fresh path.' );
		$this->assertSame( 0, $this->root_writes, 'A page view writes no option.' );
		$this->forget_cached_options();
		$this->assertSame( $this->paths['ceremony'], $this->stored_root()->path );
		$this->assertNotFalse( wp_next_scheduled( GalleryRoot::FOLLOW_HOOK ), 'WP-Cron is asked to follow it.' );

		do_action( GalleryRoot::FOLLOW_HOOK );
		$this->assertSame( 1, $this->root_writes );
		$this->forget_cached_options();
		$this->assertSame( self::RENAMED, $this->stored_root()->path );
		$this->assertSame( $id, $this->stored_root()->id );
	}

	public function test_an_editor_s_folder_tree_after_a_rename_writes_no_option_either(): void {
		$this->rename_ceremony();
		$response = $this->folders( 'contributor' );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( self::RENAMED, $response->get_data()['root']['path'] );
		$this->assertSame( 0, $this->root_writes );
		$this->forget_cached_options();
		$this->assertSame( $this->paths['ceremony'], $this->stored_root()->path );
	}

	public function test_an_administrator_s_request_follows_a_rename_at_once(): void {
		$this->rename_ceremony();
		$response = $this->folders( 'admin' );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( self::RENAMED, $response->get_data()['root']['path'] );
		$this->assertSame( 1, $this->root_writes );
		$this->forget_cached_options();
		$this->assertSame( self::RENAMED, $this->stored_root()->path );
	}

	public function test_following_never_undoes_a_choice_made_meanwhile(): void {
		$was = $this->stored_root();
		$this->set_root( $this->paths['portfolio'] );
		$this->services()->gallery_root()->replace( 'dropbox', $was, new Folder( $was->id, 'Ceremony (renamed)', self::RENAMED, strtolower( self::RENAMED ) ) );
		$this->forget_cached_options();
		$this->assertSame( '/Portfolio', $this->stored_root()->path );
	}

	private function rename_ceremony(): void {
		$id = $this->stored_root()->id;
		$this->assertTrue( rename( $this->library . $this->paths['ceremony'], $this->library . self::RENAMED ) );
		// The sandbox learns a folder's new path by seeing it (Dropbox knows
		// at once); its walk for an unknown path runs at most every 2 s per id.
		$this->assertSame( $id, $this->id_of( self::RENAMED ) );
		$this->root_writes = 0;
	}

	private function stored_root(): Folder {
		$stored = get_option( Keys::GALLERY_ROOT );
		$this->assertIsArray( $stored );
		$this->assertIsArray( $stored['dropbox'] ?? null );
		return Folder::from_array( $stored['dropbox'] );
	}

	private function gallery_of( string $id ): string {
		return serialize_block(
			array(
				'blockName'    => 'customer-cloud-gallery/gallery',
				'attrs'        => array(
					'provider'   => 'dropbox',
					'folderId'   => $id,
					'folderPath' => $this->paths['ceremony'],
				),
				'innerBlocks'  => array(),
				'innerHTML'    => '',
				'innerContent' => array(),
			)
		);
	}
}
