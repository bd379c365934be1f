<?php
/**
 * No token or secret ever leaves the server: every route, every role.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Dropbox;

use CustomerCloudGallery\Admin\SettingsAssets;
use CustomerCloudGallery\Providers\Dropbox\DropboxError;
use CustomerCloudGallery\Tests\SandboxTestCase;
use WP_REST_Response;

final class SecretLeakTest extends SandboxTestCase {

	public function test_no_response_carries_a_secret_or_token(): void {
		$this->register_app();
		$this->save_credentials();
		$this->assertSame( array( 'ccg_oauth' => 'connected' ), $this->connect() );
		$grant   = $this->stored_grant();
		$secrets = array(
			'App secret'    => $this->app['secret'],
			'access token'  => $grant->access_token,
			'refresh token' => (string) $grant->refresh_token,
		);

		$responses = array();
		foreach ( array( 'editor', 'admin' ) as $role ) {
			$this->act_as( $role );
			$responses[ "{$role} GET /connections" ]          = $this->rest( 'GET', '/connections' );
			$responses[ "{$role} GET /connections/dropbox" ]  = $this->rest( 'GET', '/connections/dropbox' );
			$responses[ "{$role} OPTIONS /connections" ]      = $this->rest( 'OPTIONS', '/connections' );
		}
		$this->act_as( 'admin' );
		$responses['test']                = $this->rest( 'POST', '/connections/dropbox/test' );
		$responses['authorize']           = $this->rest( 'POST', '/connections/dropbox/authorize' );
		$responses['credentials, kept']   = $this->rest( 'POST', '/connections/dropbox/credentials', array( 'appKey' => $this->app['key'], 'accessType' => 'full' ) );
		$this->sandbox->expire_access_tokens();
		$responses['test after a refresh'] = $this->rest( 'POST', '/connections/dropbox/test' );
		$refreshed                         = $this->stored_grant()->access_token;
		$secrets['refreshed access token'] = $refreshed;
		$responses['disconnect']           = $this->rest( 'POST', '/connections/dropbox/disconnect' );
		$responses['test, disconnected']   = $this->rest( 'POST', '/connections/dropbox/test' );

		foreach ( $responses as $label => $response ) {
			$this->assertLessThan( 500, $response->get_status(), $label );
			$wire = $this->serialize( $response );
			foreach ( $secrets as $name => $secret ) {
				$this->assertStringNotContainsString( $secret, $wire, "{$label} leaks the {$name}." );
			}
		}
	}

	public function test_errors_and_the_settings_screen_carry_no_secret(): void {
		$this->register_app();
		$this->save_credentials( 'wrong-secret-value' );
		$this->connect();

		$notice = (string) wp_json_encode( $this->services()->flash_notices()->take( get_current_user_id() )?->to_array() );
		$this->assertStringNotContainsString( 'wrong-secret-value', $notice );

		try {
			$this->dropbox_parts()->api()->account( 'sl.a-made-up-token-value' );
			$this->fail( 'A made-up token must be refused.' );
		} catch ( DropboxError $error ) {
			$this->assertStringNotContainsString( 'sl.a-made-up-token-value', $error->getMessage() . $error->summary );
		}

		if ( is_readable( dirname( \CustomerCloudGallery\PLUGIN_FILE ) . '/build/settings/index.asset.php' ) ) {
			( new SettingsAssets( $this->services()->flash_notices() ) )->enqueue();
			$inline = implode( "\n", (array) wp_scripts()->get_data( SettingsAssets::HANDLE, 'before' ) );
			wp_deregister_script( SettingsAssets::HANDLE );
			$this->assertStringNotContainsString( 'wrong-secret-value', $inline );
		}
	}

	private function serialize( WP_REST_Response $response ): string {
		return (string) wp_json_encode(
			array(
				'status'  => $response->get_status(),
				'headers' => $response->get_headers(),
				'data'    => rest_get_server()->response_to_data( $response, true ),
			)
		);
	}
}
