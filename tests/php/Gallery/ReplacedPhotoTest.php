<?php
/**
 * A photo replaced by a new revision in the sandbox: its old ImageRef never
 * gets the new bytes from either provider, and the new ImageRef does.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Gallery\Source;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Tests\GalleryTestCase;

final class ReplacedPhotoTest extends GalleryTestCase {

	private const SIZE = 'w256h256';

	/** At the library's root, so no other test's folder ever holds it; deleted afterwards. */
	private string $path;

	/** @var array{0: string, 1: string} Two photos of the library that look different. */
	private array $looks;

	/** @var array{clientId: string, clientSecret: string, name: string}|null */
	private ?array $client = null;

	protected function setUp(): void {
		parent::setUp();
		$this->path = '/PHPUnit replaced ' . strtolower( wp_generate_password( 8, false ) ) . '.jpg';
		$nature     = array_values(
			array_filter(
				array_column( $this->sandbox->library()['photos'], 'path' ),
				static fn ( string $path ): bool => str_starts_with( $path, '/Portfolio/Nature/' )
			)
		);
		sort( $nature );
		$this->looks = array( $nature[0], $nature[1] );
		$this->assertSame( 'added', $this->sandbox->put_file( $this->path, $this->looks[0] ) );
	}

	protected function tearDown(): void {
		$this->sandbox->delete_file( $this->path );
		if ( null !== $this->client ) {
			$this->sandbox->delete_google_client( $this->client['clientId'] );
		}
		parent::tearDown();
	}

	public function test_dropbox_serves_an_old_token_its_own_revision_never_the_new_bytes(): void {
		$source = $this->services()->sources()->require( 'dropbox' );
		list( $old, $old_bytes, $new, $new_bytes ) = $this->replace( $source );

		$this->assertSame( md5( $old_bytes ), md5( $source->thumbnail( $old ) ), 'rev: names the old revision, which Dropbox keeps.' );
		$this->assertSame( array( md5( $old_bytes ), md5( $new_bytes ) ), array_map( 'md5', $source->thumbnails( array( $old, $new ) ) ) );
		$this->assertSame( 3, $this->sandbox->requests( 'files/get_thumbnail_v2' ), 'One call per thumbnail.' );
		$this->assertSame( 1, $this->sandbox->requests( 'files/get_thumbnail_batch' ) );
	}

	public function test_a_dropbox_token_without_a_revision_is_never_fetched_by_file_id(): void {
		$source = $this->services()->sources()->require( 'dropbox' );
		$image  = new ImageRef( 'dropbox', $this->photo( $source )->id, 'probe', self::SIZE );
		$this->sandbox->reset_request_counts();

		try {
			$source->thumbnail( $image );
			$this->fail( 'No revision, no thumbnail.' );
		} catch ( GalleryException $exception ) {
			$this->assertSame( GalleryException::FOLDER_NOT_FOUND, $exception->reason );
		}
		$this->assertSame( array( null ), $source->thumbnails( array( $image ) ) );
		$this->assertSame( 0, $this->sandbox->total_requests() );
	}

	public function test_drive_answers_an_old_token_not_found_never_the_new_bytes(): void {
		$this->connect_google();
		$source = $this->services()->sources()->require( 'google' );
		list( $old, , $new, $new_bytes ) = $this->replace( $source );

		try {
			$bytes = $source->thumbnail( $old );
			$this->fail( 'The old token got ' . strlen( $bytes ) . ' bytes' . ( $bytes === $new_bytes ? ', the new revision\'s.' : '.' ) );
		} catch ( GalleryException $exception ) {
			$this->assertSame( GalleryException::FOLDER_NOT_FOUND, $exception->reason );
		}
		list( $none, $bytes ) = $source->thumbnails( array( $old, $new ) );
		$this->assertNull( $none );
		$this->assertSame( md5( $new_bytes ), md5( (string) $bytes ) );
	}

	/**
	 * Lists the photo, fetches its thumbnail, replaces it in the sandbox,
	 * lists again and fetches the new revision's thumbnail.
	 *
	 * @return array{0: ImageRef, 1: string, 2: ImageRef, 3: string}
	 */
	private function replace( Source $source ): array {
		$before    = $this->photo( $source );
		$old       = new ImageRef( $source->provider(), $before->id, $before->revision, self::SIZE );
		$old_bytes = $source->thumbnail( $old );

		$this->assertSame( 'replaced', $this->sandbox->put_file( $this->path, $this->looks[1] ) );
		$after = $this->photo( $source );
		$this->assertSame( $before->id, $after->id, 'Replaced in place: the same file, a new revision.' );
		$this->assertNotSame( $before->revision, $after->revision );

		$new       = new ImageRef( $source->provider(), $after->id, $after->revision, self::SIZE );
		$new_bytes = $source->thumbnail( $new );
		$this->assertNotSame( md5( $old_bytes ), md5( $new_bytes ), 'The new revision looks different.' );
		return array( $old, $old_bytes, $new, $new_bytes );
	}

	/**
	 * The photo's listing row, read fresh from the provider.
	 *
	 * @return object{id: string, revision: string}
	 */
	private function photo( Source $source ): object {
		$root = 'google' === $source->provider() ? $source->folder( 'root' ) : $source->root();
		foreach ( $source->list( $root )->photos() as $row ) {
			if ( basename( $this->path ) === $row[1] ) {
				return (object) array(
					'id'       => $row[0],
					'revision' => $row[2],
				);
			}
		}
		$this->fail( "{$this->path} is not in the listing." );
	}

	private function connect_google(): void {
		$this->client = $this->register_google_client( 'PHPUnit revisions' );
		$this->connect_google_as_admin( $this->client );
		wp_set_current_user( 0 );
	}
}
