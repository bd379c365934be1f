<?php
/**
 * On a network, each site has its own connection, and only that site's
 * administrators (and super admins) can see or change it.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Multisite;

use CustomerCloudGallery\Admin\SettingsPage;
use CustomerCloudGallery\Storage\Keys;

final class NetworkAccessTest extends NetworkTestCase {

	private const APP_A = array(
		'appKey'     => 'site-a-key',
		'appSecret'  => 'site-a-secret',
		'accessType' => 'full',
	);

	private const APP_B = array(
		'appKey'     => 'site-b-key',
		'appSecret'  => 'site-b-secret',
		'accessType' => 'full',
	);

	public function test_the_plugin_is_active_for_the_network_and_serves_every_site(): void {
		$this->assertTrue( is_plugin_active_for_network( plugin_basename( \CustomerCloudGallery\PLUGIN_FILE ) ) );
		$this->assertNotContains( plugin_basename( \CustomerCloudGallery\PLUGIN_FILE ), (array) get_option( 'active_plugins' ), 'Active for the network, not per site.' );
		foreach ( array( 'site-a', 'site-b' ) as $slug ) {
			$response = $this->rest_as( $slug . '-admin', 'GET', $slug, '/connections' );
			$this->assertSame( 200, $response['status'], "{$slug}: " . wp_json_encode( $response['data'] ) );
			$statuses = array_column( $response['data'], 'status', 'provider' );
			$this->assertSame( 'unconfigured', $statuses['dropbox'] ?? null );
			$this->assertSame( 'unconfigured', $statuses['google'] ?? null );
		}
	}

	public function test_each_site_keeps_its_own_connection(): void {
		$a = $this->blog( 'site-a' );
		$b = $this->blog( 'site-b' );

		$this->assertSame( 200, $this->rest_as( 'site-a-admin', 'POST', 'site-a', '/connections/dropbox/credentials', self::APP_A )['status'] );
		$this->assertSame( 200, $this->rest_as( 'site-b-admin', 'POST', 'site-b', '/connections/dropbox/credentials', self::APP_B )['status'] );

		$this->assertSame( 'site-a-key', $this->app_key( 'site-a-admin', 'site-a' ) );
		$this->assertSame( 'site-b-key', $this->app_key( 'site-b-admin', 'site-b' ) );
		$stored_a = $this->stored_option( (int) $a->blog_id, Keys::DROPBOX_CREDENTIALS );
		$stored_b = $this->stored_option( (int) $b->blog_id, Keys::DROPBOX_CREDENTIALS );
		$this->assertIsArray( $stored_a );
		$this->assertIsArray( $stored_b );
		$this->assertStringNotContainsString( 'site-a-secret', (string) wp_json_encode( $stored_a ), 'The secret is encrypted at rest.' );
		$this->assertNotSame( $stored_a, $stored_b );
		$this->assertNull( $this->stored_option( get_main_site_id(), Keys::DROPBOX_CREDENTIALS ), 'The main site has none.' );
	}

	public function test_another_sites_admin_can_neither_see_nor_change_its_connection(): void {
		$b = $this->blog( 'site-b' );
		$this->assertSame( 200, $this->rest_as( 'site-b-admin', 'POST', 'site-b', '/connections/dropbox/credentials', self::APP_B )['status'] );
		$before = $this->stored_option( (int) $b->blog_id, Keys::DROPBOX_CREDENTIALS );

		foreach ( array( 'site-a-admin', 'site-a-editor' ) as $outsider ) {
			$this->assertSame( 403, $this->rest_as( $outsider, 'GET', 'site-b', '/connections' )['status'], "{$outsider} lists site B's connections" );
			$this->assertSame( 403, $this->rest_as( $outsider, 'GET', 'site-b', '/connections/dropbox' )['status'] );
			$this->assertSame( 403, $this->rest_as( $outsider, 'GET', 'site-b', '/settings' )['status'] );
			$this->assertSame( 403, $this->rest_as( $outsider, 'POST', 'site-b', '/connections/dropbox/credentials', self::APP_A )['status'] );
			$this->assertSame( 403, $this->rest_as( $outsider, 'DELETE', 'site-b', '/connections/dropbox/credentials' )['status'] );
			$this->assertSame( 403, $this->rest_as( $outsider, 'POST', 'site-b', '/connections/dropbox/authorize' )['status'] );
		}
		$this->assertSame( $before, $this->stored_option( (int) $b->blog_id, Keys::DROPBOX_CREDENTIALS ), 'Site B\'s connection is unchanged.' );

		// On its own site, the editor sees which clouds are connected, not the app.
		$own = $this->rest_as( 'site-a-editor', 'GET', 'site-a', '/connections/dropbox' );
		$this->assertSame( 200, $own['status'] );
		$this->assertFalse( $own['data']['canManage'] );
		$this->assertNull( $own['data']['credentials'] );
	}

	public function test_a_super_admin_manages_each_sites_connection_on_that_site(): void {
		$a = $this->blog( 'site-a' );
		$b = $this->blog( 'site-b' );
		$this->assertTrue( is_super_admin( $this->user( 'admin' )->ID ) );
		$this->assertFalse( is_super_admin( $this->user( 'site-b-admin' )->ID ), 'The subsite admins are not super admins.' );
		$this->assertSame( 200, $this->rest_as( 'site-b-admin', 'POST', 'site-b', '/connections/dropbox/credentials', self::APP_B )['status'] );

		$seen = $this->rest_as( 'admin', 'GET', 'site-b', '/connections/dropbox' );
		$this->assertSame( 200, $seen['status'] );
		$this->assertTrue( $seen['data']['canManage'] );
		$this->assertSame( 'site-b-key', $this->app_key( 'admin', 'site-b' ) );
		$this->assertStringNotContainsString( 'site-b-secret', (string) wp_json_encode( $seen['data'] ), 'Nobody gets a secret back, super admins included.' );

		$this->assertSame( 200, $this->rest_as( 'admin', 'POST', 'site-a', '/connections/dropbox/credentials', self::APP_A )['status'] );
		$this->assertSame( 'site-a-key', $this->app_key( 'site-a-admin', 'site-a' ) );
		$this->assertSame( 'site-b-key', $this->app_key( 'site-b-admin', 'site-b' ), 'Changing site A left site B alone.' );
		$this->assertNotNull( $this->stored_option( (int) $a->blog_id, Keys::DROPBOX_CREDENTIALS ) );
		$this->assertNotNull( $this->stored_option( (int) $b->blog_id, Keys::DROPBOX_CREDENTIALS ) );
	}

	public function test_the_settings_screen_is_each_sites_own(): void {
		$page = 'admin.php?page=' . SettingsPage::SLUG;

		$own = $this->admin_page_as( 'site-a-admin', 'site-a', $page );
		$this->assertSame( 200, $own['status'] );
		$this->assertStringContainsString( 'id="ccg-settings-root"', $own['body'] );
		$this->assertStringContainsString( $this->json_url( 'site-a' ), $own['body'], 'Its webhook URI is site A\'s.' );

		$other = $this->admin_page_as( 'site-a-admin', 'site-b', $page );
		$this->assertSame( 403, $other['status'] );
		$this->assertStringNotContainsString( 'ccg-settings-root', $other['body'] );
		$this->assertStringNotContainsString( $this->json_url( 'site-b' ), $other['body'] );

		$callback = $this->admin_page_as( 'site-a-admin', 'site-b', 'admin-post.php?action=ccg_oauth_dropbox&code=stolen&state=stolen' );
		$this->assertSame( 403, $callback['status'], 'Nor can they finish an OAuth flow on site B.' );

		$editor = $this->admin_page_as( 'site-a-editor', 'site-a', $page );
		$this->assertSame( 403, $editor['status'], 'Editors do not get the screen on their own site either.' );

		$super = $this->admin_page_as( 'admin', 'site-b', $page );
		$this->assertSame( 200, $super['status'] );
		$this->assertStringContainsString( $this->json_url( 'site-b' ), $super['body'] );
	}

	private function app_key( string $login, string $slug ): ?string {
		$response = $this->rest_as( $login, 'GET', $slug, '/connections/dropbox' );
		$this->assertSame( 200, $response['status'] );
		$credentials = $response['data']['credentials'] ?? null;
		return is_array( $credentials ) && isset( $credentials['appKey'] ) ? (string) $credentials['appKey'] : null;
	}

	/**
	 * The site's Dropbox webhook URI as the Settings screen's boot data prints it (JSON, slashes escaped).
	 */
	private function json_url( string $slug ): string {
		return str_replace( '/', '\\/', $this->url( $slug, 'wp-json/customer-cloud-gallery/v1/webhooks/dropbox' ) );
	}
}
