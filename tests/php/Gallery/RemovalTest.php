<?php
/**
 * What the photographer removes disappears from the site.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Admin\GrantGraceNotice;
use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Gallery\Photo;
use CustomerCloudGallery\Gallery\ProviderPurge;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Images\ImageUrls;
use CustomerCloudGallery\Images\ThumbnailSize;
use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Tests\GalleryTestCase;

final class RemovalTest extends GalleryTestCase {

	/** @var list<callable(): void> */
	private array $undo = array();

	protected function tearDown(): void {
		foreach ( array_reverse( $this->undo ) as $undo ) {
			$undo();
		}
		wp_unschedule_hook( ProviderPurge::GRACE_OVER_HOOK );
		parent::tearDown();
	}

	/**
	 * Every size of the photo, fetched through its URL as a browser would.
	 *
	 * @return list<ImageRef>
	 */
	private function cached( Photo $photo, string $folder ): array {
		$images = array();
		foreach ( array_keys( ThumbnailSize::SIZES ) as $size ) {
			$image = new ImageRef( 'dropbox', $photo->id, $photo->revision, $size, $folder );
			$this->assertSame( 200, $this->respond( $image )->status );
			$this->assertTrue( $this->services()->thumbnail_cache()->has( $image ) );
			$images[] = $image;
		}
		$this->sandbox->reset_request_counts();
		return $images;
	}

	private function respond( ImageRef $image ): \CustomerCloudGallery\Images\ImageResponse {
		parse_str( (string) wp_parse_url( $this->services()->image_urls()->query_url( $image ), PHP_URL_QUERY ), $query );
		return $this->services()->thumbnail_endpoint()->respond( (string) $query[ ImageUrls::QUERY_VAR ] );
	}

	/**
	 * Removes a file of the sandbox's library until the test ends.
	 */
	private function delete_in_dropbox( string $file ): void {
		$bytes = (string) file_get_contents( $file );
		$time  = (int) filemtime( $file );
		$this->assertTrue( unlink( $file ) );
		$this->undo[] = static function () use ( $file, $bytes, $time ): void {
			file_put_contents( $file, $bytes );
			touch( $file, $time );
		};
	}

	/**
	 * A new folder with two of the ceremony's photos, deleted when the test ends.
	 */
	private function new_folder(): string {
		$path = '/Removal ' . wp_generate_password( 6, false, false );
		$dir  = $this->sandbox->library_dir() . $path;
		$this->assertTrue( mkdir( $dir ) );
		$this->undo[] = static function () use ( $dir ): void {
			array_map( 'unlink', glob( $dir . '/*' ) ?: array() );
			@rmdir( $dir ); // phpcs:ignore WordPress.PHP.NoSilencedErrors -- the test may have deleted it.
		};
		foreach ( array_slice( glob( $this->sandbox->library_dir() . $this->paths['ceremony'] . '/*.jpg' ) ?: array(), 0, 2 ) as $photo ) {
			copy( $photo, $dir . '/' . basename( $photo ) );
		}
		return $path;
	}

	public function test_a_photo_deleted_in_dropbox_is_gone_after_one_refresh_with_every_file_and_url(): void {
		$listings = $this->services()->folder_listings();
		$folder   = $this->ceremony();
		$photo    = $listings->for_render( 'dropbox', $folder )->page( 0, 1 )[0];
		$kept     = $listings->for_render( 'dropbox', $folder )->page( 1, 1 )[0];
		$images   = $this->cached( $photo, $folder );
		$others   = $this->cached( $kept, $folder );

		$this->delete_in_dropbox( $this->sandbox->library_dir() . $this->paths['ceremony'] . '/' . $photo->name );
		$listings->refresh_in_background( 'dropbox', $folder );

		$this->assertFalse( $listings->for_render( 'dropbox', $folder )->holds( $photo->id, $photo->revision ), 'Gone from the page.' );
		$this->sandbox->reset_request_counts();
		foreach ( $images as $image ) {
			$this->assertFileDoesNotExist( $this->services()->thumbnail_cache()->path( $image ), $image->size );
			$this->assertSame( 404, $this->respond( $image )->status, $image->size );
		}
		$this->assertSame( 0, $this->thumbnail_calls(), 'Nothing asked of Dropbox for it.' );
		foreach ( $others as $image ) {
			$this->assertFileExists( $this->services()->thumbnail_cache()->path( $image ), 'Other photos keep theirs.' );
		}
	}

	public function test_a_replaced_photo_loses_its_old_files_and_its_old_url_never_serves(): void {
		$listings = $this->services()->folder_listings();
		$folder   = $this->ceremony();
		$photo    = $listings->for_render( 'dropbox', $folder )->page( 0, 1 )[0];
		$images   = $this->cached( $photo, $folder );

		$file = $this->sandbox->library_dir() . $this->paths['ceremony'] . '/' . $photo->name;
		$time = (int) filemtime( $file );
		touch( $file, $time + 3600 );
		$this->undo[] = static fn () => touch( $file, $time );
		$listings->refresh_in_background( 'dropbox', $folder );

		$this->assertFalse( $listings->for_render( 'dropbox', $folder )->holds( $photo->id, $photo->revision ) );
		foreach ( $images as $image ) {
			$this->assertFileDoesNotExist( $this->services()->thumbnail_cache()->path( $image ) );
			$this->assertSame( 404, $this->respond( $image )->status, 'The old URL never gets the new revision.' );
		}
	}

	public function test_a_deleted_folder_gives_the_neutral_message_and_its_cache_is_emptied(): void {
		$path     = $this->new_folder();
		$folder   = $this->id_of( $path );
		$listings = $this->services()->folder_listings();
		$photos   = $listings->for_render( 'dropbox', $folder )->page( 0, 10 );
		$this->assertCount( 2, $photos );
		$images = array_merge( ...array_map( fn ( Photo $photo ): array => $this->cached( $photo, $folder ), $photos ) );

		$block = serialize_block(
			array(
				'blockName'    => 'customer-cloud-gallery/gallery',
				'attrs'        => array(
					'provider'   => 'dropbox',
					'folderId'   => $folder,
					'folderPath' => $path,
				),
				'innerBlocks'  => array(),
				'innerHTML'    => '',
				'innerContent' => array(),
			)
		);
		$this->assertSame( 2, substr_count( $this->render_content( $block ), 'class="ccg-gallery__item"' ), 'Shown before the folder is deleted.' );

		$dir = $this->sandbox->library_dir() . $path;
		array_map( 'unlink', glob( $dir . '/*' ) ?: array() );
		$this->assertTrue( rmdir( $dir ) );
		$listings->refresh_in_background( 'dropbox', $folder );

		$this->assertNull( $this->services()->listing_store()->get( 'dropbox', $folder, true ), 'Its listing is gone.' );
		foreach ( $images as $image ) {
			$this->assertFileDoesNotExist( $this->services()->thumbnail_cache()->path( $image ) );
		}
		$this->sandbox->reset_request_counts();
		try {
			$listings->for_render( 'dropbox', $folder );
			$this->fail( 'A gone folder renders nothing.' );
		} catch ( GalleryException $exception ) {
			$this->assertSame( GalleryException::FOLDER_NOT_FOUND, $exception->reason );
		}
		$html = $this->render_content( $block );
		$this->assertStringContainsString( 'This gallery is not available right now.', $html );
		$this->assertStringNotContainsString( 'ccg-gallery__item', $html );
		$this->assertSame( 0, $this->sandbox->total_requests(), 'Remembered as gone.' );
	}

	public function test_disconnect_purges_the_providers_listings_media_info_and_files_at_once(): void {
		$listings = $this->services()->folder_listings();
		$folder   = $this->ceremony();
		$photos   = $listings->for_render( 'dropbox', $folder )->page( 0, 2 );
		$images   = array_merge( ...array_map( fn ( Photo $photo ): array => $this->cached( $photo, $folder ), $photos ) );
		$this->services()->media_info()->add( 'dropbox', $folder, array( $photos[0]->id => array( 1, 2, 3 ) ) );

		$this->act_as( 'admin' );
		$this->assertSame( 200, $this->rest( 'POST', '/connections/dropbox/disconnect' )->get_status() );
		wp_set_current_user( 0 );

		$this->assertNull( $this->services()->listing_store()->get( 'dropbox', $folder, true ) );
		$this->assertSame( array(), $this->services()->media_info()->get( 'dropbox', $folder ) );
		$this->assertSame( array(), $this->services()->thumbnail_cache()->files(), 'The cache folder holds no Dropbox thumbnail.' );
		global $wpdb;
		$rows = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name LIKE %s", '%' . $wpdb->esc_like( Keys::LISTING_PREFIX . 'dropbox' ) . '%' ) );
		$this->assertSame( 0, $rows, 'No listing row is left in the database.' );
		foreach ( $images as $image ) {
			$this->assertSame( 404, $this->respond( $image )->status, 'Every URL stops serving with the next request.' );
		}
	}

	public function test_a_reinstalled_plugin_reads_nothing_an_earlier_install_cached(): void {
		$folder = $this->ceremony();
		$this->services()->folder_listings()->for_render( 'dropbox', $folder );
		$this->assertNotNull( $this->services()->listing_store()->get( 'dropbox', $folder, true ) );
		$option     = Keys::CACHE_GENERATION_PREFIX . 'dropbox';
		$generation = get_option( $option );
		$this->assertIsString( $generation );

		// What uninstall does to the option; a persistent cache would keep the entries themselves.
		delete_option( $option );
		$this->assertNull( $this->services()->listing_store()->get( 'dropbox', $folder, true ) );
		$this->services()->folder_listings()->for_render( 'dropbox', $folder );
		$this->assertNotSame( $generation, get_option( $option ), 'A new generation: the old names are never read again.' );
	}

	/**
	 * Records a refusal by Dropbox that began $ago seconds ago.
	 */
	private function refused( int $ago ): void {
		$stored                = get_option( Keys::DROPBOX_HEALTH );
		$stored                = is_array( $stored ) ? $stored : array();
		$stored['refused']     = 'revoked';
		$stored['refused_at']  = time() - $ago;
		update_option( Keys::DROPBOX_HEALTH, $stored, false );
	}

	public function test_a_grant_revoked_at_dropbox_serves_from_cache_for_the_grace_period_with_a_countdown_then_stops(): void {
		$listings = $this->services()->folder_listings();
		$folder   = $this->ceremony();
		$photo    = $listings->for_render( 'dropbox', $folder )->page( 0, 1 )[0];
		$images   = $this->cached( $photo, $folder );
		$this->add_filter( 'ccg_listing_max_age', static fn (): int => -1 );

		$this->refused( DAY_IN_SECONDS );
		$this->assertTrue( $listings->for_render( 'dropbox', $folder )->holds( $photo->id, $photo->revision ), 'Served from the cache in the grace period.' );
		$this->assertSame( 200, $this->respond( $images[0] )->status );
		$this->act_as( 'admin' );
		ob_start();
		( new GrantGraceNotice( $this->services()->grant_grace(), $this->services()->providers( ... ) ) )->render();
		$notice = (string) ob_get_clean();
		$this->assertStringContainsString( 'Dropbox no longer accepts this site’s access', $notice );
		$this->assertStringContainsString( '6 days more', $notice );
		$this->act_as( 'editor' );
		ob_start();
		( new GrantGraceNotice( $this->services()->grant_grace(), $this->services()->providers( ... ) ) )->render();
		$this->assertSame( '', ob_get_clean(), 'Administrators only.' );
		wp_set_current_user( 0 );

		$this->refused( 8 * DAY_IN_SECONDS );
		try {
			$listings->for_render( 'dropbox', $folder );
			$this->fail( 'After the grace period, visitors get the neutral message.' );
		} catch ( GalleryException $exception ) {
			$this->assertSame( GalleryException::NOT_CONNECTED, $exception->reason );
		}
		$this->assertNotFalse( wp_next_scheduled( ProviderPurge::GRACE_OVER_HOOK, array( 'dropbox' ) ) );
		do_action( ProviderPurge::GRACE_OVER_HOOK, 'dropbox' );
		foreach ( $images as $image ) {
			$this->assertFileDoesNotExist( $this->services()->thumbnail_cache()->path( $image ) );
		}
		$this->assertNull( $this->services()->listing_store()->get( 'dropbox', $folder, true ) );
	}
}
