<?php
/**
 * Pages showing a gallery are purged when its photos change.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace {
	// The purge calls of the page cache plugins, as each plugin's own code
	// defines them, recording what they were asked (no such plugin is installed here).
	if ( ! function_exists( 'rocket_clean_post' ) ) {
		function rocket_clean_post( $post_id ) { // phpcs:ignore Universal.Files.SeparateFunctionsFromOO
			$GLOBALS['ccg_test_purges'][] = array( 'wp-rocket', (int) $post_id );
			return true;
		}
	}
	if ( ! function_exists( 'w3tc_flush_post' ) ) {
		function w3tc_flush_post( $post_id ) {
			$GLOBALS['ccg_test_purges'][] = array( 'w3tc', (int) $post_id );
		}
	}
	if ( ! function_exists( 'wp_cache_post_change' ) ) {
		function wp_cache_post_change( $post_id ) {
			$GLOBALS['ccg_test_purges'][] = array( 'wp-super-cache', (int) $post_id );
			return $post_id;
		}
	}
}

namespace CustomerCloudGallery\Tests\Gallery {

	use CustomerCloudGallery\Gallery\GalleryPosts;
	use CustomerCloudGallery\Tests\GalleryTestCase;

	final class PageCachePurgeTest extends GalleryTestCase {

		private int $post_id = 0;

		/** @var list<array{0: list<int>, 1: list<string>}> */
		private array $changed = array();

		/** @var list<callable(): void> */
		private array $undo = array();

		protected function setUp(): void {
			parent::setUp();
			$GLOBALS['ccg_test_purges'] = array();
			$this->add_filter(
				'litespeed_purge_post',
				static function ( $post_id ) {
					$GLOBALS['ccg_test_purges'][] = array( 'litespeed', (int) $post_id );
					return $post_id;
				}
			);
			add_action( 'customer_cloud_gallery_changed', array( $this, 'record' ), 10, 2 );
			$this->post_id = (int) wp_insert_post(
				array(
					'post_title'   => 'Smith wedding',
					'post_status'  => 'publish',
					'post_content' => '<!-- wp:group --><div class="wp-block-group"><!-- wp:customer-cloud-gallery/gallery ' . wp_json_encode(
						array(
							'provider'   => 'dropbox',
							'folderId'   => $this->ceremony(),
							'folderPath' => $this->paths['ceremony'],
						)
					) . ' /--></div><!-- /wp:group -->',
				)
			);
			$this->services()->folder_listings()->for_render( 'dropbox', $this->ceremony() );
			$GLOBALS['ccg_test_purges'] = array();
		}

		protected function tearDown(): void {
			remove_action( 'customer_cloud_gallery_changed', array( $this, 'record' ) );
			foreach ( array_reverse( $this->undo ) as $undo ) {
				$undo();
			}
			wp_delete_post( $this->post_id, true );
			parent::tearDown();
		}

		/**
		 * @param list<int>    $post_ids
		 * @param list<string> $urls
		 */
		public function record( array $post_ids, array $urls ): void {
			$this->changed[] = array( $post_ids, $urls );
		}

		public function test_saving_indexes_the_galleries_a_post_shows(): void {
			$this->assertSame( array( 'dropbox|' . $this->ceremony() ), get_post_meta( $this->post_id, GalleryPosts::META ) );
			$this->assertSame( array( $this->post_id ), $this->services()->gallery_posts()->showing( 'dropbox', $this->ceremony() ) );

			wp_update_post(
				array(
					'ID'           => $this->post_id,
					'post_content' => '<!-- wp:paragraph --><p>No gallery any more.</p><!-- /wp:paragraph -->',
				)
			);
			$this->assertSame( array(), get_post_meta( $this->post_id, GalleryPosts::META ) );
			$this->assertSame( array(), $this->services()->gallery_posts()->showing( 'dropbox', $this->ceremony() ) );
		}

		public function test_a_refresh_that_changes_the_photos_purges_the_pages_showing_them(): void {
			$file  = $this->sandbox->library_dir() . $this->paths['ceremony'] . '/' . $this->services()->folder_listings()->for_render( 'dropbox', $this->ceremony() )->page( 0, 1 )[0]->name;
			$bytes = (string) file_get_contents( $file );
			$time  = (int) filemtime( $file );
			unlink( $file );
			$this->undo[] = static function () use ( $file, $bytes, $time ): void {
				file_put_contents( $file, $bytes );
				touch( $file, $time );
			};
			$this->services()->folder_listings()->refresh_in_background( 'dropbox', $this->ceremony() );

			$expected = array(
				array( 'wp-rocket', $this->post_id ),
				array( 'litespeed', $this->post_id ),
				array( 'w3tc', $this->post_id ),
				array( 'wp-super-cache', $this->post_id ),
			);
			$this->assertSame( $expected, $GLOBALS['ccg_test_purges'] );
			$this->assertSame( array( array( array( $this->post_id ), array( get_permalink( $this->post_id ) ) ) ), $this->changed );
		}

		public function test_a_refresh_that_changes_nothing_purges_nothing(): void {
			$this->services()->folder_listings()->refresh_in_background( 'dropbox', $this->ceremony() );
			$this->assertSame( array(), $GLOBALS['ccg_test_purges'] );
			$this->assertSame( array(), $this->changed );
		}

		public function test_disconnect_purges_every_page_showing_the_provider(): void {
			$this->act_as( 'admin' );
			$this->assertSame( 200, $this->rest( 'POST', '/connections/dropbox/disconnect' )->get_status() );
			$this->assertContains( array( 'wp-rocket', $this->post_id ), $GLOBALS['ccg_test_purges'] );
			$this->assertSame( array( $this->post_id ), $this->changed[0][0] );
		}
	}
}
