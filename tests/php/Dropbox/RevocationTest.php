<?php
/**
 * Grants that end: revoked at Dropbox, or disconnected from the site.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Dropbox;

use CustomerCloudGallery\Tests\SandboxTestCase;
use CustomerCloudGallery\Tests\Support\Http;

final class RevocationTest extends SandboxTestCase {

	protected function setUp(): void {
		parent::setUp();
		$this->register_app();
		$this->save_credentials();
		$this->assertSame( array( 'ccg_oauth' => 'connected' ), $this->connect() );
	}

	public function test_a_grant_revoked_at_dropbox_needs_attention(): void {
		// The user removes the app under Dropbox → Settings → Connected apps.
		$revoked = Http::request( 'POST', CCG_DROPBOX_API_BASE . '/2/auth/token/revoke', array( 'Authorization' => 'Bearer ' . $this->stored_grant()->access_token ) );
		$this->assertSame( 200, $revoked['status'] );

		$result = $this->rest( 'POST', '/connections/dropbox/test' )->get_data();
		$this->assertFalse( $result['ok'] );
		$this->assertSame( 'invalid_grant', $result['connection']['problem']['code'] );

		$this->forget_cached_options();
		$connection = $this->rest( 'GET', '/connections/dropbox' )->get_data();
		$this->assertSame( 'needs_attention', $connection['status'], 'Every later request knows too.' );
		$this->assertSame( 'invalid_grant', $connection['problem']['code'] );
		$this->assertSame( 'Dropbox no longer accepts this connection (revoked or expired).', $connection['problem']['message'] );
		$this->assertSame( 'reconnect', $connection['problem']['action'] );

		$this->assertSame( array( 'ccg_oauth' => 'connected' ), $this->connect(), 'Reconnecting recovers.' );
		$this->assertSame( 'connected', $this->rest( 'GET', '/connections/dropbox' )->get_data()['status'] );
	}

	public function test_disconnect_revokes_the_grant_at_dropbox(): void {
		$grant = $this->stored_grant();

		$connection = $this->rest( 'POST', '/connections/dropbox/disconnect' );

		$this->assertSame( 200, $connection->get_status() );
		$this->assertSame( 'ready', $connection->get_data()['status'] );
		$this->assertNull( $connection->get_data()['problem'] );
		$this->assertFalse( $this->dropbox_parts()->tokens()->exists() );
		$this->assertFalse( $this->dropbox_accepts( $grant->access_token ), 'The access token is dead.' );
		$this->assertTrue( $this->sandbox->grants( $this->app['key'] )[0]['revoked'], 'So is the refresh token.' );
	}

	public function test_reconnecting_revokes_the_replaced_grant_and_keeps_the_new_one(): void {
		$replaced = $this->stored_grant();

		$this->assertSame( array( 'ccg_oauth' => 'connected' ), $this->connect() );

		$current = $this->stored_grant();
		$this->assertNotSame( $replaced->refresh_token, $current->refresh_token );
		$this->assertFalse( $this->dropbox_accepts( $replaced->access_token ), 'The replaced grant is revoked at Dropbox.' );
		$this->assertTrue( $this->dropbox_accepts( $current->access_token ), 'The new one works.' );
		$live = array_values( array_filter( $this->sandbox->grants( $this->app['key'] ), static fn ( array $grant ): bool => ! $grant['revoked'] ) );
		$this->assertCount( 1, $live, 'One live grant for the app: the one the site holds.' );
	}

	public function test_disconnect_with_an_expired_token_still_revokes(): void {
		$grant = $this->stored_grant();
		$this->sandbox->expire_access_tokens();

		$this->rest( 'POST', '/connections/dropbox/disconnect' );

		$this->assertTrue( $this->sandbox->grants( $this->app['key'] )[0]['revoked'] );
		$this->assertFalse( $this->dropbox_accepts( $grant->access_token ) );
	}

	public function test_disconnect_while_dropbox_is_unreachable_forgets_locally_and_says_so(): void {
		$this->sandbox->add_fault(
			array(
				'route' => 'auth/token/revoke',
				'kind'  => 'drop',
			)
		);

		$connection = $this->rest( 'POST', '/connections/dropbox/disconnect' );

		$this->assertSame( 200, $connection->get_status() );
		$this->assertSame( 'ready', $connection->get_data()['status'] );
		$this->assertSame( 'unreachable', $connection->get_data()['problem']['code'] );
		$this->assertStringContainsString( 'could not be reached to revoke', $connection->get_data()['problem']['message'] );
		$this->assertFalse( $this->dropbox_parts()->tokens()->exists() );
	}
}
