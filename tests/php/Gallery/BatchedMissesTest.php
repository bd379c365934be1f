<?php
/**
 * A cold gallery page costs a few batch calls, not one call per image.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Gallery\PhotoOrder;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Images\ImageUrls;
use CustomerCloudGallery\Images\MissBatch;
use CustomerCloudGallery\Images\ThumbnailSize;
use CustomerCloudGallery\Tests\GalleryTestCase;
use WpOrg\Requests\Requests;
use WpOrg\Requests\Response;

/**
 * The browser's side is played by concurrent HTTP requests for the URLs a
 * rendered page holds, at one srcset size, as a browser picks one size for
 * images that share `sizes` and srcset widths.
 */
final class BatchedMissesTest extends GalleryTestCase {

	private const PER_PAGE = 60;

	/** The size "the browser chose". */
	private const SIZE = 'w480h320';

	public function test_a_cold_page_costs_one_batch_call_per_run_of_25_of_its_window_at_the_size_asked(): void {
		$folder = $this->complete_scale_listing();
		$urls   = $this->page_urls( $folder, self::SIZE );
		$this->assertCount( self::PER_PAGE, $urls );
		// A slow Dropbox, so the requests overlap the first ones' calls.
		$this->sandbox->add_fault( array( 'route' => 'files/get_thumbnail_batch', 'kind' => 'latency', 'latencyMs' => 300 ) );
		$this->sandbox->reset_request_counts();

		$responses = Requests::request_multiple( array_map( static fn ( string $url ): array => array( 'url' => $url ), $urls ), array( 'timeout' => 60 ) );
		$this->sandbox->clear_faults();

		foreach ( $responses as $response ) {
			$this->assertInstanceOf( Response::class, $response );
			$this->assertSame( 200, $response->status_code );
			$this->assertSame( 'image/jpeg', $response->headers['content-type'], 'The photo, not a placeholder.' );
		}
		$counts = $this->sandbox->request_counts();
		$this->assertSame( 3, $counts['files/get_thumbnail_batch'] ?? 0, '60 photos: a window of 75 in three runs of 25. ' . wp_json_encode( $counts ) );
		$this->assertSame( 0, $counts['files/get_thumbnail_v2'] ?? 0 );

		// What was fetched: the page's window, the first 75 photos in the
		// gallery's order (newest name first), at the size asked and no other.
		$listing = $this->services()->folder_listings()->for_render( 'dropbox', $folder );
		$order   = new PhotoOrder( PhotoOrder::NAME, true );
		$disk    = $this->services()->thumbnail_cache();
		$fetched = array();
		foreach ( $listing->page( 0, 100, $order ) as $position => $photo ) {
			$image = new ImageRef( 'dropbox', $photo->id, $photo->revision, self::SIZE, $folder, $order->code(), MissBatch::window_for( self::PER_PAGE ) );
			$this->assertSame( $position < 75, $disk->has( $image ), "Photo {$position} of the gallery's order." );
			$this->assertFalse( $disk->has( $image->at( ThumbnailSize::DEFAULT ) ), 'Only the size the browser asked for.' );
			$fetched[] = $position < 75;
		}
		$this->assertCount( 75, array_filter( $fetched ) );
		$this->assertCount( 75, $disk->files(), 'Nothing else.' );

		// The page again, warm: no call.
		$this->sandbox->reset_request_counts();
		foreach ( Requests::request_multiple( array_map( static fn ( string $url ): array => array( 'url' => $url ), $urls ), array( 'timeout' => 60 ) ) as $response ) {
			$this->assertInstanceOf( Response::class, $response );
			$this->assertSame( 200, $response->status_code );
		}
		$this->assertSame( 0, $this->thumbnail_calls() );
	}

	public function test_the_first_miss_of_a_window_fetches_all_its_runs_at_once(): void {
		$folder = $this->complete_scale_listing();
		$urls   = $this->page_urls( $folder, self::SIZE );
		$this->sandbox->add_fault( array( 'route' => 'files/get_thumbnail_batch', 'kind' => 'latency', 'latencyMs' => 300 ) );
		$this->sandbox->reset_request_counts();
		$this->assertSame( 'image/jpeg', Requests::get( $urls[0], array(), array( 'timeout' => 60 ) )->headers['content-type'] );
		$this->sandbox->clear_faults();
		// A window of 75 in three interleaved runs of 25 (the first photo's
		// run is every third photo), all three sent by the first request, side
		// by side: the runs no eager image leads do not wait for a scroll.
		$this->assertSame( 3, $this->thumbnail_calls() );
		$this->assertSame( 3, $this->sandbox->max_in_flight( 'files/get_thumbnail_batch' ), 'The three calls were in flight together.' );
		$listing = $this->services()->folder_listings()->for_render( 'dropbox', $folder );
		$order   = new PhotoOrder( PhotoOrder::NAME, true );
		$disk    = $this->services()->thumbnail_cache();
		foreach ( $listing->page( 0, 100, $order ) as $position => $photo ) {
			$image = new ImageRef( 'dropbox', $photo->id, $photo->revision, self::SIZE, $folder, $order->code(), 75 );
			$this->assertSame( $position < 75, $disk->has( $image ), "Photo {$position}." );
		}

		// The second photo's run is on disk already.
		$this->sandbox->reset_request_counts();
		$this->assertSame( 'image/jpeg', Requests::get( $urls[1], array(), array( 'timeout' => 60 ) )->headers['content-type'] );
		$this->assertSame( 0, $this->thumbnail_calls() );
		$this->assertCount( 75, $disk->files() );
	}

	public function test_above_the_grids_sizes_a_miss_fetches_only_its_own_run(): void {
		$folder = $this->complete_scale_listing();
		$urls   = $this->page_urls( $folder, 'w1024h768' );
		$this->sandbox->reset_request_counts();
		$this->assertSame( 'image/jpeg', Requests::get( $urls[0], array(), array( 'timeout' => 60 ) )->headers['content-type'] );
		// ThumbnailSize::per_request(): a window of 1024 px thumbnails would
		// not fit in one front-end request's memory; the first photo's run of
		// 25 (every third photo of the window) is all it fetches.
		$this->assertSame( 1, $this->thumbnail_calls() );
		$this->assertCount( 25, $this->services()->thumbnail_cache()->files() );
	}

	public function test_a_run_that_dropbox_refuses_is_remembered_for_every_photo_of_it(): void {
		$folder = $this->complete_scale_listing();
		$urls   = array_slice( $this->page_urls( $folder, self::SIZE ), 0, 25 );
		$this->sandbox->add_fault(
			array(
				'route'      => 'files/get_thumbnail_batch',
				'kind'       => 'status',
				'status'     => 429,
				'retryAfter' => 120,
			)
		);
		$this->sandbox->reset_request_counts();
		$endpoint = $this->services()->thumbnail_endpoint();
		foreach ( $urls as $url ) {
			$response = $endpoint->respond( $this->token( $url ) );
			$this->assertSame( 'image/svg+xml', $response->headers['Content-Type'], 'A placeholder nobody caches.' );
			$this->assertSame( 'no-store', $response->headers['Cache-Control'] );
			$this->assertGreaterThan( 60, (int) ( $response->headers['Retry-After'] ?? 0 ), 'Dropbox\'s wait.' );
		}
		$this->assertSame( 3, $this->thumbnail_calls(), 'One call per run of the window (three runs of 25, sent together by the first request), each remembered for all its photos.' );

		$this->sandbox->reset_request_counts();
		foreach ( $urls as $url ) {
			$this->assertSame( 'image/svg+xml', $endpoint->respond( $this->token( $url ) )->headers['Content-Type'] );
		}
		$this->assertSame( 0, $this->thumbnail_calls(), 'Until Dropbox\'s wait is over, nothing is asked again.' );
		$this->sandbox->clear_faults();
	}

	/**
	 * The 5,000-photo folder, listed to the end, so the gallery shows it in its own order.
	 */
	private function complete_scale_listing(): string {
		$folder   = $this->id_of( $this->paths['scale5000'] );
		$listings = $this->services()->folder_listings();
		$listings->for_render( 'dropbox', $folder );
		$this->run_listing_in_background( $folder );
		$this->assertTrue( $listings->for_render( 'dropbox', $folder )->complete );
		$this->assertSame( array(), $this->services()->thumbnail_cache()->files() );
		return $folder;
	}

	/**
	 * The srcset URLs of one size of a rendered gallery page (newest name first).
	 *
	 * @return list<string>
	 */
	private function page_urls( string $folder, string $size ): array {
		$html = $this->render_content(
			'<!-- wp:customer-cloud-gallery/gallery ' . wp_json_encode(
				array(
					'provider'   => 'dropbox',
					'folderId'   => $folder,
					'folderPath' => $this->paths['scale5000'],
					'perPage'    => self::PER_PAGE,
					'sortBy'     => 'name',
					'sortOrder'  => 'desc',
				)
			) . ' /-->'
		);
		$width = ThumbnailSize::long_edge( $size );
		preg_match_all( '/srcset="([^"]+)"/', $html, $sets );
		$urls = array();
		foreach ( $sets[1] as $srcset ) {
			foreach ( explode( ',', html_entity_decode( $srcset ) ) as $candidate ) {
				$parts = preg_split( '/\s+/', trim( $candidate ) );
				if ( is_array( $parts ) && $width . 'w' === ( $parts[1] ?? '' ) ) {
					$urls[] = $parts[0];
				}
			}
		}
		return $urls;
	}

	private function token( string $url ): string {
		parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $query );
		return (string) ( $query[ ImageUrls::QUERY_VAR ] ?? '' );
	}
}
