<?php
/**
 * Saving a post warms its galleries in the background.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Gallery\GalleryWarmer;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Images\ImageToken;
use CustomerCloudGallery\Images\ImageUrls;
use CustomerCloudGallery\Images\ThumbnailSize;
use CustomerCloudGallery\Storage\EncryptionKey;
use CustomerCloudGallery\Tests\GalleryTestCase;
use CustomerCloudGallery\Tests\Support\Http;
use WP_HTML_Tag_Processor;

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
				'post_author'  => $this->user( 'admin' )->ID,
				'post_status'  => 'publish',
				'post_content' => '<!-- wp:group --><div class="wp-block-group">' . serialize_block( $block ) . '</div><!-- /wp:group -->',
			)
		);
		$this->assertGreaterThan( 0, $this->post_id );
	}

	/**
	 * The page as a visitor gets it.
	 */
	private function render(): string {
		return $this->render_content( get_post( $this->post_id )->post_content, $this->post_id );
	}

	/**
	 * Every image a browser may fetch for the page: each <img>'s src and
	 * srcset candidates, and the lightbox links.
	 *
	 * @return array<string, ImageRef> By URL.
	 */
	private function images_named_by( string $html ): array {
		$tokens = new ImageToken( new EncryptionKey() );
		$urls   = array();
		$tags   = new WP_HTML_Tag_Processor( $html );
		while ( $tags->next_tag() ) {
			if ( 'IMG' === $tags->get_tag() ) {
				$urls[] = (string) $tags->get_attribute( 'src' );
				foreach ( explode( ',', (string) $tags->get_attribute( 'srcset' ) ) as $candidate ) {
					$urls[] = strtok( trim( $candidate ), ' ' );
				}
			} elseif ( 'A' === $tags->get_tag() && str_contains( (string) $tags->get_attribute( 'href' ), ImageUrls::QUERY_VAR ) ) {
				$urls[] = (string) $tags->get_attribute( 'href' );
			}
		}
		$images = array();
		foreach ( array_filter( $urls ) as $url ) {
			parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $query );
			$image = $tokens->verify( (string) ( $query[ ImageUrls::QUERY_VAR ] ?? '' ) );
			$this->assertNotNull( $image, "A signed image URL: {$url}" );
			$images[ $url ] = $image;
		}
		return $images;
	}

	/**
	 * Runs the warming event the way WP-Cron does (unscheduled, then run)
	 * until it no longer schedules itself.
	 *
	 * @return int How many runs it took.
	 */
	private function warm_until_done(): int {
		$runs = 0;
		while ( false !== wp_next_scheduled( GalleryWarmer::HOOK, array( $this->post_id ) ) ) {
			$this->assertLessThan( 20, $runs, 'Warming keeps rescheduling itself.' );
			wp_unschedule_hook( GalleryWarmer::HOOK );
			do_action( GalleryWarmer::HOOK, $this->post_id );
			++$runs;
		}
		return $runs;
	}

	public function test_saving_schedules_warming_that_fetches_every_srcset_size_in_batches_of_25(): void {
		$this->publish( 'scale5000', array( 'perPage' => 60 ) );
		$this->assertNotFalse( wp_next_scheduled( GalleryWarmer::HOOK, array( $this->post_id ) ) );
		$this->assertSame( 0, $this->dropbox_calls(), 'Saving itself calls nobody.' );

		$this->assertGreaterThanOrEqual( 1, $this->warm_until_done() );
		$sizes = count( ThumbnailSize::srcset() );
		$this->assertSame( 5, $sizes, 'The counts below assume five srcset sizes.' );
		$this->assertSame( 12, $this->sandbox->requests( 'files/get_thumbnail_batch' ), '60 photos × 5 sizes: 12 × 25.' );
		$this->assertSame( 0, $this->sandbox->requests( 'files/get_thumbnail_v2' ) );
		$this->assertCount( 60 * $sizes, $this->services()->thumbnail_cache()->files() );

		$this->sandbox->reset_request_counts();
		$html = $this->render_content( get_post( $this->post_id )->post_content, $this->post_id );
		$this->assertSame( 60, substr_count( $html, 'class="ccg-gallery__item"' ) );
		$this->assertSame( 0, $this->sandbox->total_requests() );
	}

	public function test_after_warming_every_image_the_first_page_names_is_on_disk(): void {
		$this->publish( 'ceremony', array( 'lightbox' => true ) );
		$images = $this->images_named_by( $this->render() );
		$refs   = array_unique( array_map( static fn ( ImageRef $image ): string => $image->hash(), $images ) );
		$this->assertCount( 6 * count( ThumbnailSize::srcset() ), $refs, 'Six photos, each in every srcset size.' );
		$disk = $this->services()->thumbnail_cache();
		foreach ( $images as $image ) {
			$this->assertFalse( $disk->has( $image ), 'Nothing is cached before warming.' );
		}
		$this->sandbox->reset_request_counts();

		do_action( GalleryWarmer::HOOK, $this->post_id );
		$this->assertSame( 2, $this->sandbox->requests( 'files/get_thumbnail_batch' ), '30 thumbnails, sizes mixed: 25 + 5.' );
		$this->assertSame( 0, $this->sandbox->requests( 'files/get_thumbnail_v2' ) );
		foreach ( $this->images_named_by( $this->render() ) as $url => $image ) {
			$this->assertTrue( $disk->has( $image ), "On disk: {$image->size} of {$image->file_id} ({$url})" );
			$this->assertNotNull( $disk->dimensions( $image ), 'A readable JPEG.' );
		}

		// A second run finds nothing missing.
		$this->sandbox->reset_request_counts();
		do_action( GalleryWarmer::HOOK, $this->post_id );
		$this->assertSame( 0, $this->sandbox->requests( 'files/get_thumbnail_batch' ) );
	}

	public function test_a_run_out_of_time_leaves_the_rest_to_a_run_scheduled_at_once(): void {
		$this->publish( 'scale5000', array( 'perPage' => 15 ) );
		// No time at all: each run still fetches one batch, so it progresses.
		$this->add_filter( 'ccg_warm_seconds_per_run', static fn (): int => 0 );

		wp_unschedule_hook( GalleryWarmer::HOOK );
		do_action( GalleryWarmer::HOOK, $this->post_id );
		$this->assertSame( 1, $this->sandbox->requests( 'files/get_thumbnail_batch' ) );
		$this->assertCount( 25, $this->services()->thumbnail_cache()->files() );
		$next = wp_next_scheduled( GalleryWarmer::HOOK, array( $this->post_id ) );
		$this->assertNotFalse( $next );
		$this->assertLessThanOrEqual( time(), $next, 'The rest is due at once, not in a minute.' );

		$this->assertSame( 2, $this->warm_until_done(), '15 photos × 5 sizes = 75: three runs of 25.' );
		$this->assertSame( 3, $this->sandbox->requests( 'files/get_thumbnail_batch' ) );
		$this->assertCount( 75, $this->services()->thumbnail_cache()->files() );
	}

	public function test_warmed_thumbnails_give_original_ratio_galleries_their_real_dimensions(): void {
		$this->publish( 'ceremony', array( 'aspectRatio' => 'original' ) );
		$before = $this->render_content( get_post( $this->post_id )->post_content, $this->post_id );
		$this->assertSame( 6, substr_count( $before, 'width="640" height="480"' ), 'Unknown until warmed: 4:3.' );

		do_action( GalleryWarmer::HOOK, $this->post_id );
		$after = $this->render_content( get_post( $this->post_id )->post_content, $this->post_id );
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
		$images = $this->images_named_by( $page['body'] );
		$this->assertCount( 6 * count( ThumbnailSize::srcset() ), $images, 'Every srcset candidate of six photos.' );
		foreach ( array_keys( $images ) as $url ) {
			$image = Http::request( 'GET', $url );
			$this->assertSame( 200, $image['status'] );
			$this->assertSame( 'image/jpeg', $image['headers']['content-type'], "Not the placeholder: {$url}" );
		}
		$this->assertSame( 0, $this->sandbox->total_requests(), 'Neither the page nor any size of its images reached Dropbox.' );
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
			$before = $alts( $this->render_content( get_post( $this->post_id )->post_content, $this->post_id ) );
			$this->assertSame( array( 'IMG_4106', 'IMG_4105', 'IMG_4104 portrait', 'IMG_4103', 'IMG_4102', 'IMG_4101' ), $before, 'Until known: modified dates.' );

			$this->sandbox->reset_request_counts();
			do_action( GalleryWarmer::HOOK, $this->post_id );
			$this->assertSame( 6, $this->sandbox->requests( 'files/get_metadata' ) - 1, 'One media-info lookup per photo (plus the folder).' );
			$after = $alts( $this->render_content( get_post( $this->post_id )->post_content, $this->post_id ) );
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

		// The rescheduled run fetches what the refused one did not.
		$this->sandbox->reset_request_counts();
		do_action( GalleryWarmer::HOOK, $this->post_id );
		$this->assertSame( 2, $this->sandbox->requests( 'files/get_thumbnail_batch' ) );
		$this->assertCount( 6 * count( ThumbnailSize::srcset() ), $this->services()->thumbnail_cache()->files() );
	}
}
