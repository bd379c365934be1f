<?php
/**
 * Refreshing Google access tokens: once under the lock, once after a 401,
 * and what an invalid_grant means depending on the grant's age.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Google;

use CustomerCloudGallery\Cache\Locks;
use CustomerCloudGallery\Providers\Connection;
use CustomerCloudGallery\Providers\OAuthApp\Account;
use CustomerCloudGallery\Providers\Google\GoogleError;
use CustomerCloudGallery\Providers\Google\Scopes;
use CustomerCloudGallery\Providers\OAuthApp\TokenRecord;
use CustomerCloudGallery\Storage\Encryption;
use CustomerCloudGallery\Storage\EncryptionKey;
use CustomerCloudGallery\Storage\Keys;

final class GoogleTokenRefreshTest extends GoogleTestCase {

	public function test_an_expiring_token_is_refreshed_once_with_the_client_in_the_body(): void {
		$this->store_grant( 60 );
		$this->token_endpoint_refreshes( 'ya29.a0-refreshed' );
		$this->answer_about();

		$this->about();
		$this->about();

		$refreshes = $this->google->sent( 'POST ' . self::TOKEN . '/token' );
		$this->assertCount( 1, $refreshes, 'One refresh serves every later call.' );
		$this->assertSame(
			array(
				'grant_type'    => 'refresh_token',
				'refresh_token' => self::REFRESH_TOKEN,
				'client_id'     => self::CLIENT_ID,
				'client_secret' => self::CLIENT_SECRET,
			),
			FakeGoogle::form( $refreshes[0] )
		);
		foreach ( $this->google->sent( 'GET ' . self::API . '/drive/v3/about' ) as $request ) {
			$this->assertSame( 'Bearer ya29.a0-refreshed', self::bearer( $request ) );
		}
		$stored = $this->parts->tokens()->load( true );
		$this->assertSame( 'ya29.a0-refreshed', $stored?->access_token );
		$this->assertSame( self::REFRESH_TOKEN, $stored?->refresh_token, 'Google sends no refresh token on a refresh: the old one stays.' );
		$this->assertGreaterThan( time() + 3000, $stored?->expires_at );
	}

	public function test_a_worker_that_finds_the_lock_taken_waits_for_the_new_token(): void {
		global $wpdb;

		$this->store_grant( 60 );
		$this->answer_about();
		// Another worker holds the lock and has just written its new token to
		// the database; this process still has the expiring one in memory.
		$lock = ( new Locks() )->create( 'google_token_refresh', 30 );
		$this->assertTrue( $lock->acquire() );
		$encryption = new Encryption( new EncryptionKey() );
		$newer      = new TokenRecord( 'ya29.from-the-other-worker', time() + 3599, self::REFRESH_TOKEN, array( Scopes::DRIVE_READONLY ), null, null, null, time() );
		$wpdb->update( $wpdb->options, array( 'option_value' => $encryption->encrypt( (string) wp_json_encode( $newer->to_array() ) ) ), array( 'option_name' => Keys::GOOGLE_TOKEN ) );
		$this->assertSame( self::ACCESS_TOKEN, $this->parts->tokens()->load()?->access_token, 'The process still sees its cached copy.' );
		try {
			$this->about();
		} finally {
			$lock->release();
		}

		$this->assertSame( 0, $this->google->count( 'POST ' . self::TOKEN ), 'No token call of its own.' );
		$this->assertSame( 'Bearer ya29.from-the-other-worker', self::bearer( $this->google->sent( 'GET ' . self::API )[0] ) );
	}

	public function test_a_401_refreshes_once_and_retries_once(): void {
		$this->store_grant();
		$this->token_endpoint_refreshes( 'ya29.a0-after-401' );
		$this->google->on(
			'GET ' . self::API . '/drive/v3/about',
			array(
				FakeGoogle::drive_error( 401, 'authError', 'Invalid Credentials', array( 'status' => 'UNAUTHENTICATED' ) ),
				FakeGoogle::json( 200, array( 'user' => array( 'displayName' => 'Alex' ) ) ),
			)
		);

		$this->assertSame( 'Alex', $this->about()->name );

		$abouts = $this->google->sent( 'GET ' . self::API . '/drive/v3/about' );
		$this->assertCount( 2, $abouts );
		$this->assertSame( 'Bearer ' . self::ACCESS_TOKEN, self::bearer( $abouts[0] ) );
		$this->assertSame( 'Bearer ya29.a0-after-401', self::bearer( $abouts[1] ) );
		$this->assertSame( 1, $this->google->count( 'POST ' . self::TOKEN . '/token' ) );
		$this->assertSame( array(), $this->sleeps, 'A 401 is not a reason to back off.' );
	}

	public function test_a_second_401_is_not_retried_again(): void {
		$this->store_grant();
		$this->token_endpoint_refreshes();
		$this->google->on( 'GET ' . self::API . '/drive/v3/about', FakeGoogle::drive_error( 401, 'authError', 'Invalid Credentials' ) );

		try {
			$this->about();
			$this->fail( 'A token refused twice must fail the call.' );
		} catch ( GoogleError $error ) {
			$this->assertSame( GoogleError::UNAUTHENTICATED, $error->kind );
		}
		$this->assertSame( 2, $this->google->count( 'GET ' . self::API ) );
		$this->assertSame( 1, $this->google->count( 'POST ' . self::TOKEN ) );
	}

	public function test_invalid_grant_a_week_after_consent_is_a_testing_app_expiring(): void {
		$this->store_grant( -10, 7 * DAY_IN_SECONDS + 600 );
		$this->refresh_fails_with_invalid_grant();

		try {
			$this->about();
			$this->fail( 'An expired grant must fail the call.' );
		} catch ( GoogleError $error ) {
			$this->assertSame( GoogleError::TESTING_EXPIRED, $error->kind );
		}

		$connection = $this->module->provider()->connection();
		$this->assertSame( Connection::STATUS_NEEDS_ATTENTION, $connection->status );
		$this->assertSame( 'testing_grant_expired', $connection->problem?->code );
		$this->assertStringContainsString( 'Testing', (string) $connection->problem?->message );
		$this->assertStringContainsString( 'Publish the app (Google Cloud console → APIs & Services → OAuth consent screen → Publish app) and press Reconnect', (string) $connection->problem?->fix );
		$this->assertSame( 'reconnect', $connection->problem?->action );
	}

	public function test_invalid_grant_of_a_younger_grant_is_a_revocation(): void {
		$this->store_grant( -10, 2 * DAY_IN_SECONDS );
		$this->refresh_fails_with_invalid_grant();

		try {
			$this->about();
			$this->fail( 'A revoked grant must fail the call.' );
		} catch ( GoogleError $error ) {
			$this->assertSame( GoogleError::INVALID_GRANT, $error->kind );
		}

		$connection = $this->module->provider()->connection();
		$this->assertSame( 'invalid_grant', $connection->problem?->code );
		$this->assertStringContainsString( 'Reconnect', (string) $connection->problem?->fix );
		$this->assertStringNotContainsString( 'Publish', (string) $connection->problem?->fix );
	}

	public function test_a_token_endpoint_hiccup_keeps_using_a_still_valid_token(): void {
		$this->store_grant( 120 );
		$this->google->on( 'POST ' . self::TOKEN . '/token', FakeGoogle::bytes( 503, 'Service Unavailable' ) );
		$this->answer_about();

		$this->about();

		$this->assertSame( 'Bearer ' . self::ACCESS_TOKEN, self::bearer( $this->google->sent( 'GET ' . self::API )[0] ) );
	}

	private function about(): Account {
		return $this->parts->calls()->call( fn ( string $token ): Account => $this->parts->api()->account( $token ) );
	}

	private function answer_about(): void {
		$this->google->on( 'GET ' . self::API . '/drive/v3/about', FakeGoogle::json( 200, array( 'user' => array( 'displayName' => 'Alex' ) ) ) );
	}

	private function refresh_fails_with_invalid_grant(): void {
		$this->google->on(
			'POST ' . self::TOKEN . '/token',
			FakeGoogle::json(
				400,
				array(
					'error'             => 'invalid_grant',
					'error_description' => 'Token has been expired or revoked.',
				)
			)
		);
	}
}
