<?php
/**
 * Saving a post warms its galleries in the background.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Gallery\GalleryWarmer;
use CustomerCloudGallery\Tests\GalleryTestCase;
use CustomerCloudGallery\Tests\Support\Http;

final class WarmingTest extends GalleryTestCase {

	private int $post_id = 0;

	protected function tearDown(): void {
		if ( $this->post_id > 0 ) {
			wp_delete_post( $this->post_id, true );
		}
		parent::tearDown();
	}

	private function publish( string $role, array $attributes = array() ): void {
		$block         = array(
			'blockName'    => 'customer-cloud-gallery/gallery',
			'attrs'        => array(
				'provider'   => 'dropbox',
				'folderId'   => $this->id_of( $this->paths[ $role ] ),
				'folderPath' => $this->paths[ $role ],
			) + $attributes,
			'innerBlocks'  => array(),
			'innerHTML'    => '',
			'innerContent' => array(),
		);
		$this->post_id = (int) wp_insert_post(
			array(
				'post_title'   => 'Warm me',
				'post_status'  => 'publish',
				'post_content' => '<!-- wp:group --><div class="wp-block-group">' . serialize_block( $block ) . '</div><!-- /wp:group -->',
			)
		);
		$this->assertGreaterThan( 0, $this->post_id );
	}

	public function test_saving_schedules_warming_that_fetches_thumbnails_in_batches_of_25(): void {
		$this->publish( 'scale5000', array( 'perPage' => 60 ) );
		$this->assertNotFalse( wp_next_scheduled( GalleryWarmer::HOOK, array( $this->post_id ) ) );
		$this->assertSame( 0, $this->dropbox_calls(), 'Saving itself calls nobody.' );

		do_action( GalleryWarmer::HOOK, $this->post_id );
		$this->assertSame( 3, $this->sandbox->requests( 'files/get_thumbnail_batch' ), '60 photos: 25 + 25 + 10.' );
		$this->assertSame( 0, $this->sandbox->requests( 'files/get_thumbnail_v2' ) );
		$this->assertCount( 60, $this->services()->thumbnail_cache()->files() );

		$this->sandbox->reset_request_counts();
		$html = (string) apply_filters( 'the_content', get_post( $this->post_id )->post_content );
		$this->assertSame( 60, substr_count( $html, 'class="ccg-gallery__item"' ) );
		$this->assertSame( 0, $this->sandbox->total_requests() );
	}

	public function test_warmed_thumbnails_give_original_ratio_galleries_their_real_dimensions(): void {
		$this->publish( 'ceremony', array( 'aspectRatio' => 'original' ) );
		$before = (string) apply_filters( 'the_content', get_post( $this->post_id )->post_content );
		$this->assertSame( 6, substr_count( $before, 'width="640" height="480"' ), 'Unknown until warmed: 4:3.' );

		do_action( GalleryWarmer::HOOK, $this->post_id );
		$after = (string) apply_filters( 'the_content', get_post( $this->post_id )->post_content );
		$this->assertLessThan( 6, substr_count( $after, 'width="640" height="480"' ) );
		$this->assertStringContainsString( 'height="640"', $after, 'The portrait crop stands upright.' );
	}

	public function test_a_visitor_s_warm_page_and_its_images_cost_dropbox_nothing(): void {
		$this->publish( 'ceremony', array( 'lightbox' => false ) );
		do_action( GalleryWarmer::HOOK, $this->post_id );
		wp_unschedule_hook( GalleryWarmer::HOOK );
		$this->sandbox->reset_request_counts();

		$page = Http::request( 'GET', (string) get_permalink( $this->post_id ) );
		$this->assertSame( 200, $page['status'] );
		$this->assertStringContainsString( 'ccg-gallery__grid', $page['body'] );
		preg_match_all( '/<img[^>]+class="?[^>]*|<img [^>]*src="([^"]+ccg_image=[^"]+)"/', $page['body'], $matches );
		$sources = array_values( array_filter( $matches[1] ) );
		$this->assertCount( 6, $sources );
		foreach ( $sources as $source ) {
			$image = Http::request( 'GET', html_entity_decode( $source ) );
			$this->assertSame( 200, $image['status'] );
			$this->assertSame( 'image/jpeg', $image['headers']['content-type'] );
		}
		$this->assertSame( 0, $this->sandbox->total_requests(), 'Neither the page nor its images reached Dropbox.' );
		$this->assertStringNotContainsStringIgnoringCase( 'nonce', substr( $page['body'], (int) strpos( $page['body'], 'ccg-gallery' ), 20000 ) );
	}

	public function test_date_taken_sorting_uses_what_warming_learns(): void {
		$dir   = $this->sandbox->library_dir() . $this->paths['ceremony'];
		$files = glob( $dir . '/*.jpg' );
		sort( $files );
		$times = array_map( 'filemtime', $files );
		// Modified dates in the opposite order of the dates taken (EXIF).
		foreach ( $files as $index => $file ) {
			touch( $file, 1700000000 - $index * 3600 );
		}
		try {
			$this->publish( 'ceremony', array( 'sortBy' => 'taken' ) );
			$alts   = static fn ( string $html ): array => preg_match_all( '/alt="([^"]+)"/', $html, $m ) ? $m[1] : array();
			$before = $alts( (string) apply_filters( 'the_content', get_post( $this->post_id )->post_content ) );
			$this->assertSame( array( 'IMG_4106', 'IMG_4105', 'IMG_4104 portrait', 'IMG_4103', 'IMG_4102', 'IMG_4101' ), $before, 'Until known: modified dates.' );

			$this->sandbox->reset_request_counts();
			do_action( GalleryWarmer::HOOK, $this->post_id );
			$this->assertSame( 6, $this->sandbox->requests( 'files/get_metadata' ) - 1, 'One media-info lookup per photo (plus the folder).' );
			$after = $alts( (string) apply_filters( 'the_content', get_post( $this->post_id )->post_content ) );
			$this->assertSame( array_reverse( $before ), $after, 'Once known: dates taken.' );
		} finally {
			foreach ( $files as $index => $file ) {
				touch( $file, $times[ $index ] );
			}
		}
	}

	public function test_rate_limits_reschedule_after_retry_after(): void {
		$this->publish( 'ceremony' );
		$this->sandbox->add_fault( array( 'route' => 'files/get_thumbnail_batch', 'kind' => 'status', 'status' => 429, 'retryAfter' => 120 ) );
		wp_unschedule_hook( GalleryWarmer::HOOK );

		do_action( GalleryWarmer::HOOK, $this->post_id );
		$next = wp_next_scheduled( GalleryWarmer::HOOK, array( $this->post_id ) );
		$this->assertNotFalse( $next );
		$this->assertGreaterThanOrEqual( time() + 110, $next );
		$this->assertSame( 1, $this->sandbox->requests( 'files/get_thumbnail_batch' ) );
		$this->sandbox->clear_faults();
	}
}
