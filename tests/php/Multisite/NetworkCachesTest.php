<?php
/**
 * On a network, listings, locks, thumbnails and image URLs are each site's
 * own, also in the shared Redis object cache.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Multisite;

use CustomerCloudGallery\Cache\ObjectCacheLock;
use CustomerCloudGallery\Gallery\Folder;
use CustomerCloudGallery\Gallery\Listing;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Images\ImageToken;
use CustomerCloudGallery\Storage\EncryptionKey;
use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Tests\Support\Http;
use CustomerCloudGallery\Tests\Support\Sandbox;
use CustomerCloudGallery\Tests\Support\TestImages;

final class NetworkCachesTest extends NetworkTestCase {

	public function test_listings_and_locks_are_per_site_in_the_object_cache(): void {
		$this->assertTrue( wp_using_ext_object_cache(), 'The network runs the Redis drop-in.' );
		$a       = (int) $this->blog( 'site-a' )->blog_id;
		$b       = (int) $this->blog( 'site-b' )->blog_id;
		$listing = new Listing( new Folder( 'id:clients', 'Clients', '/Clients', '/clients' ), array(), array(), '', time() );

		switch_to_blog( $a );
		$this->services()->listing_store()->put( 'dropbox', 'id:clients', $listing );
		$this->assertTrue( wp_cache_add( 'lock:shared-name', 'site a', Keys::CACHE_GROUP, 30 ) );
		$key_a = $GLOBALS['wp_object_cache']->redis_key( 'lock:shared-name', Keys::CACHE_GROUP );
		restore_current_blog();

		switch_to_blog( $b );
		$this->assertNull( $this->services()->listing_store()->get( 'dropbox', 'id:clients', true ), 'Site B does not see site A\'s listing.' );
		$this->assertTrue( wp_cache_add( 'lock:shared-name', 'site b', Keys::CACHE_GROUP, 30 ), 'Site A\'s lock does not hold site B.' );
		$key_b = $GLOBALS['wp_object_cache']->redis_key( 'lock:shared-name', Keys::CACHE_GROUP );
		wp_cache_delete( 'lock:shared-name', Keys::CACHE_GROUP );
		restore_current_blog();

		$this->assertNotSame( $key_a, $key_b );
		$this->assertStringContainsString( ":{$a}:" . Keys::CACHE_GROUP . ':', $key_a, 'The plugin\'s group is not global: its keys carry the site.' );

		switch_to_blog( $a );
		wp_cache_flush_runtime();
		$this->assertNotNull( $this->services()->listing_store()->get( 'dropbox', 'id:clients', true ), 'Site A still has it (from Redis).' );
		$this->assertFalse( wp_cache_add( 'lock:shared-name', 'again', Keys::CACHE_GROUP, 30 ), 'Site A\'s own lock still holds site A.' );
		wp_cache_delete( 'lock:shared-name', Keys::CACHE_GROUP );
		restore_current_blog();
	}

	public function test_the_drop_ins_copies_in_this_request_are_per_site(): void {
		$a = (int) $this->blog( 'site-a' )->blog_id;
		$b = (int) $this->blog( 'site-b' )->blog_id;

		switch_to_blog( $a );
		wp_cache_set( 'seen-by', 'site a', 'ccg-test-group' );
		update_option( 'ccg_test_option', 'site a' );
		restore_current_blog();

		switch_to_blog( $b );
		$this->assertFalse( wp_cache_get( 'seen-by', 'ccg-test-group' ), 'Not site A\'s copy.' );
		$this->assertFalse( get_option( 'ccg_test_option' ) );
		update_option( 'ccg_test_option', 'site b' );
		restore_current_blog();

		$this->assertSame( 'site a', $this->stored_option( $a, 'ccg_test_option' ) );
		$this->assertSame( 'site b', $this->stored_option( $b, 'ccg_test_option' ), 'The update reached site B\'s table.' );
		foreach ( array( $a, $b ) as $blog_id ) {
			switch_to_blog( $blog_id );
			wp_cache_delete( 'seen-by', 'ccg-test-group' );
			delete_option( 'ccg_test_option' );
			restore_current_blog();
		}
	}

	public function test_the_lock_class_excludes_within_a_site_only(): void {
		switch_to_blog( (int) $this->blog( 'site-a' )->blog_id );
		$held = new ObjectCacheLock( 'refresh-dropbox', 30 );
		$this->assertTrue( $held->acquire() );
		$this->assertFalse( ( new ObjectCacheLock( 'refresh-dropbox', 30 ) )->acquire() );
		restore_current_blog();

		switch_to_blog( (int) $this->blog( 'site-b' )->blog_id );
		$other = new ObjectCacheLock( 'refresh-dropbox', 30 );
		$this->assertTrue( $other->acquire(), 'Each site refreshes its own token.' );
		$other->release();
		restore_current_blog();

		switch_to_blog( (int) $this->blog( 'site-a' )->blog_id );
		$held->release();
		restore_current_blog();
	}

	public function test_thumbnails_live_in_each_sites_uploads(): void {
		$ref   = new ImageRef( 'dropbox', 'id:same-photo', 'r1', 'w256h256' );
		$paths = array();
		foreach ( array( 'site-a', 'site-b' ) as $slug ) {
			$blog_id = (int) $this->blog( $slug )->blog_id;
			switch_to_blog( $blog_id );
			$paths[ $slug ] = (string) $this->services()->thumbnail_cache()->write( $ref, TestImages::jpeg() );
			$uploads        = wp_upload_dir( null, false );
			restore_current_blog();
			$this->assertStringStartsWith( $uploads['basedir'] . '/' . Keys::UPLOADS_DIR . '/', $paths[ $slug ] );
			$this->assertStringContainsString( "/uploads/sites/{$blog_id}/", $paths[ $slug ] );
			$this->assertFileExists( $paths[ $slug ] );
		}
		$this->assertNotSame( $paths['site-a'], $paths['site-b'] );
	}

	public function test_one_sites_image_urls_mean_nothing_to_another(): void {
		$a   = (int) $this->blog( 'site-a' )->blog_id;
		$b   = (int) $this->blog( 'site-b' )->blog_id;
		$ref = new ImageRef( 'dropbox', 'id:private-photo', 'r1', 'w256h256' );

		$tokens = new ImageToken( new EncryptionKey() );

		switch_to_blog( $a );
		$token    = $tokens->sign( $ref );
		$relative = $this->services()->thumbnail_cache()->relative_path( $ref );
		$this->assertNotNull( $tokens->verify( $token ) );
		restore_current_blog();

		switch_to_blog( $b );
		$this->assertNull( $tokens->verify( $token ), 'The sites share wp-config.php\'s salts, not their image keys.' );
		$this->assertNotSame( $relative, $this->services()->thumbnail_cache()->relative_path( $ref ), 'The same photo has another name on site B.' );
		restore_current_blog();

		$calls_before = $this->sandbox_calls();
		$static       = Http::request( 'GET', $this->url( 'site-b', "wp-content/uploads/sites/{$b}/" . Keys::UPLOADS_DIR . '/' . $relative ) );
		$this->assertSame( 403, $static['status'], 'Site A\'s thumbnail name under site B\'s uploads.' );
		$query = Http::request( 'GET', $this->url( 'site-b', '?ccg_image=' . rawurlencode( $token ) ) );
		$this->assertSame( 403, $query['status'], 'Site A\'s image URL on site B.' );
		$this->assertSame( $calls_before, $this->sandbox_calls(), 'No provider was asked.' );
	}

	/**
	 * Requests the sandbox clouds received so far (they count every call).
	 */
	private function sandbox_calls(): int {
		$sandbox = Sandbox::from_environment();
		$this->assertNotNull( $sandbox, 'CCG_SANDBOX_CONTROL' );
		return $sandbox->total_requests();
	}
}
