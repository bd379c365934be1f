<?php
/**
 * uninstall.php leaves nothing of the plugin behind.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Site;

use CustomerCloudGallery\Cache\OptionLock;
use CustomerCloudGallery\OAuth\Notice;
use CustomerCloudGallery\Providers\OAuthApp\TokenRecord;
use CustomerCloudGallery\Tests\Support\TestImages;
use CustomerCloudGallery\Tests\TestCase;

final class UninstallTest extends TestCase {

	public function test_uninstall_deletes_every_row_the_plugin_wrote(): void {
		$this->act_as( 'admin' );
		$this->rest( 'POST', '/connections/dropbox/credentials', array( 'appKey' => 'key1', 'appSecret' => 'secret1', 'accessType' => 'full' ) );
		$this->rest( 'POST', '/connections/dropbox/authorize' );
		$this->dropbox_parts()->tokens()->save( new TokenRecord( 'sl.a', time() + 3600, 'r', array(), null, null, null, time() ) );
		$this->services()->flash_notices()->put( get_current_user_id(), new Notice( Notice::INFO, 'hello' ) );
		( new OptionLock( 'left-behind', 30 ) )->acquire();
		set_transient( 'ccg_listing_test', array( 1 ), 60 );
		$this->services()->gallery_root()->set( 'dropbox', null );
		$thumbnail = $this->services()->thumbnail_cache()->write( new \CustomerCloudGallery\Images\ImageRef( 'dropbox', 'id:x', 'r1', 'w256h256' ), TestImages::jpeg() );
		$this->assertNotNull( $thumbnail );
		wp_schedule_single_event( time() + 60, 'ccg_refresh_listing', array( 'id:x' ) );
		$post_id = (int) wp_insert_post(
			array(
				'post_title'  => 'A gallery post',
				'post_status' => 'draft',
			)
		);
		add_post_meta( $post_id, \CustomerCloudGallery\Storage\Keys::GALLERY_POSTS_META, 'dropbox|id:x' );
		// Another plugin's rows that merely share the prefix.
		update_option( 'ccg_other', 'keep me' );
		update_user_meta( get_current_user_id(), 'ccg_other_meta', 'keep me' );
		$this->assertGreaterThan( 4, $this->plugin_rows() );

		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', 'customer-cloud-gallery/plugin.php' );
		}
		require dirname( __DIR__, 3 ) . '/uninstall.php';

		$this->assertSame( 0, $this->plugin_rows() );
		wp_cache_delete( 'ccg_other', 'options' );
		$this->assertSame( 'keep me', get_option( 'ccg_other' ), 'Another plugin\'s option stays.' );
		$this->assertSame( 'keep me', get_user_meta( get_current_user_id(), 'ccg_other_meta', true ) );
		delete_option( 'ccg_other' );
		delete_user_meta( get_current_user_id(), 'ccg_other_meta' );
		$this->assertFileDoesNotExist( $thumbnail );
		$this->assertFalse( wp_next_scheduled( 'ccg_refresh_listing', array( 'id:x' ) ) );
		$this->assertFalse( wp_next_scheduled( 'ccg_evict_thumbnails' ) );
		$this->assertSame( array(), get_post_meta( $post_id, \CustomerCloudGallery\Storage\Keys::GALLERY_POSTS_META ), 'The gallery index goes with it; the post stays.' );
		$this->assertNotNull( get_post( $post_id ) );
		wp_delete_post( $post_id, true );
	}

	public function test_deactivation_deletes_the_thumbnails_on_disk_and_the_scheduled_events_only(): void {
		$thumbnail = $this->services()->thumbnail_cache()->write( new \CustomerCloudGallery\Images\ImageRef( 'dropbox', 'id:x', 'r1', 'w256h256', 'id:folder' ), TestImages::jpeg() );
		$this->assertNotNull( $thumbnail );
		$this->assertFileExists( $thumbnail );
		wp_schedule_single_event( time() + 60, 'ccg_refresh_listing', array( 'dropbox', 'id:x' ) );
		$this->services()->gallery_root()->set( 'dropbox', null );

		\CustomerCloudGallery\Plugin::deactivate();

		$this->assertFileDoesNotExist( $thumbnail, 'The web server would keep sending it while nothing can remove it.' );
		$this->assertFalse( wp_next_scheduled( 'ccg_refresh_listing', array( 'dropbox', 'id:x' ) ) );
		$this->assertNotFalse( get_option( \CustomerCloudGallery\Storage\Keys::GALLERY_ROOT ), 'Settings stay for when it is activated again.' );
	}

	private function plugin_rows(): int {
		global $wpdb;
		$like = '%' . $wpdb->esc_like( 'ccg_' ) . '%';
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name LIKE %s AND option_name NOT LIKE %s", $like, '%ccg\_other%' ) )
			+ (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->usermeta} WHERE meta_key LIKE %s AND meta_key NOT LIKE %s", $like, '%ccg\_other%' ) );
	}
}
