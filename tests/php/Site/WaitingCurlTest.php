<?php
/**
 * Requests sent at once wait for their answers instead of spinning.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Site;

use CustomerCloudGallery\Http\Transport;
use CustomerCloudGallery\Http\WaitingCurl;
use CustomerCloudGallery\Providers\Google\GoogleError;
use CustomerCloudGallery\Tests\TestCase;
use WpOrg\Requests\Requests;
use WpOrg\Requests\Response;

/**
 * Against a PHP server of its own that answers after 300 ms: Requests' own
 * cURL loop calls curl_multi_exec() tens of thousands of times in that
 * time (a core kept busy); WaitingCurl sleeps in curl_multi_select() and
 * looks a handful of times per answer.
 */
final class WaitingCurlTest extends TestCase {

	/** @var resource|null */
	private $server = null;

	private string $root = '';

	private string $base = '';

	protected function setUp(): void {
		parent::setUp();
		$this->root = sys_get_temp_dir() . '/ccg-waiting-curl-' . wp_generate_password( 8, false );
		mkdir( $this->root );
		file_put_contents( $this->root . '/slow.php', "<?php\nusleep( 300000 );\nheader( 'Content-Type: text/plain' );\necho 'answer ' . ( \$_GET['n'] ?? '' );\n" );
		$probe = stream_socket_server( 'tcp://127.0.0.1:0' );
		$this->assertNotFalse( $probe );
		$port = (int) substr( (string) strrchr( (string) stream_socket_get_name( $probe, false ), ':' ), 1 );
		fclose( $probe );
		$this->base   = 'http://127.0.0.1:' . $port;
		$this->server = proc_open(
			array( PHP_BINARY, '-S', '127.0.0.1:' . $port, '-t', $this->root ),
			array(
				0 => array( 'file', '/dev/null', 'r' ),
				1 => array( 'file', '/dev/null', 'w' ),
				2 => array( 'file', '/dev/null', 'w' ),
			),
			$pipes,
			null,
			array( 'PHP_CLI_SERVER_WORKERS' => '4' ) + getenv()
		);
		for ( $i = 0; $i < 100; $i++ ) {
			$socket = @fsockopen( '127.0.0.1', $port, $errno, $errstr, 0.1 ); // phpcs:ignore WordPress.PHP.NoSilencedErrors -- not up yet.
			if ( false !== $socket ) {
				fclose( $socket );
				return;
			}
			usleep( 50000 );
		}
		$this->fail( 'The slow server did not start.' );
	}

	protected function tearDown(): void {
		if ( is_resource( $this->server ) ) {
			proc_terminate( $this->server );
			proc_close( $this->server );
		}
		foreach ( glob( $this->root . '/*' ) ?: array() as $file ) {
			unlink( $file );
		}
		@rmdir( $this->root ); // phpcs:ignore WordPress.PHP.NoSilencedErrors
		parent::tearDown();
	}

	public function test_answers_every_request_by_its_key_and_waits_instead_of_spinning(): void {
		$transport = new WaitingCurl();
		$requests  = array();
		foreach ( array( 'a', 'b', 'c' ) as $n ) {
			$requests[ $n ] = array(
				'url'     => $this->base . '/slow.php?n=' . $n,
				'headers' => array(),
				'data'    => array(),
				'type'    => 'GET',
				'options' => array( 'timeout' => 10 ),
			);
		}
		$requests['refused'] = array(
			'url'     => 'http://127.0.0.1:1/nothing-listens-here',
			'headers' => array(),
			'data'    => array(),
			'type'    => 'GET',
			'options' => array( 'timeout' => 10 ),
		);

		$answers = Requests::request_multiple( $requests, array( 'transport' => $transport ) );

		$this->assertSame( array( 'a', 'b', 'c', 'refused' ), array_keys( $answers ) );
		foreach ( array( 'a', 'b', 'c' ) as $n ) {
			$this->assertInstanceOf( Response::class, $answers[ $n ] );
			$this->assertSame( 200, $answers[ $n ]->status_code );
			$this->assertSame( 'answer ' . $n, $answers[ $n ]->body );
		}
		$this->assertInstanceOf( \WpOrg\Requests\Exception::class, $answers['refused'] );
		$this->assertLessThan( 200, $transport->rounds(), '300 ms of waiting is a handful of looks, not a busy loop.' );
	}

	public function test_the_plugins_transport_sends_requests_at_once_without_keeping_a_core_busy(): void {
		$multis = 0;
		$this->add_filter(
			'requests-curl.before_multi_exec',
			function () use ( &$multis ): void {
				++$multis;
			}
		);
		$before = getrusage();
		$start  = microtime( true );
		$answers = ( new Transport( GoogleError::unreachable( ... ) ) )->request_all(
			array(
				'one' => array(
					'method'  => 'GET',
					'url'     => $this->base . '/slow.php?n=1',
					'headers' => array(),
				),
				'two' => array(
					'method'  => 'GET',
					'url'     => $this->base . '/slow.php?n=2',
					'headers' => array(),
				),
			),
			10,
			array()
		);
		$waited = microtime( true ) - $start;
		$after  = getrusage();

		$this->assertSame( 'answer 1', $answers['one']->body );
		$this->assertSame( 'answer 2', $answers['two']->body );
		$this->assertSame( 1, $multis, 'Both went out in one multi handle.' );
		$this->assertGreaterThanOrEqual( 0.3, $waited );
		// Not a speed target: CPU time, not wall time. Requests' own loop
		// spends about all of the 300 ms on the CPU; waiting spends a few.
		$cpu = self::seconds( $after ) - self::seconds( $before );
		$this->assertLessThan( $waited / 3, $cpu, sprintf( '%.3f s of CPU while waiting %.3f s for the answers', $cpu, $waited ) );
	}

	/**
	 * @param array<string, int> $usage getrusage()'s answer.
	 */
	private static function seconds( array $usage ): float {
		return $usage['ru_utime.tv_sec'] + $usage['ru_utime.tv_usec'] / 1e6 + $usage['ru_stime.tv_sec'] + $usage['ru_stime.tv_usec'] / 1e6;
	}
}
