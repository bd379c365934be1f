<?php
/**
 * The view module is enqueued only for a gallery that needs it.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Blocks\ViewModule;
use CustomerCloudGallery\Tests\GalleryTestCase;

final class ViewModuleTest extends GalleryTestCase {

	protected function setUp(): void {
		parent::setUp();
		wp_dequeue_script_module( ViewModule::ID );
	}

	protected function tearDown(): void {
		wp_dequeue_script_module( ViewModule::ID );
		unset( $_GET['ccg-page-1'] );
		parent::tearDown();
	}

	/**
	 * Renders a gallery of the ceremony folder (6 photos).
	 *
	 * @param array<string, mixed> $attributes
	 */
	private function render( array $attributes ): string {
		$block = array(
			'blockName'    => 'customer-cloud-gallery/gallery',
			'attrs'        => $attributes + array(
				'provider'   => 'dropbox',
				'folderId'   => $this->id_of( $this->paths['ceremony'] ),
				'folderPath' => $this->paths['ceremony'],
			),
			'innerBlocks'  => array(),
			'innerHTML'    => '',
			'innerContent' => array(),
		);
		return $this->render_content( serialize_block( $block ) );
	}

	/**
	 * WordPress offers no public "is enqueued" for script modules; printing
	 * would mark the module done for the rest of the run, so ask the queue.
	 */
	private function enqueued(): bool {
		$marked = new \ReflectionMethod( \WP_Script_Modules::class, 'get_marked_for_enqueue' );
		$marked->setAccessible( true );
		return array_key_exists( ViewModule::ID, (array) $marked->invoke( wp_script_modules() ) );
	}

	public function test_the_module_is_registered_from_the_build(): void {
		$this->assertFileExists( dirname( \CustomerCloudGallery\PLUGIN_FILE ) . '/build/gallery/view.asset.php' );
		wp_enqueue_script_module( ViewModule::ID );
		$this->assertTrue( $this->enqueued() );
	}

	public function test_no_lightbox_and_one_page_loads_no_javascript(): void {
		$html = $this->render( array( 'lightbox' => false, 'perPage' => 24 ) );
		$this->assertStringContainsString( 'ccg-gallery__grid', $html );
		$this->assertFalse( $this->enqueued() );
		$this->assertStringNotContainsString( 'data-wp-', $html );
		$this->assertStringNotContainsString( 'ccg-lightbox', $html );
	}

	public function test_the_lightbox_loads_the_module(): void {
		$html = $this->render( array( 'lightbox' => true, 'perPage' => 24 ) );
		$this->assertTrue( $this->enqueued() );
		$this->assertStringContainsString( 'data-wp-interactive="customer-cloud-gallery"', $html );
		$this->assertStringContainsString( 'role="dialog"', $html );
		$this->assertStringNotContainsString( 'ccg-gallery__load-more', $html );
	}

	public function test_a_next_page_loads_the_module(): void {
		$html = $this->render( array( 'lightbox' => false, 'perPage' => 2 ) );
		$this->assertTrue( $this->enqueued() );
		$this->assertStringContainsString( 'data-ccg-loaded="2 more photos loaded"', $html );
		$this->assertStringNotContainsString( 'role="dialog"', $html );
	}

	public function test_the_last_page_without_lightbox_loads_no_javascript(): void {
		$_GET['ccg-page-1'] = '3';
		$html               = $this->render( array( 'lightbox' => false, 'perPage' => 2 ) );
		$this->assertStringNotContainsString( 'ccg-gallery__load-more', $html );
		$this->assertFalse( $this->enqueued() );
	}
}
