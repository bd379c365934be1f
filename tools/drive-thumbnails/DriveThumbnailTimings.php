<?php
/**
 * The PHP side of measure.ts: times GoogleSource::thumbnails() for 24
 * photos of the sandbox Drive, sequential (concurrency 1) and parallel (8),
 * with the sandbox's latency fault on every Google call. Run by PHPUnit (for
 * the sandbox helpers) outside the test suites; it prints its numbers and
 * checks only that both ways return the same bytes.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tools\DriveThumbnails;

use CustomerCloudGallery\Gallery\Source;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\OAuth\RedirectUri;
use CustomerCloudGallery\Tests\SandboxTestCase;
use CustomerCloudGallery\Tests\Support\ConsentScreen;

final class DriveThumbnailTimings extends SandboxTestCase {

	private const PHOTOS = 24;

	private const LATENCY_MS = 150;

	private const RUNS = 3;

	private const FOLDERS = array( array( 'Portfolio', 'Nature' ), array( 'Portfolio', 'Landscapes' ), array( 'Clients', 'Smith Wedding 2026', 'Ceremony' ), array( 'Clients', 'Smith Wedding 2026', 'Reception' ) );

	/** @var array{clientId: string, clientSecret: string, name: string} */
	private array $client;

	protected function tearDown(): void {
		if ( isset( $this->client ) ) {
			$this->sandbox->delete_google_client( $this->client['clientId'] );
		}
		parent::tearDown();
	}

	public function test_sequential_against_parallel(): void {
		$source = $this->connected();
		$images = $this->photos( $source );
		// The sandbox renders each thumbnail once and keeps it: render them before timing.
		$expected = $source->thumbnails( $images );
		$this->assertCount( self::PHOTOS, array_filter( $expected ) );
		$this->sandbox->add_fault(
			array(
				'route'     => 'google/*',
				'kind'      => 'latency',
				'latencyMs' => self::LATENCY_MS,
			)
		);

		$times = array(
			1 => array(),
			8 => array(),
		);
		$concurrency = 8;
		$this->add_filter( 'ccg_drive_thumbnail_concurrency', static function () use ( &$concurrency ): int {
			return $concurrency;
		} );
		$counts = array();
		for ( $run = 0; $run < self::RUNS; $run++ ) {
			foreach ( array_keys( $times ) as $concurrency ) {
				$this->sandbox->reset_request_counts();
				$started = microtime( true );
				$bytes   = $source->thumbnails( $images );
				$times[ $concurrency ][] = microtime( true ) - $started;
				$this->assertSame( $expected, $bytes );
				$counts[ $concurrency ] = sprintf(
					'files.get %d (at once: %d), thumbnail %d (at once: %d)',
					$this->sandbox->requests( 'google/drive/v3/files/get' ),
					$this->sandbox->max_in_flight( 'google/drive/v3/files/get' ),
					$this->sandbox->requests( 'google/thumbnail' ),
					$this->sandbox->max_in_flight( 'google/thumbnail' )
				);
			}
		}

		$lines = array( sprintf( '%d Drive thumbnails, %d ms latency per call, median of %d runs:', self::PHOTOS, self::LATENCY_MS, self::RUNS ) );
		foreach ( $times as $limit => $seconds ) {
			sort( $seconds );
			$lines[] = sprintf( '  concurrency %d: %5.2f s (runs: %s); %s', $limit, $seconds[ intdiv( count( $seconds ), 2 ) ], implode( ', ', array_map( static fn ( float $s ): string => sprintf( '%.2f', $s ), $seconds ) ), $counts[ $limit ] );
		}
		fwrite( STDERR, "\n" . implode( "\n", $lines ) . "\n" );
	}

	private function connected(): Source {
		$this->client = $this->sandbox->register_google_client(
			array(
				'name'         => 'Drive thumbnail timings',
				'redirectUris' => array( RedirectUri::for_provider( 'google' ) ),
			)
		);
		$this->act_as( 'admin' );
		$this->rest(
			'POST',
			'/connections/google/credentials',
			array(
				'clientId'     => $this->client['clientId'],
				'clientSecret' => $this->client['clientSecret'],
			)
		);
		$back = ConsentScreen::decide_google( $this->rest( 'POST', '/connections/google/authorize' )->get_data()['authorizeUrl'] );
		$this->services()->callback_handler()->process( $this->services()->providers()->get( 'google' ), $back, get_current_user_id() );
		wp_set_current_user( 0 );
		return $this->services()->sources()->require( 'google' );
	}

	/**
	 * @return list<ImageRef>
	 */
	private function photos( Source $source ): array {
		$images = array();
		foreach ( self::FOLDERS as $names ) {
			$folder = $source->folder( 'root' );
			foreach ( $names as $name ) {
				foreach ( $source->list( $folder )->subfolders() as $child ) {
					$folder = $name === $child->name ? $child : $folder;
				}
			}
			foreach ( $source->list( $folder )->revisions() as $id => $revision ) {
				$images[] = new ImageRef( 'google', (string) $id, $revision, 'w640h480' );
			}
		}
		$this->assertGreaterThanOrEqual( self::PHOTOS, count( $images ) );
		return array_slice( $images, 0, self::PHOTOS );
	}
}
