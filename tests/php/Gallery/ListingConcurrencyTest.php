<?php
/**
 * Simultaneous first views of a new gallery list its folder once.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Tests\GalleryTestCase;

final class ListingConcurrencyTest extends GalleryTestCase {

	public function test_three_workers_list_a_new_folder_once(): void {
		$folder = $this->id_of( $this->paths['ceremony'] );
		// A slow Dropbox, so the workers overlap.
		$this->sandbox->add_fault( array( 'route' => 'files/list_folder', 'kind' => 'latency', 'latencyMs' => 1500 ) );

		$start   = microtime( true ) + 1.5;
		$workers = array();
		foreach ( range( 1, 3 ) as $n ) {
			$pipes     = array();
			$process   = proc_open(
				array( PHP_BINARY, dirname( __DIR__ ) . '/Support/render-gallery.php', $folder, sprintf( '%.6F', $start ) ),
				array( 1 => array( 'pipe', 'w' ), 2 => array( 'pipe', 'w' ) ),
				$pipes,
				null,
				array( 'CCG_WP_PATH' => (string) getenv( 'CCG_WP_PATH' ) )
			);
			$workers[] = array( $process, $pipes );
		}
		$outcomes = array();
		foreach ( $workers as list( $process, $pipes ) ) {
			$output = stream_get_contents( $pipes[1] );
			$errors = stream_get_contents( $pipes[2] );
			proc_close( $process );
			$outcomes[] = json_decode( (string) $output, true ) ?? array( 'error' => $output . $errors );
		}
		$this->sandbox->clear_faults();

		foreach ( $outcomes as $outcome ) {
			$this->assertSame( array( 'photos' => 6 ), $outcome );
		}
		$this->assertSame( 1, $this->sandbox->requests( 'files/list_folder' ), 'One worker listed; the others waited for it.' );
	}
}
