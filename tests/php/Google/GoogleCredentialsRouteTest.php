<?php
/**
 * POST and DELETE /connections/google/credentials: who may call them, what
 * they store, and that the secret never comes back.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Google;

use CustomerCloudGallery\Providers\Google\Endpoints;
use CustomerCloudGallery\Storage\Keys;

final class GoogleCredentialsRouteTest extends GoogleTestCase {

	private const ROUTE = '/connections/google/credentials';

	private const ROLES = array( null, 'subscriber', 'contributor', 'author', 'editor', 'admin' );

	/**
	 * The routes under test are the plugin's own (Services wires the Google
	 * module); this test's module shares their options, so it reads what
	 * they stored.
	 */
	protected function setUp(): void {
		parent::setUp();
		$GLOBALS['wp_rest_server'] = null;
	}

	protected function tearDown(): void {
		$GLOBALS['wp_rest_server'] = null;
		parent::tearDown();
	}

	public function test_only_administrators_may_save_or_delete_credentials(): void {
		foreach ( array( 'POST', 'DELETE' ) as $method ) {
			foreach ( self::ROLES as $role ) {
				$this->act_as( $role );
				$response = $this->rest( $method, self::ROUTE, 'POST' === $method ? $this->body() : array() );
				$who      = $role ?? 'a visitor';

				if ( 'admin' === $role ) {
					$this->assertSame( 200, $response->get_status(), "{$method} must admit an administrator." );
					continue;
				}
				$this->assertSame( null === $role ? 401 : 403, $response->get_status(), "{$method} must refuse {$who}." );
				$this->assertSame( 'ccg_forbidden', $response->get_data()['code'] );
			}
		}
	}

	public function test_saving_makes_the_connection_ready_and_never_returns_the_secret(): void {
		$this->act_as( 'admin' );

		$response = $this->rest(
			'POST',
			self::ROUTE,
			array(
				'clientId'     => '  ' . self::CLIENT_ID . "\n",
				'clientSecret' => ' ' . self::CLIENT_SECRET . ' ',
			)
		);

		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = $response->get_data();
		$this->assertSame( 'google', $data['provider'] );
		$this->assertSame( 'Google Drive', $data['label'] );
		$this->assertSame( 'ready', $data['status'] );
		$this->assertSame(
			array(
				'clientId'     => self::CLIENT_ID,
				'secretStored' => true,
			),
			$data['credentials']
		);
		$this->assertSame( admin_url( 'admin-post.php?action=ccg_oauth_google' ), $data['redirectUri'] );
		$this->assertStringNotContainsString( self::CLIENT_SECRET, (string) wp_json_encode( $data ) );
		$this->assertSame( self::CLIENT_SECRET, $this->parts->credentials()->load()?->secret, 'Trimmed and readable.' );
		$this->assertStringNotContainsString( self::CLIENT_SECRET, (string) wp_json_encode( get_option( Keys::GOOGLE_CREDENTIALS ) ), 'Encrypted at rest.' );
	}

	public function test_a_connected_answer_carries_no_token_either(): void {
		$this->store_grant();
		$this->act_as( 'admin' );

		$data = $this->rest( 'POST', self::ROUTE, array( 'clientId' => self::CLIENT_ID ) )->get_data();

		$this->assertSame( 'connected', $data['status'] );
		$json = (string) wp_json_encode( $data );
		foreach ( array( self::CLIENT_SECRET, self::ACCESS_TOKEN, self::REFRESH_TOKEN ) as $secret ) {
			$this->assertStringNotContainsString( $secret, $json );
		}
	}

	public function test_a_double_s_client_id_is_accepted(): void {
		$this->act_as( 'admin' );

		$response = $this->rest(
			'POST',
			self::ROUTE,
			array(
				'clientId'     => 'sandbox-client-1',
				'clientSecret' => 's3cret',
			)
		);

		$this->assertSame( 200, $response->get_status() );
	}

	public function test_an_empty_secret_keeps_the_stored_one_and_the_grant(): void {
		$this->store_grant();
		$this->act_as( 'admin' );

		$response = $this->rest( 'POST', self::ROUTE, array( 'clientId' => self::CLIENT_ID ) );

		$this->assertSame( 200, $response->get_status() );
		$this->assertTrue( $this->parts->tokens()->exists() );
		$this->assertSame( self::CLIENT_SECRET, $this->parts->credentials()->load()?->secret );
	}

	public function test_another_client_id_forgets_the_old_grant(): void {
		$this->store_grant();
		$this->act_as( 'admin' );

		$response = $this->rest(
			'POST',
			self::ROUTE,
			array(
				'clientId'     => '999-other.apps.googleusercontent.com',
				'clientSecret' => 'GOCSPX-other',
			)
		);

		$this->assertSame( 'ready', $response->get_data()['status'] );
		$this->assertFalse( $this->parts->tokens()->exists() );
	}

	public function test_a_secret_is_required_with_a_new_client_id(): void {
		$this->act_as( 'admin' );

		$response = $this->rest( 'POST', self::ROUTE, array( 'clientId' => self::CLIENT_ID ) );

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'ccg_client_secret_required', $response->get_data()['code'] );
		$this->assertSame( 'save_credentials', $response->get_data()['data']['action'] );
	}

	/**
	 * @dataProvider invalid_bodies
	 *
	 * @param array<string, mixed> $body
	 */
	public function test_invalid_bodies_are_refused( array $body ): void {
		$this->act_as( 'admin' );

		$response = $this->rest( 'POST', self::ROUTE, $body );

		$this->assertSame( 400, $response->get_status() );
		$this->assertContains( $response->get_data()['code'], array( 'rest_invalid_param', 'rest_missing_callback_param' ) );
	}

	/**
	 * @return array<string, array{array<string, mixed>}>
	 */
	public static function invalid_bodies(): array {
		return array(
			'no client id'        => array( array( 'clientSecret' => 's' ) ),
			'blank client id'     => array( array( 'clientId' => "  \n", 'clientSecret' => 's' ) ),
			'space inside the id' => array( array( 'clientId' => 'a b', 'clientSecret' => 's' ) ),
			'space in the secret' => array( array( 'clientId' => 'a', 'clientSecret' => 's t' ) ),
			'id not a string'     => array( array( 'clientId' => array( 'a' ), 'clientSecret' => 's' ) ),
		);
	}

	public function test_delete_revokes_the_grant_and_forgets_everything(): void {
		$this->store_grant();
		// The plugin's module talks to the configured token host (the sandbox under npm test).
		$revoke = Endpoints::from_constants()->revoke();
		$target = 'POST ' . wp_parse_url( $revoke, PHP_URL_HOST ) . ( null !== wp_parse_url( $revoke, PHP_URL_PORT ) ? ':' . wp_parse_url( $revoke, PHP_URL_PORT ) : '' ) . wp_parse_url( $revoke, PHP_URL_PATH );
		$this->google->on( $target, FakeGoogle::bytes( 200, '' ) );
		$this->act_as( 'admin' );

		$response = $this->rest( 'DELETE', self::ROUTE );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'unconfigured', $response->get_data()['status'] );
		$this->assertNull( $response->get_data()['credentials'] );
		$this->assertSame( array( 'token' => self::REFRESH_TOKEN ), FakeGoogle::form( $this->google->sent( $target )[0] ) );
		$this->assertFalse( $this->parts->tokens()->exists() );
		$this->assertNull( $this->parts->credentials()->summary() );
	}

	/**
	 * @return array<string, string>
	 */
	private function body(): array {
		return array(
			'clientId'     => self::CLIENT_ID,
			'clientSecret' => self::CLIENT_SECRET,
		);
	}
}
