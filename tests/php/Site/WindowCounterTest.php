<?php
/**
 * The miss budget's counters: atomic across PHP processes, in the database
 * and in a persistent object cache.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Site;

use CustomerCloudGallery\Cache\ObjectCacheCounter;
use CustomerCloudGallery\Cache\OptionCounter;
use CustomerCloudGallery\Cache\WindowCounters;
use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Tests\TestCase;

final class WindowCounterTest extends TestCase {

	private const WORKERS = 3;

	private const TIMES = 60;

	public function test_the_database_counts_per_key_and_window_and_forgets_windows_that_are_over(): void {
		global $wpdb;

		$counter = new OptionCounter();
		$window  = 1_700_000_040;
		$this->assertSame( array( 1, 2, 3 ), array( $counter->increment( 'aaaa', $window, 60 ), $counter->increment( 'aaaa', $window, 60 ), $counter->increment( 'aaaa', $window, 60 ) ) );
		$this->assertSame( 1, $counter->increment( 'bbbb', $window, 60 ), 'Another key counts apart.' );
		$this->assertSame( 1, $counter->increment( 'aaaa', $window + 60, 60 ), 'A new window starts again, and deletes the ones before it.' );

		$names = $wpdb->get_col( $wpdb->prepare( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s ORDER BY option_name", $wpdb->esc_like( Keys::MISS_BUDGET_PREFIX ) . '%' ) );
		$this->assertSame( array( Keys::MISS_BUDGET_PREFIX . ( $window + 60 ) . '_aaaa' ), $names );
	}

	public function test_the_persistent_object_cache_counts_when_there_is_one(): void {
		$chosen = ( new WindowCounters() )->create();
		if ( wp_using_ext_object_cache() ) {
			$this->assertInstanceOf( ObjectCacheCounter::class, $chosen );
		} else {
			$this->assertInstanceOf( OptionCounter::class, $chosen, 'Without one, wp_cache_incr() would count this request only.' );
		}
		$counter = new ObjectCacheCounter();
		$this->assertSame( array( 1, 2 ), array( $counter->increment( 'cccc', 1_700_000_040, 60 ), $counter->increment( 'cccc', 1_700_000_040, 60 ) ) );
	}

	/**
	 * Several workers counting one client at once: the total is exact, and
	 * no more of them are given a count within a limit than the limit.
	 *
	 * @dataProvider counters
	 */
	public function test_concurrent_workers_never_let_more_than_the_limit_through( string $kind ): void {
		$limit  = (int) ( self::WORKERS * self::TIMES / 2 );
		$window = time() - time() % 60;
		$start  = microtime( true ) + 1.5;
		$counts = array();
		$procs  = array();
		foreach ( range( 1, self::WORKERS ) as $n ) {
			$pipes   = array();
			$procs[] = array(
				proc_open(
					array( PHP_BINARY, dirname( __DIR__ ) . '/Support/count-misses.php', $kind, 'concurrent' . $kind, (string) $window, (string) self::TIMES, sprintf( '%.6F', $start ) ),
					array( 1 => array( 'pipe', 'w' ), 2 => array( 'pipe', 'w' ) ),
					$pipes,
					null,
					array( 'CCG_WP_PATH' => (string) getenv( 'CCG_WP_PATH' ) )
				),
				$pipes,
			);
		}
		foreach ( $procs as list( $process, $pipes ) ) {
			$output = (string) stream_get_contents( $pipes[1] );
			$errors = (string) stream_get_contents( $pipes[2] );
			proc_close( $process );
			$seen = json_decode( $output, true );
			$this->assertIsArray( $seen, $output . $errors );
			$this->assertCount( self::TIMES, $seen );
			array_push( $counts, ...$seen );
		}

		$total = self::WORKERS * self::TIMES;
		$this->assertSame( $total, max( $counts ), 'Every increment counted once.' );
		$within = count( array_filter( $counts, static fn ( int $count ): bool => $count <= $limit ) );
		$this->assertGreaterThan( 0, $within );
		$this->assertLessThanOrEqual( $limit, $within, 'At most the limit was let through.' );
	}

	/**
	 * @return array<string, array{string}>
	 */
	public function counters(): array {
		return array(
			'the database'                     => array( 'option' ),
			'the one the site uses (Redis there)' => array( 'chosen' ),
		);
	}
}
