<?php
/**
 * Disconnect while another PHP worker is refreshing the token: the site
 * ends up disconnected, not connected again by the refresh's late save.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Dropbox;

use CustomerCloudGallery\Providers\Connection;
use CustomerCloudGallery\Providers\OAuthApp\TokenRecord;
use CustomerCloudGallery\Tests\SandboxTestCase;

final class RefreshDuringDisconnectTest extends SandboxTestCase {

	/**
	 * Dropbox has issued the new token but the worker has not received it
	 * yet: long enough for the disconnect to start in that window.
	 */
	private const TOKEN_LATENCY_MS = 1500;

	public function test_a_refresh_racing_a_disconnect_leaves_the_site_disconnected(): void {
		$this->register_app();
		$this->save_credentials();
		$this->assertSame( array( 'ccg_oauth' => 'connected' ), $this->connect() );

		$grant = $this->stored_grant();
		$this->dropbox_parts()->tokens()->save(
			new TokenRecord( $grant->access_token, time() - 10, $grant->refresh_token, $grant->scopes, $grant->account_id, $grant->account_name, $grant->account_email, $grant->connected_at )
		);
		$this->sandbox->add_fault(
			array(
				'route'     => 'oauth2/token',
				'kind'      => 'latency',
				'latencyMs' => self::TOKEN_LATENCY_MS,
				'phase'     => 'response',
				'count'     => 1,
			)
		);
		$this->sandbox->reset_request_counts();

		// The worker starts its refresh at once; the disconnect comes while
		// its token call is still waiting on Dropbox.
		$process = proc_open(
			array( PHP_BINARY, __DIR__ . '/../Support/fresh-token.php', sprintf( '%.6F', microtime( true ) ) ),
			array(
				1 => array( 'pipe', 'w' ),
				2 => array( 'pipe', 'w' ),
			),
			$pipes
		);
		$this->assertIsResource( $process );
		$this->wait_for_token_call();

		$this->act_as( 'admin' );
		$disconnected = $this->rest( 'POST', '/connections/dropbox/disconnect' );

		$stdout = (string) stream_get_contents( $pipes[1] );
		$stderr = (string) stream_get_contents( $pipes[2] );
		fclose( $pipes[1] );
		fclose( $pipes[2] );
		$this->assertSame( 0, proc_close( $process ), "The worker failed: {$stderr}" );
		$this->assertIsArray( json_decode( $stdout, true ), "The worker printed no JSON: {$stdout} {$stderr}" );

		$this->assertSame( Connection::STATUS_READY, $disconnected->get_data()['status'] );
		$this->forget_cached_options();
		$this->assertFalse( $this->dropbox_parts()->tokens()->exists(), 'The refreshed grant was not saved back.' );
		$this->assertSame( Connection::STATUS_READY, $this->services()->providers()->get( 'dropbox' )?->connection()->status );
		$this->assertTrue( $this->sandbox->grants( $this->app['key'] )[0]['revoked'], 'And it was revoked at Dropbox.' );
	}

	private function wait_for_token_call(): void {
		$deadline = microtime( true ) + 10;
		while ( 0 === $this->sandbox->requests( 'oauth2/token' ) && microtime( true ) < $deadline ) {
			usleep( 50000 );
		}
		$this->assertGreaterThan( 0, $this->sandbox->requests( 'oauth2/token' ), 'The worker started its refresh.' );
	}
}
