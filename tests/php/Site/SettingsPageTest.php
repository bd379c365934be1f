<?php
/**
 * The admin menu, the mount point and the start-up data of the Settings screen.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Site;

use CustomerCloudGallery\Admin\SettingsAssets;
use CustomerCloudGallery\Admin\SettingsPage;
use CustomerCloudGallery\OAuth\FlashNotices;
use CustomerCloudGallery\OAuth\Notice;
use CustomerCloudGallery\Tests\TestCase;

final class SettingsPageTest extends TestCase {

	public function test_menu_is_for_administrators_only(): void {
		global $menu, $submenu;
		$menu    = array();
		$submenu = array();

		$this->act_as( 'admin' );
		( new SettingsPage( new SettingsAssets( new FlashNotices() ) ) )->add_menu();

		$entry = current( array_filter( $menu, static fn ( array $item ): bool => 'customer-cloud-gallery' === $item[2] ) );
		$this->assertIsArray( $entry );
		$this->assertSame( 'Customer Cloud Gallery', $entry[0] );
		$this->assertSame( 'manage_options', $entry[1] );
		$this->assertSame( 'dashicons-format-gallery', $entry[6] );
		$this->assertSame( 'Settings', $submenu['customer-cloud-gallery'][0][0] );
		$this->assertSame( 'customer-cloud-gallery', $submenu['customer-cloud-gallery'][0][2] );
	}

	public function test_page_prints_the_mount_point(): void {
		ob_start();
		( new SettingsPage( new SettingsAssets( new FlashNotices() ) ) )->render();
		$html = (string) ob_get_clean();

		$this->assertStringContainsString( '<div class="wrap">', $html );
		$this->assertMatchesRegularExpression( '#<h1>[^<]*Settings</h1>#', $html );
		$this->assertStringContainsString( '<div id="ccg-settings-root"></div>', $html );
	}

	public function test_start_up_data_carries_the_flash_notice_once_and_escaped(): void {
		if ( ! is_readable( dirname( \CustomerCloudGallery\PLUGIN_FILE ) . '/build/settings/index.asset.php' ) ) {
			$this->markTestSkipped( 'Run npm run build first: the Settings script is not built.' );
		}
		$this->act_as( 'admin' );
		$notices = new FlashNotices();
		$notices->put( get_current_user_id(), new Notice( Notice::ERROR, 'Bad </script><script>alert(1)</script>', 'Fix it', 'invalid_client' ) );

		$assets = new SettingsAssets( $notices );
		$assets->enqueue();
		$inline = implode( "\n", (array) wp_scripts()->get_data( SettingsAssets::HANDLE, 'before' ) );
		wp_dequeue_script( SettingsAssets::HANDLE );
		wp_deregister_script( SettingsAssets::HANDLE );

		$this->assertStringStartsWith( 'window.ccgSettings = {', trim( $inline ) );
		$this->assertStringNotContainsString( '</script>', $inline );
		$data = json_decode( substr( trim( $inline ), strlen( 'window.ccgSettings = ' ), -1 ), true );
		$this->assertSame( array( 'notice', 'dropboxWebhookUri' ), array_keys( $data ), 'The screen reads nothing else from the page.' );
		$this->assertSame( rest_url( 'customer-cloud-gallery/v1/webhooks/dropbox' ), $data['dropboxWebhookUri'] );
		$this->assertSame( 'error', $data['notice']['status'] );
		$this->assertSame( 'Bad </script><script>alert(1)</script>', $data['notice']['message'] );
		$this->assertSame( 'invalid_client', $data['notice']['code'] );
		$this->assertNull( $notices->take( get_current_user_id() ), 'Loading the page consumed the notice.' );
	}
}
