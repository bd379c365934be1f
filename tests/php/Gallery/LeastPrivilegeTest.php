<?php
/**
 * Issue #14, least privilege: without a gallery folder chosen for a
 * provider, only people who can manage connections reach its account.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Gallery\GalleryWarmer;
use CustomerCloudGallery\Tests\GalleryTestCase;
use WP_REST_Request;

final class LeastPrivilegeTest extends GalleryTestCase {

	private const ASK_DROPBOX = 'Ask an administrator to choose the gallery folder for Dropbox in Customer Cloud Gallery → Settings.';

	private const ASK_DRIVE = 'Ask an administrator to choose the gallery folder for Google Drive in Customer Cloud Gallery → Settings.';

	private const NEUTRAL = 'This gallery is not available right now.';

	public function test_without_a_gallery_folder_only_administrators_browse(): void {
		foreach ( array( 'contributor', 'author', 'editor' ) as $role ) {
			foreach ( array( array(), array( 'folder' => $this->id_of( $this->paths['ceremony'] ) ) ) as $query ) {
				$response = $this->folders( $role, $query );
				$this->assertSame( 403, $response->get_status(), $role );
				$this->assertSame( 'ccg_no_gallery_folder', $response->get_data()['code'] );
				$this->assertSame( self::ASK_DROPBOX, $response->get_data()['message'] );
			}
			$drive = $this->folders( $role, array( 'provider' => 'google' ) );
			$this->assertSame( 403, $drive->get_status(), $role );
			$this->assertSame( self::ASK_DRIVE, $drive->get_data()['message'] );
		}
		$this->assertSame( 0, $this->sandbox->total_requests(), 'Refused before anything is asked of the provider.' );

		$admin = $this->folders( 'admin' );
		$this->assertSame( 200, $admin->get_status() );
		$this->assertSame( '/', $admin->get_data()['root']['path'], 'Administrators keep browsing the whole account.' );
	}

	public function test_a_dropbox_gallery_folder_opens_dropbox_only_and_only_inside_it(): void {
		$this->set_root( $this->paths['clients'] );

		$root = $this->folders( 'contributor' );
		$this->assertSame( 200, $root->get_status() );
		$this->assertSame( '/Clients', $root->get_data()['root']['path'] );
		$this->assertSame( 200, $this->folders( 'contributor', array( 'folder' => $this->id_of( $this->paths['ceremony'] ) ) )->get_status() );
		$outside = $this->folders( 'contributor', array( 'folder' => $this->id_of( $this->paths['portfolio'] ) ) );
		$this->assertSame( 403, $outside->get_status() );
		$this->assertSame( 'ccg_outside_root', $outside->get_data()['code'] );

		$drive = $this->folders( 'contributor', array( 'provider' => 'google' ) );
		$this->assertSame( 403, $drive->get_status(), 'A Dropbox gallery folder leaves Drive closed.' );
		$this->assertSame( self::ASK_DRIVE, $drive->get_data()['message'] );
	}

	public function test_a_contributor_s_preview_without_a_gallery_folder_holds_no_image_url(): void {
		$attributes = $this->ceremony_attributes();
		$html       = $this->preview( 'contributor', $attributes );
		$this->assert_no_image_url( $html );
		$this->assertStringContainsString( self::ASK_DROPBOX, $html );
		// An editor may preview inside an administrator's post: the
		// attributes are still the editor's own, so the post vouches for nothing.
		$html = $this->preview( 'editor', $attributes, array( 'post_id' => $this->post_by( 'admin', '' ) ) );
		$this->assert_no_image_url( $html );
		$this->assertStringContainsString( self::ASK_DROPBOX, $html );
		$this->assertSame( 0, $this->dropbox_calls() );

		$this->assertStringContainsString( 'ccg_image=', $this->preview( 'admin', $attributes ), 'An administrator previews the whole account.' );

		$this->set_root( $this->paths['clients'] );
		$this->assertStringContainsString( 'ccg-gallery__grid', $this->preview( 'contributor', $attributes ) );
		$outside = $this->preview( 'contributor', array( 'folderId' => $this->id_of( $this->paths['portfolio'] ), 'folderPath' => '/Portfolio', 'provider' => 'dropbox' ) );
		$this->assert_no_image_url( $outside );
	}

	public function test_a_published_gallery_without_a_gallery_folder_needs_an_administrator_as_author(): void {
		$content     = $this->block( $this->ceremony_attributes() );
		$contributor = $this->post_by( 'contributor', $content );
		$admin       = $this->post_by( 'admin', $content );

		$this->act_as( null );
		$visitor = $this->render_content( $content, $contributor );
		$this->assert_no_image_url( $visitor );
		$this->assertStringContainsString( self::NEUTRAL, $visitor );
		$this->assertStringNotContainsString( 'Dropbox', $visitor );
		unset( $GLOBALS['post'] );
		$this->assert_no_image_url( (string) apply_filters( 'the_content', $content ), 'Content with no post: nobody vouches for it.' );

		$this->act_as( 'editor' );
		$editor = $this->render_content( $content, $contributor );
		$this->assert_no_image_url( $editor );
		$this->assertStringContainsString( self::ASK_DROPBOX, $editor );

		$this->act_as( null );
		$this->assertStringContainsString( 'ccg_image=', $this->render_content( $content, $admin ) );
	}

	public function test_a_hand_edited_folder_outside_the_gallery_folder_never_shows(): void {
		$this->set_root( $this->paths['clients'] );
		$content = $this->block( array( 'folderId' => $this->id_of( $this->paths['portfolio'] ), 'folderPath' => '/Clients/Portfolio' ) );
		foreach ( array( 'contributor', 'admin' ) as $author ) {
			$post = $this->post_by( $author, $content );
			foreach ( array( null, 'editor' ) as $viewer ) {
				$this->act_as( $viewer );
				$this->assert_no_image_url( $this->render_content( $content, $post ) );
			}
		}
	}

	public function test_the_warmer_checks_the_boundary_before_it_lists_anything(): void {
		$unvouched = $this->post_by( 'contributor', $this->block( $this->ceremony_attributes() ) );
		do_action( GalleryWarmer::HOOK, $unvouched );
		$this->assertSame( 0, $this->dropbox_calls(), 'No gallery folder, no administrator: nothing is asked.' );

		$this->set_root( $this->paths['clients'] );
		$outside = $this->post_by( 'contributor', $this->block( array( 'folderId' => $this->id_of( $this->paths['portfolio'] ), 'folderPath' => '/Portfolio' ) ) );
		do_action( GalleryWarmer::HOOK, $outside );
		$counts = $this->sandbox->request_counts();
		$this->assertSame( 0, ( $counts['files/list_folder'] ?? 0 ) + ( $counts['files/get_thumbnail_batch'] ?? 0 ), (string) wp_json_encode( $counts ) );
		$this->assertLessThanOrEqual( 1, $counts['files/get_metadata'] ?? 0, 'One look at where the folder is.' );

		$inside = $this->post_by( 'contributor', $this->block( $this->ceremony_attributes() ) );
		do_action( GalleryWarmer::HOOK, $inside );
		$this->assertGreaterThan( 0, $this->sandbox->requests( 'files/get_thumbnail_batch' ), 'Inside the gallery folder, warming works.' );
	}

	/**
	 * @return array<string, string>
	 */
	private function ceremony_attributes(): array {
		return array(
			'folderId'   => $this->id_of( $this->paths['ceremony'] ),
			'folderPath' => $this->paths['ceremony'],
		);
	}

	/**
	 * @param array<string, mixed> $attributes
	 */
	private function block( array $attributes ): string {
		return serialize_block(
			array(
				'blockName'    => 'customer-cloud-gallery/gallery',
				'attrs'        => $attributes + array( 'provider' => 'dropbox' ),
				'innerBlocks'  => array(),
				'innerHTML'    => '',
				'innerContent' => array(),
			)
		);
	}

	private function post_by( string $login, string $content ): int {
		$id = (int) wp_insert_post(
			array(
				'post_title'   => 'Least privilege',
				'post_author'  => $this->user( $login )->ID,
				'post_status'  => 'publish',
				'post_content' => $content,
			)
		);
		$this->assertGreaterThan( 0, $id );
		wp_unschedule_hook( GalleryWarmer::HOOK );
		$this->created[] = $id;
		return $id;
	}

	/** @var list<int> */
	private array $created = array();

	protected function tearDown(): void {
		foreach ( $this->created as $id ) {
			wp_delete_post( $id, true );
		}
		// The block renderer sets the post it was given as the global one.
		unset( $GLOBALS['post'] );
		parent::tearDown();
	}

	/**
	 * The editor's preview, as the block editor asks for it.
	 *
	 * @param array<string, mixed> $attributes
	 * @param array<string, mixed> $context    E.g. the post_id the editor names.
	 */
	private function preview( string $login, array $attributes, array $context = array() ): string {
		$this->act_as( $login );
		$request = new WP_REST_Request( 'GET', '/wp/v2/block-renderer/customer-cloud-gallery/gallery' );
		$request->set_query_params( array( 'context' => 'edit', 'attributes' => $attributes + array( 'provider' => 'dropbox' ) ) + $context );
		$response = rest_do_request( $request );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return (string) $response->get_data()['rendered'];
	}

	private function assert_no_image_url( string $html, string $message = '' ): void {
		$this->assertStringNotContainsString( 'ccg_image', $html, $message );
		$this->assertStringNotContainsString( '<img', $html, $message );
		$this->assertStringNotContainsString( (string) wp_parse_url( $this->services()->thumbnail_cache()->base_url(), PHP_URL_PATH ), $html, $message );
	}
}
