<?php
/**
 * Deleting the plugin from the Network Admin removes what it stored on
 * every site of the network, and nothing else.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Multisite;

use CustomerCloudGallery\Gallery\Folder;
use CustomerCloudGallery\Gallery\Listing;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\OAuth\Notice;
use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Tests\Support\TestImages;

final class NetworkUninstallTest extends NetworkTestCase {

	public function test_uninstall_cleans_every_site_of_the_network(): void {
		global $wpdb;
		$this->act_as( 'admin' );
		$blogs   = array_map( 'intval', get_sites( array( 'fields' => 'ids' ) ) );
		$listing = new Listing( new Folder( 'id:clients', 'Clients', '/Clients', '/clients' ), array(), array(), '', time() );
		$seeded  = array();
		$this->assertCount( 3, $blogs );

		foreach ( $blogs as $blog_id ) {
			switch_to_blog( $blog_id );
			$this->services()->gallery_root()->set( 'dropbox', null );
			$this->pin_static_images_check( true );
			$this->services()->listing_store()->put( 'dropbox', 'id:clients', $listing );
			// A transient row from before the object cache was installed.
			$wpdb->insert(
				$wpdb->options,
				array(
					'option_name'  => '_transient_' . Keys::FOLDER_META_PREFIX . 'old',
					'option_value' => 'x',
					'autoload'     => 'off',
				)
			);
			update_option( 'ccg_other', 'another plugin\'s' );
			$thumbnail = $this->services()->thumbnail_cache()->write( new ImageRef( 'dropbox', 'id:x', 'r1', 'w256h256' ), TestImages::jpeg() );
			$this->assertNotNull( $thumbnail );
			wp_schedule_single_event( time() + 60, 'ccg_refresh_listing', array( 'dropbox', 'id:x' ) );
			$post_id = (int) wp_insert_post(
				array(
					'post_title'  => 'A gallery post',
					'post_status' => 'draft',
				)
			);
			add_post_meta( $post_id, Keys::GALLERY_POSTS_META, 'dropbox|id:x' );
			$seeded[ $blog_id ] = array(
				'thumbnail' => $thumbnail,
				'post'      => $post_id,
				'folder'    => dirname( $thumbnail, 3 ),
			);
			restore_current_blog();
			$this->assertNotSame( array( 'ccg_other' ), $this->plugin_option_names( $blog_id ), "Site {$blog_id} has the plugin's rows before." );
		}
		$this->services()->flash_notices()->put( get_current_user_id(), new Notice( Notice::INFO, 'hello' ) );

		$this->assertSame( array( 'network_active' => false ), $this->network_plugin( 'uninstall' ) );
		try {
			wp_cache_flush();
			foreach ( $blogs as $blog_id ) {
				$this->assertSame( array( 'ccg_other' ), $this->plugin_option_names( $blog_id ), "Site {$blog_id}: only another plugin's row is left." );
				$this->assertFileDoesNotExist( $seeded[ $blog_id ]['thumbnail'] );
				$this->assertDirectoryDoesNotExist( $seeded[ $blog_id ]['folder'], "Site {$blog_id}'s thumbnail folder." );
				$this->assertStringNotContainsString( 'ccg_', (string) wp_json_encode( $this->stored_option( $blog_id, 'cron' ) ), "Site {$blog_id}: no WP-Cron event of the plugin." );
				switch_to_blog( $blog_id );
				$this->assertSame( 0, (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->postmeta} WHERE meta_key = %s", Keys::GALLERY_POSTS_META ) ) );
				$this->assertNotNull( get_post( $seeded[ $blog_id ]['post'] ), 'The post stays.' );
				restore_current_blog();
			}
			$this->assertSame( 0, (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->usermeta} WHERE meta_key = %s", Keys::FLASH_NOTICE ) ) );
		} finally {
			$this->assertSame( array( 'network_active' => true ), $this->network_plugin( 'activate' ) );
		}

		// The listings sit in Redis, where nothing can enumerate them; the
		// names they were written under are gone, so a reinstall reads none.
		wp_cache_flush_runtime();
		foreach ( $blogs as $blog_id ) {
			switch_to_blog( $blog_id );
			$this->assertNull( $this->services()->listing_store()->get( 'dropbox', 'id:clients', true ), "Site {$blog_id}: no listing from before." );
			delete_option( 'ccg_other' );
			wp_delete_post( $seeded[ $blog_id ]['post'], true );
			restore_current_blog();
		}
	}

	/**
	 * @return array<string, mixed> What network-plugin.php printed.
	 */
	private function network_plugin( string $action ): array {
		$output = array();
		$code   = 0;
		exec( 'php ' . escapeshellarg( __DIR__ . '/network-plugin.php' ) . ' ' . escapeshellarg( $action ) . ' 2>&1', $output, $code );
		$this->assertSame( 0, $code, implode( "\n", $output ) );
		$result = json_decode( (string) end( $output ), true );
		$this->assertIsArray( $result, implode( "\n", $output ) );
		return $result;
	}
}
