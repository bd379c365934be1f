<?php
/**
 * Drive thumbnails of a batch, fetched in parallel from the sandbox Google
 * over real HTTP: the sandbox counts how many requests of each route were in
 * flight at once.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Gallery\Folder;
use CustomerCloudGallery\Gallery\Source;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Tests\SandboxTestCase;

final class DriveParallelThumbnailsTest extends SandboxTestCase {

	private const FILES_GET = 'google/drive/v3/files/get';
	private const THUMBNAIL = 'google/thumbnail';

	/** @var array{clientId: string, clientSecret: string, name: string} */
	private array $client;

	private Source $source;

	protected function setUp(): void {
		parent::setUp();
		$this->client = $this->register_google_client( 'PHPUnit Drive parallel' );
		$this->connect_google_as_admin( $this->client );
		wp_set_current_user( 0 );
		$this->source = $this->services()->sources()->require( 'google' );
	}

	protected function tearDown(): void {
		if ( isset( $this->client ) ) {
			$this->sandbox->delete_google_client( $this->client['clientId'] );
		}
		parent::tearDown();
	}

	public function test_a_batch_of_sixteen_runs_in_parallel_within_the_limit_and_each_photo_gets_its_own_bytes(): void {
		$images = $this->sixteen_photos();
		$single = array();
		foreach ( $images as $index => $image ) {
			$single[ $index ] = $this->source->thumbnail( $image );
		}
		$this->assertCount( 16, array_unique( $single ), 'Sixteen different photos, sixteen different thumbnails.' );
		// Every request waits a little, so requests sent together overlap.
		foreach ( array( self::FILES_GET, self::THUMBNAIL ) as $route ) {
			$this->sandbox->add_fault(
				array(
					'route'     => $route,
					'kind'      => 'latency',
					'latencyMs' => 150,
				)
			);
		}
		$this->sandbox->reset_request_counts();

		$bytes = $this->source->thumbnails( $images );

		$this->assertSame( $single, $bytes, 'Each photo gets its own thumbnail, as fetched alone.' );
		$this->assertSame( 16, $this->sandbox->requests( self::FILES_GET ) );
		$this->assertSame( 16, $this->sandbox->requests( self::THUMBNAIL ) );
		foreach ( array( self::FILES_GET, self::THUMBNAIL ) as $route ) {
			$most = $this->sandbox->max_in_flight( $route );
			$this->assertGreaterThan( 8, $most, "{$route}: the default (16) sends the sixteen together." );
			$this->assertLessThanOrEqual( 16, $most, "{$route}: never more than the default concurrency." );
		}

		$this->add_filter( 'ccg_drive_thumbnail_concurrency', static fn (): int => 3 );
		$this->sandbox->reset_request_counts();
		$this->assertSame( $single, $this->source->thumbnails( $images ) );
		foreach ( array( self::FILES_GET, self::THUMBNAIL ) as $route ) {
			$most = $this->sandbox->max_in_flight( $route );
			$this->assertGreaterThan( 1, $most );
			$this->assertLessThanOrEqual( 3, $most, "{$route}: never more than the filtered concurrency." );
		}

		$this->add_filter( 'ccg_drive_thumbnail_concurrency', static fn (): int => 1, 20 );
		$this->sandbox->reset_request_counts();
		$this->assertSame( $single, $this->source->thumbnails( $images ) );
		$this->assertSame( 1, $this->sandbox->max_in_flight( self::FILES_GET ) );
		$this->assertSame( 1, $this->sandbox->max_in_flight( self::THUMBNAIL ) );
	}

	public function test_an_expired_token_is_refreshed_once_for_the_whole_batch(): void {
		$images = array_slice( $this->sixteen_photos(), 0, 8 );
		$this->sandbox->expire_google_access_tokens();
		$this->sandbox->reset_request_counts();

		$bytes = $this->source->thumbnails( $images );

		$this->assertCount( 8, array_filter( $bytes ) );
		$this->assertSame( 1, $this->sandbox->requests( 'google/token' ), 'One refresh, not one per request.' );
		$this->assertSame( 8 + 8, $this->sandbox->requests( self::FILES_GET ), 'Each refused files.get sent once more.' );
		$this->assertSame( 8, $this->sandbox->requests( self::THUMBNAIL ) );
	}

	/**
	 * The twelve photos of /Portfolio/Nature and four of the Ceremony, at
	 * two sizes.
	 *
	 * @return list<ImageRef>
	 */
	private function sixteen_photos(): array {
		$images = array();
		foreach ( array( array( 'Portfolio', 'Nature' ), array( 'Clients', 'Smith Wedding 2026', 'Ceremony' ) ) as $names ) {
			foreach ( $this->source->list( $this->folder( $names ) )->revisions() as $id => $revision ) {
				$images[] = new ImageRef( 'google', (string) $id, $revision, 0 === count( $images ) % 2 ? 'w640h480' : 'w256h256' );
			}
		}
		$this->assertGreaterThanOrEqual( 16, count( $images ) );
		return array_slice( $images, 0, 16 );
	}

	/**
	 * @param list<string> $names Folder names under My Drive.
	 */
	private function folder( array $names ): Folder {
		$folder = $this->source->folder( 'root' );
		foreach ( $names as $name ) {
			$next = null;
			foreach ( $this->source->list( $folder )->subfolders() as $child ) {
				$next = $name === $child->name ? $child : $next;
			}
			$this->assertNotNull( $next, "No folder {$name}." );
			$folder = $next;
		}
		return $folder;
	}
}
