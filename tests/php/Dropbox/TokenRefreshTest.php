<?php
/**
 * Short-lived access tokens: refreshed once, before expiry or on a 401.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Dropbox;

use CustomerCloudGallery\Providers\OAuthApp\TokenRecord;
use CustomerCloudGallery\Tests\SandboxTestCase;

final class TokenRefreshTest extends SandboxTestCase {

	protected function setUp(): void {
		parent::setUp();
		$this->register_app();
		$this->save_credentials();
		$this->assertSame( array( 'ccg_oauth' => 'connected' ), $this->connect() );
		$this->sandbox->reset_request_counts();
	}

	public function test_a_token_dropbox_calls_expired_is_refreshed_once_and_the_call_retried(): void {
		$before = $this->stored_grant();
		$this->assertGreaterThan( 0, $this->sandbox->expire_access_tokens() );

		$result = $this->rest( 'POST', '/connections/dropbox/test' )->get_data();

		$this->assertTrue( $result['ok'], $result['message'] );
		$this->assertSame( 1, $this->sandbox->requests( 'oauth2/token' ), 'Exactly one refresh.' );
		$this->assertSame( 2, $this->sandbox->requests( 'users/get_current_account' ), 'One 401, one retry.' );
		$listed = $this->sandbox->request_counts();
		$this->assertSame( 1, $this->sandbox->requests( 'files/get_thumbnail_v2' ) );

		$after = $this->stored_grant();
		$this->assertNotSame( $before->access_token, $after->access_token );
		$this->assertSame( $before->refresh_token, $after->refresh_token, 'Dropbox does not rotate refresh tokens.' );
		$this->assertSame( $before->scopes, $after->scopes );
		$this->assertTrue( $this->dropbox_accepts( $after->access_token ) );

		$this->forget_cached_options();
		$this->sandbox->reset_request_counts();
		$this->assertTrue( $this->rest( 'POST', '/connections/dropbox/test' )->get_data()['ok'] );
		$this->assertSame( 0, $this->sandbox->requests( 'oauth2/token' ), 'Later requests reuse the refreshed token.' );
		$again = $this->sandbox->request_counts();
		foreach ( array( 'files/list_folder', 'files/list_folder/continue', 'files/get_thumbnail_v2' ) as $route ) {
			$this->assertSame( $again[ $route ] ?? 0, $listed[ $route ] ?? 0, "The calls after the refresh used the new token at once: no {$route} was retried." );
		}
	}

	public function test_a_token_about_to_expire_is_refreshed_before_use(): void {
		$this->expire_locally_in( 60 );

		$result = $this->rest( 'POST', '/connections/dropbox/test' )->get_data();

		$this->assertTrue( $result['ok'], $result['message'] );
		$this->assertSame( 1, $this->sandbox->requests( 'oauth2/token' ) );
		$this->assertSame( 1, $this->sandbox->requests( 'users/get_current_account' ), 'No 401 round trip.' );
		$this->assertGreaterThan( time() + 3600, $this->stored_grant()->expires_at );
	}

	public function test_a_token_with_time_left_is_not_refreshed(): void {
		$this->assertTrue( $this->rest( 'POST', '/connections/dropbox/test' )->get_data()['ok'] );
		$this->assertSame( 0, $this->sandbox->requests( 'oauth2/token' ) );
	}

	public function test_an_unreachable_token_endpoint_falls_back_to_a_still_valid_token(): void {
		$this->expire_locally_in( 120 );
		$this->sandbox->add_fault(
			array(
				'route' => 'oauth2/token',
				'kind'  => 'status',
				'status' => 503,
			)
		);

		$result = $this->rest( 'POST', '/connections/dropbox/test' )->get_data();

		$this->assertTrue( $result['ok'], 'Two minutes are left: the old token still serves. ' . $result['message'] );
	}

	private function expire_locally_in( int $seconds ): void {
		$grant = $this->stored_grant();
		$this->dropbox_parts()->tokens()->save(
			new TokenRecord( $grant->access_token, time() + $seconds, $grant->refresh_token, $grant->scopes, $grant->account_id, $grant->account_name, $grant->account_email, $grant->connected_at )
		);
	}
}
