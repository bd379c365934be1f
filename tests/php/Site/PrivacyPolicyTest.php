<?php
/**
 * The suggested privacy-policy text reaches WordPress's policy guide.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Site;

use CustomerCloudGallery\Admin\PrivacyPolicy;
use CustomerCloudGallery\Tests\TestCase;
use WP_Privacy_Policy_Content;

final class PrivacyPolicyTest extends TestCase {

	private mixed $saved_hook = null;

	protected function setUp(): void {
		parent::setUp();
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		require_once ABSPATH . 'wp-admin/includes/class-wp-privacy-policy-content.php';
		global $wp_filter;
		$this->saved_hook = $wp_filter['admin_init'] ?? null;
	}

	protected function tearDown(): void {
		global $wp_filter;
		$wp_filter['admin_init'] = $this->saved_hook;
		$GLOBALS['current_screen'] = null;
		parent::tearDown();
	}

	public function test_the_plugin_hooks_its_policy_text_on_admin_init(): void {
		global $wp_filter;

		$hooked = array();
		foreach ( $wp_filter['admin_init']->callbacks ?? array() as $callbacks ) {
			foreach ( $callbacks as $callback ) {
				if ( is_array( $callback['function'] ) && $callback['function'][0] instanceof PrivacyPolicy ) {
					$hooked[] = $callback['function'][1];
				}
			}
		}
		$this->assertSame( array( 'add_suggested_text' ), $hooked );
	}

	public function test_admin_init_adds_the_suggested_text_to_the_policy_guide(): void {
		global $wp_filter;

		set_current_screen( 'options-privacy' );
		// Only this plugin's callback runs, not the rest of wp-admin's start.
		unset( $wp_filter['admin_init'] );
		( new PrivacyPolicy() )->register();
		do_action( 'admin_init' );

		$ours = array_values(
			array_filter(
				WP_Privacy_Policy_Content::get_suggested_policy_text(),
				static fn ( array $entry ): bool => 'Customer Cloud Gallery' === $entry['plugin_name']
			)
		);
		$this->assertCount( 1, $ours );
		$text = $ours[0]['policy_text'];
		foreach ( array( 'does not connect to Dropbox or Google', 'keyed hash', 'sets no cookies', 'administrators only' ) as $promise ) {
			$this->assertStringContainsString( $promise, $text );
		}
		$this->assertSame( wp_kses_post( $text ), $text, 'Nothing the policy editor would strip.' );
	}
}
