<?php
/**
 * The locks that make one token refresh out of many concurrent ones.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Site;

use CustomerCloudGallery\Cache\Locks;
use CustomerCloudGallery\Cache\ObjectCacheLock;
use CustomerCloudGallery\Cache\OptionLock;
use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Tests\TestCase;

final class LockTest extends TestCase {

	public function test_only_one_holder_at_a_time(): void {
		$first  = new OptionLock( 'test', 30 );
		$second = new OptionLock( 'test', 30 );

		$this->assertTrue( $first->acquire() );
		$this->assertFalse( $second->acquire() );

		$first->release();
		$this->assertTrue( $second->acquire() );
		$second->release();
	}

	public function test_a_stale_lock_is_recovered_after_its_ttl(): void {
		global $wpdb;
		$wpdb->insert(
			$wpdb->options,
			array(
				'option_name'  => Keys::LOCK_PREFIX . 'stale',
				'option_value' => ( time() - 5 ) . ':dead-process',
				'autoload'     => 'off',
			)
		);

		$lock = new OptionLock( 'stale', 30 );
		$this->assertTrue( $lock->acquire(), 'A lock whose holder died is taken over.' );
		$lock->release();
	}

	public function test_releasing_never_frees_someone_elses_lock(): void {
		$late   = new OptionLock( 'owned', 30 );
		$holder = new OptionLock( 'owned', 30 );
		$this->assertTrue( $holder->acquire() );
		$this->assertFalse( $late->acquire() );

		$late->release();
		$this->assertFalse( ( new OptionLock( 'owned', 30 ) )->acquire(), 'The holder still holds it.' );
		$holder->release();
	}

	/**
	 * Runs on both kinds of site: the SQLite ones of `npm test` and the
	 * Redis-backed ones of its hosting stage (tools/production-stack).
	 */
	public function test_the_database_holds_locks_unless_a_persistent_cache_is_shared(): void {
		$this->assertInstanceOf(
			wp_using_ext_object_cache() ? ObjectCacheLock::class : OptionLock::class,
			( new Locks() )->create( 'x', 5 )
		);
	}

	/**
	 * The process-local cache stands in for Redis here: the semantics of
	 * wp_cache_add() are the same, only the sharing differs.
	 */
	public function test_object_cache_lock_has_one_holder_and_releases_only_its_own(): void {
		$first  = new ObjectCacheLock( 'cache-test', 30 );
		$second = new ObjectCacheLock( 'cache-test', 30 );

		$this->assertTrue( $first->acquire() );
		$this->assertFalse( $second->acquire() );
		$second->release();
		$this->assertFalse( ( new ObjectCacheLock( 'cache-test', 30 ) )->acquire(), 'A non-holder cannot release it.' );

		$first->release();
		$this->assertTrue( $second->acquire() );
		$second->release();
	}
}
