<?php
/**
 * A client walking many valid, uncached image URLs spends its own budget,
 * not the site's provider rate limit.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Cache\OptionCounter;
use CustomerCloudGallery\Cache\WindowCounters;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Images\ImageResponse;
use CustomerCloudGallery\Images\MissBudget;
use CustomerCloudGallery\Images\ThumbnailSize;
use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Tests\GalleryTestCase;
use CustomerCloudGallery\Tests\Support\Http;

final class MissBudgetTest extends GalleryTestCase {

	private const URLS = 500;

	/** Small, so the test's provider calls stay few; the production default is tested over HTTP below. */
	private const TEST_BUDGET = 20;

	private ?string $remote_addr = null;

	protected function setUp(): void {
		parent::setUp();
		$this->remote_addr = isset( $_SERVER['REMOTE_ADDR'] ) ? (string) $_SERVER['REMOTE_ADDR'] : null;
	}

	protected function tearDown(): void {
		if ( null === $this->remote_addr ) {
			unset( $_SERVER['REMOTE_ADDR'] );
		} else {
			$_SERVER['REMOTE_ADDR'] = $this->remote_addr;
		}
		parent::tearDown();
	}

	public function test_five_hundred_distinct_uncached_urls_from_one_ip_make_at_most_the_budgets_calls(): void {
		$this->add_filter( 'ccg_image_miss_budget', static fn (): int => self::TEST_BUDGET );
		$images = $this->distinct_images( self::URLS );
		$this->start_of_a_window( 30 );
		$_SERVER['REMOTE_ADDR'] = '203.0.113.7';

		// A miss fetches the run of photos shown beside it (MissBatch), so
		// some of the URLs are hits by the time they are asked for: those
		// are served and cost nothing. The misses are what the budget bounds.
		$served  = array();
		$misses  = 0;
		$refused = array();
		foreach ( $images as $image ) {
			$cached   = $this->services()->thumbnail_cache()->has( $image );
			$response = $this->respond( $image );
			if ( 429 === $response->status ) {
				$this->assertFalse( $cached, 'Only misses are refused.' );
				$refused[] = $response;
			} else {
				$this->assertSame( 200, $response->status );
				$this->assertSame( 'image/jpeg', $response->headers['Content-Type'] ?? null, 'A real thumbnail, not a placeholder.' );
				$served[] = $image;
				$misses  += $cached ? 0 : 1;
			}
		}

		$this->assertSame( self::TEST_BUDGET, $misses, 'The budget\'s misses were served.' );
		$this->assertSame( self::TEST_BUDGET, $this->thumbnail_calls(), 'One provider call per served miss, none for the refused.' );
		$this->assertGreaterThan( 0, count( $refused ) );
		$this->assertCount( self::URLS, array_merge( $served, $refused ) );
		foreach ( $refused as $response ) {
			$retry_after = (int) ( $response->headers['Retry-After'] ?? 0 );
			$this->assertGreaterThanOrEqual( 1, $retry_after );
			$this->assertLessThanOrEqual( MINUTE_IN_SECONDS, $retry_after, 'At most the rest of the window.' );
			$this->assertSame( 'no-store', $response->headers['Cache-Control'] );
		}

		$this->sandbox->reset_request_counts();
		$this->assertSame( 200, $this->respond( $served[0] )->status, 'A hit is served past the budget: hits never count.' );
		$_SERVER['REMOTE_ADDR'] = '198.51.100.23';
		$this->assertSame( 200, $this->respond( $images[ self::URLS - 1 ] )->status, 'Another client has its own budget.' );
		$this->assertSame( 1, $this->thumbnail_calls() );
		$this->assert_no_address_stored( array( '203.0.113.7', '198.51.100.23' ) );
	}

	public function test_an_ipv6_client_is_counted_by_its_64_block(): void {
		$this->add_filter( 'ccg_image_miss_budget', static fn (): int => 2 );
		$images = $this->distinct_images( 4 );
		$this->start_of_a_window( 10 );

		$_SERVER['REMOTE_ADDR'] = '2001:db8:1:2::a';
		$this->assertSame( 200, $this->respond( $images[0] )->status );
		$_SERVER['REMOTE_ADDR'] = '2001:db8:1:2:ffff::b';
		$this->assertSame( 200, $this->respond( $images[1] )->status );
		$this->assertSame( 429, $this->respond( $images[2] )->status, 'The same /64 shares one budget.' );
		$_SERVER['REMOTE_ADDR'] = '2001:db8:1:3::a';
		$this->assertSame( 200, $this->respond( $images[3] )->status, 'The next /64 is another client.' );
	}

	public function test_the_client_address_filter_picks_what_is_counted(): void {
		$this->add_filter( 'ccg_image_miss_budget', static fn (): int => 1 );
		$this->add_filter( 'ccg_image_client_ip', static fn (): string => (string) ( $_SERVER['HTTP_X_TEST_CLIENT'] ?? '' ) );
		$images = $this->distinct_images( 3 );
		$this->start_of_a_window( 10 );
		$_SERVER['REMOTE_ADDR'] = '192.0.2.1';

		$_SERVER['HTTP_X_TEST_CLIENT'] = '203.0.113.50';
		$this->assertSame( 200, $this->respond( $images[0] )->status );
		$this->assertSame( 429, $this->respond( $images[1] )->status );
		$_SERVER['HTTP_X_TEST_CLIENT'] = '203.0.113.51';
		$this->assertSame( 200, $this->respond( $images[2] )->status, 'Same proxy address, another client behind it.' );
		unset( $_SERVER['HTTP_X_TEST_CLIENT'] );
	}

	public function test_counts_of_minutes_that_are_over_are_deleted_by_wp_cron(): void {
		global $wpdb;

		$images = $this->distinct_images( 1 );
		$this->start_of_a_window( 10 );
		$_SERVER['REMOTE_ADDR'] = '203.0.113.9';
		$like                   = $wpdb->esc_like( Keys::MISS_BUDGET_PREFIX ) . '%';
		$rows                   = fn (): array => $wpdb->get_col( $wpdb->prepare( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s", $like ) );
		$this->assertSame( 200, $this->respond( $images[0] )->status );
		if ( wp_using_ext_object_cache() ) {
			$this->assertSame( array(), $rows(), 'With a persistent object cache the counts live there, each expiring by itself.' );
			return;
		}
		$this->assertCount( 1, $rows() );
		$this->assertNotFalse( wp_next_scheduled( OptionCounter::FORGET_HOOK ), 'Cleanup is scheduled even if no later request comes.' );
		$now = time();
		$old = Keys::MISS_BUDGET_PREFIX . ( $now - $now % MINUTE_IN_SECONDS - 3 * MINUTE_IN_SECONDS ) . '_0123456789abcdef0123456789abcdef';
		$wpdb->insert(
			$wpdb->options,
			array(
				'option_name'  => $old,
				'option_value' => '7',
				'autoload'     => 'off',
			)
		);

		do_action( OptionCounter::FORGET_HOOK );

		$this->assertNotContains( $old, $rows(), 'A minute that is over is forgotten.' );
		$this->assertCount( 1, $rows(), 'The current minute still counts.' );
	}

	/**
	 * The web server's process counts what this process counted: both URL
	 * kinds answer 429 with Retry-After over HTTP once the client's default
	 * budget is spent, without a provider call, while a cached file is still
	 * served.
	 */
	public function test_over_http_past_the_default_budget_uncached_urls_get_429_with_retry_after(): void {
		$this->pin_static_images_check( true );
		$images = $this->distinct_images( 3 );
		$cached = $images[0];
		$_SERVER['REMOTE_ADDR'] = '192.0.2.99';
		$this->assertSame( 200, $this->respond( $cached )->status );
		$this->start_of_a_window( 20 );
		// This process spends the budget the web server's process then sees.
		// "localhost" may reach the site over either loopback address.
		$budget = new MissBudget( new WindowCounters() );
		foreach ( array( '127.0.0.1', '::1' ) as $address ) {
			$_SERVER['REMOTE_ADDR'] = $address;
			for ( $i = 0; $i < MissBudget::DEFAULT_BUDGET; $i++ ) {
				$this->assertNull( $budget->charge() );
			}
			$this->assertSame( 429, $budget->charge()?->status );
		}
		$this->sandbox->reset_request_counts();

		foreach ( array( 'static' => $this->services()->image_urls()->url( $images[1] ), 'query' => $this->services()->image_urls()->query_url( $images[2] ) ) as $kind => $url ) {
			$this->assertNotNull( $url );
			$response = Http::request( 'GET', (string) $url );
			$this->assertSame( 429, $response['status'], "{$kind} URL: {$url}" );
			$retry_after = (int) ( $response['headers']['retry-after'] ?? 0 );
			$this->assertGreaterThanOrEqual( 1, $retry_after, "{$kind} URL carries Retry-After" );
			$this->assertLessThanOrEqual( MINUTE_IN_SECONDS, $retry_after );
		}
		$this->assertSame( 0, $this->thumbnail_calls() );
		$this->assertSame( 200, Http::request( 'GET', (string) $this->services()->image_urls()->url( $cached ) )['status'], 'The cached file is still served.' );
	}

	private function respond( ImageRef $image ): ImageResponse {
		$url = (string) $this->services()->image_urls()->query_url( $image );
		parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $query );
		return $this->services()->thumbnail_endpoint()->respond( (string) $query['ccg_image'] );
	}

	/**
	 * Real photos of the 5,000-photo folder at every size, none cached.
	 *
	 * @return list<ImageRef>
	 */
	private function distinct_images( int $count ): array {
		$id      = $this->id_of( $this->paths['scale5000'] );
		$needed  = (int) ceil( $count / count( ThumbnailSize::SIZES ) );
		$listing = $this->services()->folder_listings()->for_render( 'dropbox', $id );
		for ( $runs = 0; $listing->photo_count() < $needed && $runs < 20; $runs++ ) {
			$this->run_listing_in_background( $id, 'dropbox', null, 1 );
			$listing = $this->services()->folder_listings()->for_render( 'dropbox', $id );
		}
		$images = array();
		foreach ( $listing->page( 0, $needed ) as $photo ) {
			foreach ( array_keys( ThumbnailSize::SIZES ) as $size ) {
				$images[] = new ImageRef( 'dropbox', $photo->id, $photo->revision, $size, $id );
			}
		}
		$images = array_slice( $images, 0, $count );
		$this->assertCount( $count, $images );
		foreach ( $images as $image ) {
			$this->assertFalse( $this->services()->thumbnail_cache()->has( $image ) );
		}
		$this->sandbox->reset_request_counts();
		return $images;
	}

	/**
	 * The budget's windows are fixed minutes of the clock: a test that must
	 * stay inside one waits for the next when fewer than $seconds are left.
	 */
	private function start_of_a_window( int $seconds ): void {
		$left = MINUTE_IN_SECONDS - time() % MINUTE_IN_SECONDS;
		if ( $left < $seconds ) {
			sleep( $left );
		}
	}

	/**
	 * @param list<string> $addresses
	 */
	private function assert_no_address_stored( array $addresses ): void {
		global $wpdb;

		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT option_name, option_value FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( Keys::MISS_BUDGET_PREFIX ) . '%' ), ARRAY_A );
		if ( ! wp_using_ext_object_cache() ) {
			$this->assertNotEmpty( $rows, 'Without an object cache the counters are rows of the options table.' );
		}
		foreach ( $rows as $row ) {
			foreach ( $addresses as $address ) {
				$this->assertStringNotContainsString( $address, $row['option_name'] . $row['option_value'] );
			}
		}
	}
}
