<?php
/**
 * Two PHP workers needing a fresh token at the same moment make one token call.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Dropbox;

use CustomerCloudGallery\Providers\OAuthApp\TokenRecord;
use CustomerCloudGallery\Tests\SandboxTestCase;

final class ConcurrentRefreshTest extends SandboxTestCase {

	private const WORKERS = 2;

	/** Long enough that both workers are inside their refresh at once. */
	private const TOKEN_LATENCY_MS = 1500;

	public function test_concurrent_refreshes_make_one_token_call(): void {
		$this->register_app();
		$this->save_credentials();
		$this->assertSame( array( 'ccg_oauth' => 'connected' ), $this->connect() );

		$grant = $this->stored_grant();
		$this->dropbox_parts()->tokens()->save(
			new TokenRecord( $grant->access_token, time() - 10, $grant->refresh_token, $grant->scopes, $grant->account_id, $grant->account_name, $grant->account_email, $grant->connected_at )
		);
		$this->sandbox->expire_access_tokens();
		$this->sandbox->add_fault(
			array(
				'route'     => 'oauth2/token',
				'kind'      => 'latency',
				'latencyMs' => self::TOKEN_LATENCY_MS,
			)
		);
		$this->sandbox->reset_request_counts();

		$outcomes = $this->run_workers( microtime( true ) + 2.0 );

		$this->assertSame( 1, $this->sandbox->requests( 'oauth2/token' ), 'One token call for both workers.' );
		foreach ( $outcomes as $outcome ) {
			$this->assertArrayNotHasKey( 'error', $outcome, (string) ( $outcome['error'] ?? '' ) );
			$this->assertSame( 'alex.photographer@example.com', $outcome['account'], 'The token works.' );
		}
		$this->assertCount( 1, array_unique( array_column( $outcomes, 'token' ) ), 'Both use the same new token.' );
		$this->assertNotSame( hash( 'sha256', $grant->access_token ), $outcomes[0]['token'] );
		$this->assertSame( self::WORKERS, $this->sandbox->requests( 'users/get_current_account' ) );
	}

	/**
	 * @return list<array<string, mixed>>
	 */
	private function run_workers( float $start_at ): array {
		$script    = __DIR__ . '/../Support/fresh-token.php';
		$processes = array();
		for ( $i = 0; $i < self::WORKERS; $i++ ) {
			$process = proc_open(
				array( PHP_BINARY, $script, sprintf( '%.6F', $start_at ) ),
				array(
					1 => array( 'pipe', 'w' ),
					2 => array( 'pipe', 'w' ),
				),
				$pipes
			);
			$this->assertIsResource( $process );
			$processes[] = array( $process, $pipes );
		}

		$outcomes = array();
		foreach ( $processes as list( $process, $pipes ) ) {
			$stdout = (string) stream_get_contents( $pipes[1] );
			$stderr = (string) stream_get_contents( $pipes[2] );
			fclose( $pipes[1] );
			fclose( $pipes[2] );
			$this->assertSame( 0, proc_close( $process ), "A worker failed: {$stderr}" );
			$outcome = json_decode( $stdout, true );
			$this->assertIsArray( $outcome, "A worker printed no JSON: {$stdout} {$stderr}" );
			$outcomes[] = $outcome;
		}
		return $outcomes;
	}
}
