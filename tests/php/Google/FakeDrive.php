<?php
/**
 * A small Drive behind FakeGoogle: files.get, files.list (by parent, paged),
 * drives.list and drives.get, answered from an in-memory tree.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Google;

final class FakeDrive {

	public const MY_DRIVE = '0AMyDriveRootAAAAAA';

	public const FOLDER = 'application/vnd.google-apps.folder';

	/** The studio's folders (studio()). */
	public const CLIENTS = '1ClientsFolderAAAAA';

	public const SMITH = '1SmithFolderAAAAAAA';

	public const SHARED = '0AStudioSharedAAAAA';

	public const WEDDINGS = '1WeddingsFolderAAAA';

	/** @var array<string, array<string, mixed>> File resources by id. */
	public array $files = array();

	/** @var array<string, string> Shared drive id => name. */
	public array $drives = array();

	public int $drives_page_size = 100;

	public function __construct( FakeGoogle $google ) {
		$google->on( '#^GET www\.googleapis\.com/drive/v3/files/[^/]+$#', fn ( array $request ): array => $this->get( $request ) );
		$google->on( 'GET www.googleapis.com/drive/v3/files/root', FakeGoogle::json( 200, array( 'id' => self::MY_DRIVE ) ) );
		$google->on( '#^GET www\.googleapis\.com/drive/v3/files$#', fn ( array $request ): array => $this->list( $request ) );
		$google->on( '#^GET www\.googleapis\.com/drive/v3/drives$#', fn ( array $request ): array => $this->list_drives( $request ) );
		$google->on( '#^GET www\.googleapis\.com/drive/v3/drives/[^/]+$#', fn ( array $request ): array => $this->get_drive( $request ) );
		$this->files[ self::MY_DRIVE ] = array(
			'id'       => self::MY_DRIVE,
			'name'     => 'My Drive',
			'mimeType' => self::FOLDER,
		);
	}

	/**
	 * The photographer's Drive most tests browse: My Drive/Clients/Smith,
	 * and the shared drive "Studio Shared" holding Weddings.
	 */
	public function studio(): self {
		return $this->folder( self::CLIENTS, 'Clients', self::MY_DRIVE )
			->folder( self::SMITH, 'Smith', self::CLIENTS )
			->shared_drive( self::SHARED, 'Studio Shared' )
			->folder( self::WEDDINGS, 'Weddings', self::SHARED, self::SHARED );
	}

	public function folder( string $id, string $name, string $parent, string $drive = '' ): self {
		return $this->add( $id, $name, $parent, self::FOLDER, $drive );
	}

	/**
	 * A shared drive and its root folder (whose id is the drive's, and whose
	 * own name Drive does not set to the drive's).
	 */
	public function shared_drive( string $id, string $name ): self {
		$this->drives[ $id ] = $name;
		$this->files[ $id ]  = array(
			'id'       => $id,
			'name'     => 'Drive',
			'mimeType' => self::FOLDER,
			'driveId'  => $id,
		);
		return $this;
	}

	/**
	 * @param array<string, mixed> $extra
	 */
	public function add( string $id, string $name, string $parent, string $mime, string $drive = '', array $extra = array() ): self {
		$file = array_merge(
			array(
				'id'       => $id,
				'name'     => $name,
				'mimeType' => $mime,
				'parents'  => array( $parent ),
				'trashed'  => false,
			),
			$extra
		);
		if ( '' !== $drive ) {
			$file['driveId'] = $drive;
		}
		$this->files[ $id ] = $file;
		return $this;
	}

	/**
	 * @param array<string, mixed> $request
	 *
	 * @return array<string, mixed>
	 */
	private function get( array $request ): array {
		$id = rawurldecode( basename( (string) wp_parse_url( $request['url'], PHP_URL_PATH ) ) );
		if ( ! isset( $this->files[ $id ] ) ) {
			return FakeGoogle::drive_error( 404, 'notFound', "File not found: {$id}." );
		}
		return FakeGoogle::json( 200, $this->files[ $id ] );
	}

	/**
	 * Children of the one parent named in q; trashed ones only when q does
	 * not exclude them (as Drive does). Or, for "mimeType contains 'image/'
	 * and trashed = false" alone, every image in the corpus.
	 *
	 * @param array<string, mixed> $request
	 *
	 * @return array<string, mixed>
	 */
	private function list( array $request ): array {
		$q = (string) ( $request['query']['q'] ?? '' );
		if ( "mimeType contains 'image/' and trashed = false" === $q ) {
			$images = array_filter( $this->files, static fn ( array $file ): bool => str_starts_with( (string) $file['mimeType'], 'image/' ) && true !== ( $file['trashed'] ?? false ) );
			return FakeGoogle::json( 200, array( 'files' => array_slice( array_values( $images ), 0, (int) ( $request['query']['pageSize'] ?? 100 ) ) ) );
		}
		if ( 1 !== preg_match( "/^'([^']+)' in parents/", $q, $match ) ) {
			return FakeGoogle::drive_error( 400, 'invalid', 'Invalid Value' );
		}
		$parent       = 'root' === $match[1] ? self::MY_DRIVE : $match[1];
		$skip_trashed = str_contains( $q, 'trashed = false' );
		$children     = array();
		foreach ( $this->files as $file ) {
			if ( in_array( $parent, $file['parents'] ?? array(), true ) && ! ( $skip_trashed && true === ( $file['trashed'] ?? false ) ) ) {
				$children[] = $file;
			}
		}
		$size  = min( 1000, (int) ( $request['query']['pageSize'] ?? 100 ) );
		$token = (string) ( $request['query']['pageToken'] ?? '0' );
		if ( 1 !== preg_match( '/^\d+$/', $token ) ) {
			// Drive answers a page token it did not issue with 400 Invalid Value.
			return FakeGoogle::drive_error( 400, 'invalid', 'Invalid Value' );
		}
		$offset = (int) $token;
		$body   = array( 'files' => array_slice( $children, $offset, $size ) );
		if ( $offset + $size < count( $children ) ) {
			$body['nextPageToken'] = (string) ( $offset + $size );
		}
		return FakeGoogle::json( 200, $body );
	}

	/**
	 * @param array<string, mixed> $request
	 *
	 * @return array<string, mixed>
	 */
	private function list_drives( array $request ): array {
		$drives = array();
		foreach ( $this->drives as $id => $name ) {
			$drives[] = array(
				'id'   => $id,
				'name' => $name,
			);
		}
		$offset = (int) ( $request['query']['pageToken'] ?? 0 );
		$body   = array( 'drives' => array_slice( $drives, $offset, $this->drives_page_size ) );
		if ( $offset + $this->drives_page_size < count( $drives ) ) {
			$body['nextPageToken'] = (string) ( $offset + $this->drives_page_size );
		}
		return FakeGoogle::json( 200, $body );
	}

	/**
	 * @param array<string, mixed> $request
	 *
	 * @return array<string, mixed>
	 */
	private function get_drive( array $request ): array {
		$id = rawurldecode( basename( (string) wp_parse_url( $request['url'], PHP_URL_PATH ) ) );
		if ( ! isset( $this->drives[ $id ] ) ) {
			return FakeGoogle::drive_error( 404, 'notFound', "Shared drive not found: {$id}" );
		}
		return FakeGoogle::json(
			200,
			array(
				'id'   => $id,
				'name' => $this->drives[ $id ],
			)
		);
	}
}
