<?php
/**
 * The drop-in against WordPress's object-cache contract, with a second PHP
 * process standing in for another request, and Redis itself inspected.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Hosting;

use PHPUnit\Framework\TestCase;
use Redis;
use WP_Object_Cache;

final class ObjectCacheTest extends TestCase {

	private Redis $redis;

	protected function setUp(): void {
		wp_cache_flush();
		$this->redis = new Redis();
		$this->redis->connect( WP_REDIS_HOST, (int) WP_REDIS_PORT );
		$this->redis->select( (int) WP_REDIS_DATABASE );
	}

	protected function tearDown(): void {
		wp_cache_flush();
	}

	private function in_redis( string $key, string $group ): bool {
		return $this->redis->exists( $GLOBALS['wp_object_cache']->redis_key( $key, $group ) ) > 0;
	}

	public function test_add_is_atomic_across_processes_and_never_trusts_a_stale_local_copy(): void {
		$this->assertTrue( wp_cache_add( 'lock', 'mine', 'ccg-test' ) );
		$this->assertFalse( wp_cache_add( 'lock', 'again', 'ccg-test' ) );
		$this->assertSame( 'refused', OtherProcess::run( 'echo wp_cache_add( "lock", "theirs", "ccg-test" ) ? "added" : "refused";' ) );

		OtherProcess::run( 'wp_cache_delete( "lock", "ccg-test" );' );
		$this->assertTrue( wp_cache_add( 'lock', 'mine-again', 'ccg-test' ), 'Another process deleted it: this request\'s copy must not block the add.' );
		$this->assertSame( 'mine-again', OtherProcess::run( 'echo wp_cache_get( "lock", "ccg-test" );' ) );
	}

	public function test_only_one_of_many_concurrent_adds_wins(): void {
		$started = array();
		for ( $i = 0; $i < 6; $i++ ) {
			$started[] = OtherProcess::start( "usleep( 300000 ); echo wp_cache_add( 'race', {$i}, 'ccg-test' ) ? 'won' : 'lost';" );
		}
		$results = array_map( array( OtherProcess::class, 'finish' ), $started );
		$this->assertSame( 1, count( array_keys( $results, 'won', true ) ), implode( ',', $results ) );
	}

	public function test_groups_keep_equal_keys_apart_and_values_keep_their_types(): void {
		wp_cache_set( 'k', array( 'a' => 1 ), 'one' );
		wp_cache_set( 'k', 7, 'two' );
		wp_cache_set( 'k', false, 'three' );
		wp_cache_set( 'k', '7', 'four' );
		$seen = json_decode(
			OtherProcess::run(
				'$out = array(); foreach ( array( "one", "two", "three", "four", "five" ) as $g ) { $v = wp_cache_get( "k", $g, false, $found ); $out[ $g ] = array( $v, $found ); } echo wp_json_encode( $out );'
			),
			true
		);
		$this->assertSame(
			array(
				'one'   => array( array( 'a' => 1 ), true ),
				'two'   => array( 7, true ),
				'three' => array( false, true ),
				'four'  => array( '7', true ),
				'five'  => array( false, false ),
			),
			$seen
		);
		wp_cache_set( 'k', 'd' );
		$this->assertSame( 'd', OtherProcess::run( 'echo wp_cache_get( "k", "default" );' ), 'The empty group is "default".' );
	}

	public function test_objects_are_copies(): void {
		$object    = new \stdClass();
		$object->n = 1;
		wp_cache_set( 'obj', $object, 'ccg-test' );
		$object->n = 2;
		$this->assertSame( 1, wp_cache_get( 'obj', 'ccg-test' )->n );
		wp_cache_get( 'obj', 'ccg-test' )->n = 3;
		$this->assertSame( 1, wp_cache_get( 'obj', 'ccg-test' )->n );
	}

	public function test_non_persistent_groups_stay_in_the_request(): void {
		wp_cache_add_non_persistent_groups( array( 'ccg-local' ) );
		$this->assertTrue( wp_cache_set( 'k', 'v', 'ccg-local' ) );
		$this->assertSame( 'v', wp_cache_get( 'k', 'ccg-local' ) );
		$this->assertFalse( $this->in_redis( 'k', 'ccg-local' ) );
		$this->assertSame( 'missing', OtherProcess::run( 'wp_cache_add_non_persistent_groups( array( "ccg-local" ) ); echo false === wp_cache_get( "k", "ccg-local" ) ? "missing" : "seen";' ) );
		$this->assertFalse( wp_cache_add( 'k', 'w', 'ccg-local' ) );
		$this->assertTrue( wp_cache_delete( 'k', 'ccg-local' ) );
		$this->assertFalse( wp_cache_delete( 'k', 'ccg-local' ) );
	}

	public function test_global_groups_are_shared_by_every_site_and_others_are_per_site(): void {
		$cache = new WP_Object_Cache();
		( new \ReflectionProperty( WP_Object_Cache::class, 'multisite' ) )->setValue( $cache, true );
		$cache->add_global_groups( array( 'ccg-network' ) );

		$cache->switch_to_blog( 1 );
		$cache->set( 'k', 'site one', 'ccg-site' );
		$cache->set( 'k', 'network', 'ccg-network' );
		$cache->switch_to_blog( 2 );
		$cache->flush_runtime();
		$this->assertFalse( $cache->get( 'k', 'ccg-site' ), 'Site 2 does not see site 1\'s key.' );
		$this->assertSame( 'network', $cache->get( 'k', 'ccg-network' ) );
		$cache->set( 'k', 'site two', 'ccg-site' );
		$cache->switch_to_blog( 1 );
		$cache->flush_runtime();
		$this->assertSame( 'site one', $cache->get( 'k', 'ccg-site' ) );
		$this->assertNotSame( $cache->redis_key( 'k', 'ccg-site' ), ( static function () use ( $cache ) {
			$cache->switch_to_blog( 2 );
			return $cache->redis_key( 'k', 'ccg-site' );
		} )() );
	}

	public function test_on_a_single_site_switching_blogs_changes_nothing(): void {
		$cache = new WP_Object_Cache();
		$key   = $cache->redis_key( 'k', 'ccg-site' );
		$cache->switch_to_blog( 5 );
		$this->assertSame( $key, $cache->redis_key( 'k', 'ccg-site' ) );
	}

	public function test_replace_only_replaces_and_set_always_sets(): void {
		$this->assertFalse( wp_cache_replace( 'r', 1, 'ccg-test' ) );
		$this->assertFalse( $this->in_redis( 'r', 'ccg-test' ) );
		wp_cache_set( 'r', 1, 'ccg-test' );
		$this->assertTrue( wp_cache_replace( 'r', 2, 'ccg-test' ) );
		$this->assertSame( '2', OtherProcess::run( 'echo wp_cache_get( "r", "ccg-test" );' ) );
	}

	public function test_incr_and_decr_follow_core_and_are_atomic(): void {
		$this->assertFalse( wp_cache_incr( 'n', 1, 'ccg-test' ), 'A missing key is not created.' );
		wp_cache_set( 'n', 5, 'ccg-test' );
		$this->assertSame( 8, wp_cache_incr( 'n', 3, 'ccg-test' ) );
		$this->assertSame( 0, wp_cache_decr( 'n', 100, 'ccg-test' ), 'Never below 0.' );
		wp_cache_set( 's', 'text', 'ccg-test' );
		$this->assertSame( 2, wp_cache_incr( 's', 2, 'ccg-test' ), 'A non-numeric value counts as 0.' );
		wp_cache_set( 'q', '4', 'ccg-test' );
		$this->assertSame( 5, wp_cache_incr( 'q', 1, 'ccg-test' ), 'A numeric string counts.' );

		wp_cache_set( 'c', 0, 'ccg-test', 60 );
		$started = array();
		for ( $i = 0; $i < 4; $i++ ) {
			$started[] = OtherProcess::start( 'for ( $i = 0; $i < 100; $i++ ) { wp_cache_incr( "c", 1, "ccg-test" ); }' );
		}
		array_map( array( OtherProcess::class, 'finish' ), $started );
		$this->assertSame( 400, wp_cache_get( 'c', 'ccg-test', true ) );
		$this->assertGreaterThan( 0, $this->redis->ttl( $GLOBALS['wp_object_cache']->redis_key( 'c', 'ccg-test' ) ), 'Counting keeps the expiry.' );
	}

	public function test_expiry(): void {
		wp_cache_set( 'short', 'v', 'ccg-test', 1 );
		wp_cache_set( 'long', 'v', 'ccg-test' );
		$this->assertSame( 1, $this->redis->ttl( $GLOBALS['wp_object_cache']->redis_key( 'short', 'ccg-test' ) ) );
		$this->assertSame( -1, $this->redis->ttl( $GLOBALS['wp_object_cache']->redis_key( 'long', 'ccg-test' ) ) );
		usleep( 2100000 );
		$this->assertSame( 'gone', OtherProcess::run( 'echo false === wp_cache_get( "short", "ccg-test" ) ? "gone" : "there";' ) );
	}

	public function test_multiple_at_once(): void {
		$this->assertSame( array( 'a' => true, 'b' => true ), wp_cache_set_multiple( array( 'a' => 1, 'b' => 2 ), 'ccg-test' ) );
		$this->assertSame( array( 'b' => false, 'c' => true ), wp_cache_add_multiple( array( 'b' => 9, 'c' => 3 ), 'ccg-test' ) );
		$this->assertSame(
			'{"c":3,"x":false,"a":1,"b":2}',
			OtherProcess::run( 'echo wp_json_encode( wp_cache_get_multiple( array( "c", "x", "a", "b" ), "ccg-test" ) );' )
		);
		$this->assertSame( array( 'a' => true, 'x' => false ), wp_cache_delete_multiple( array( 'a', 'x' ), 'ccg-test' ) );
		$this->assertFalse( $this->in_redis( 'a', 'ccg-test' ) );
	}

	public function test_flush_flush_runtime_and_flush_group(): void {
		wp_cache_set( 'k', 'v', 'ccg-a' );
		wp_cache_set( 'k', 'v', 'ccg-b' );
		wp_cache_flush_group( 'ccg-a' );
		$this->assertFalse( $this->in_redis( 'k', 'ccg-a' ) );
		$this->assertTrue( $this->in_redis( 'k', 'ccg-b' ) );
		$this->assertFalse( wp_cache_get( 'k', 'ccg-a' ) );

		OtherProcess::run( 'wp_cache_set( "k", "changed", "ccg-b" );' );
		$this->assertSame( 'v', wp_cache_get( 'k', 'ccg-b' ), 'This request keeps its copy…' );
		wp_cache_flush_runtime();
		$this->assertSame( 'changed', wp_cache_get( 'k', 'ccg-b' ), '…until the runtime cache is flushed.' );
		$this->assertSame( 'changed', wp_cache_get( 'k', 'ccg-b', true ), 'force reads Redis.' );

		wp_cache_flush();
		$this->assertSame( 0, $this->redis->dbSize() );
		$this->assertFalse( wp_cache_get( 'k', 'ccg-b' ) );
	}

	public function test_supports_what_it_implements(): void {
		foreach ( array( 'add_multiple', 'set_multiple', 'get_multiple', 'delete_multiple', 'flush_runtime', 'flush_group' ) as $feature ) {
			$this->assertTrue( wp_cache_supports( $feature ), $feature );
		}
		$this->assertFalse( wp_cache_supports( 'something_else' ) );
	}

	public function test_wordpress_itself_keeps_options_in_redis(): void {
		update_option( 'ccg_hosting_probe', 'from-this-process' );
		$this->assertTrue( $this->in_redis( 'alloptions', 'options' ) || $this->in_redis( 'ccg_hosting_probe', 'options' ) );
		$this->assertSame( 'from-this-process', OtherProcess::run( 'echo get_option( "ccg_hosting_probe" );' ) );
		delete_option( 'ccg_hosting_probe' );
	}
}
