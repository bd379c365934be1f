<?php
/**
 * The thumbnail disk cache's folders: no listing, no leftovers.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Tests\Support\TestImages;
use CustomerCloudGallery\Tests\TestCase;

final class ThumbnailDiskCacheTest extends TestCase {

	public function test_every_folder_of_the_cache_has_an_index_file(): void {
		$disk    = $this->services()->thumbnail_cache();
		$uploads = dirname( $disk->dir() ) . '/index.php';
		$before  = is_file( $uploads );
		$path    = $disk->write( new ImageRef( 'dropbox', 'id:indexed', 'r1', 'w256h256' ), TestImages::jpeg() );
		$this->assertNotNull( $path );

		$folders = array( dirname( $path ), dirname( $path, 2 ), $disk->dir() );
		foreach ( $folders as $folder ) {
			$this->assertFileExists( $folder . '/index.php', "{$folder} cannot be listed." );
			$this->assertStringNotContainsString( 'id:indexed', (string) file_get_contents( $folder . '/index.php' ) );
		}
		$this->assertSame( $before, is_file( $uploads ), 'Nothing above the cache is touched.' );
	}

	public function test_eviction_deletes_temporary_files_of_writes_that_died(): void {
		$disk  = $this->services()->thumbnail_cache();
		$path  = (string) $disk->write( new ImageRef( 'dropbox', 'id:tmp', 'r1', 'w256h256' ), TestImages::jpeg() );
		$stale = dirname( $path ) . '/.deadwrite0001.tmp';
		$fresh = dirname( $path ) . '/.livewrite0001.tmp';
		file_put_contents( $stale, 'half a thumbnail' );
		file_put_contents( $fresh, 'being written' );
		touch( $stale, time() - 2 * HOUR_IN_SECONDS );

		$disk->evict();

		$this->assertFileDoesNotExist( $stale );
		$this->assertFileExists( $fresh, 'A write under way is left alone.' );
		$this->assertFileExists( $path );
		unlink( $fresh );
	}
}
