<?php
/**
 * Two PHP workers needing a fresh Google token at the same moment make one
 * token call: the lock is shared through the database.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Google;

final class GoogleConcurrentRefreshTest extends GoogleTestCase {

	private const WORKERS = 2;

	private string $log = '';

	protected function tearDown(): void {
		if ( '' !== $this->log && file_exists( $this->log ) ) {
			unlink( $this->log );
		}
		parent::tearDown();
	}

	public function test_concurrent_refreshes_make_one_token_call(): void {
		$this->store_grant( -10 );
		$this->log = (string) tempnam( sys_get_temp_dir(), 'ccg-google-token-calls' );

		$outcomes = $this->run_workers( microtime( true ) + 2.0 );

		$calls = array_filter( explode( "\n", (string) file_get_contents( $this->log ) ) );
		$this->assertCount( 1, $calls, 'One token call for both workers.' );
		foreach ( $outcomes as $outcome ) {
			$this->assertArrayNotHasKey( 'error', $outcome, (string) ( $outcome['error'] ?? '' ) );
			$this->assertSame( 'alex@example.com', $outcome['account'], 'The token works.' );
		}
		$this->assertCount( 1, array_unique( array_column( $outcomes, 'token' ) ), 'Both use the same new token.' );
		$this->assertSame( hash( 'sha256', 'ya29.refreshed-by-' . reset( $calls ) ), $outcomes[0]['token'] );
		$this->assertSame( 'ya29.refreshed-by-' . reset( $calls ), $this->parts->tokens()->load( true )?->access_token );
	}

	/**
	 * @return list<array<string, mixed>>
	 */
	private function run_workers( float $start_at ): array {
		$script    = __DIR__ . '/google-fresh-token.php';
		$processes = array();
		for ( $i = 0; $i < self::WORKERS; $i++ ) {
			$process = proc_open(
				array( PHP_BINARY, $script, sprintf( '%.6F', $start_at ), $this->log ),
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
