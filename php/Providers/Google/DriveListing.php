<?php
/**
 * Lists a Drive folder into the listing's plain rows, every page of it.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Gallery\Folder;
use CustomerCloudGallery\Gallery\Listing;
use CustomerCloudGallery\Gallery\ListingBudget;
use CustomerCloudGallery\Providers\OAuthApp\AuthorizedCalls;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * Asks for pages of 1,000 (files.list's maximum); pageSize is a maximum, not
 * a promise, so pages are followed until there is no nextPageToken, or the
 * budget pauses the listing with the token to continue from. Each page is
 * turned into rows and dropped before the next one.
 * Drive knows MIME types, so the listing keeps only photos and counts the
 * rest. Trashed files are excluded by the query (files.list includes
 * them otherwise).
 */
final class DriveListing {

	private const PAGE_SIZE = 1000;

	private const FIELDS = 'nextPageToken,files(id,name,mimeType,size,md5Checksum,modifiedTime,createdTime,hasThumbnail,thumbnailVersion,imageMediaMetadata(width,height,time,rotation),shortcutDetails)';

	public function __construct(
		private ApiClient $api,
		private AuthorizedCalls $calls,
		private DriveTree $tree
	) {}

	/**
	 * The virtual root: My Drive and each shared drive, and no files.
	 *
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	public function top( Folder $root ): Listing {
		$folders = array();
		foreach ( array_merge( array( $this->tree->my_drive() ), $this->tree->shared_drives() ) as $folder ) {
			$folders[ $folder->path_lower ] = array( $folder->id, $folder->name, $folder->path );
		}
		return new Listing( $root, $folders, array(), '', time(), 0 );
	}

	/**
	 * The folder's files, from the first page, or from where $partial (an
	 * incomplete listing of the same folder) paused.
	 *
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	public function folder( Folder $folder, ListingBudget $budget, ?Listing $partial = null ): Listing {
		$query   = self::query( $folder->id, $this->tree->drive_of( $folder ) );
		$folders = $partial->folders ?? array();
		$files   = $partial->files ?? array();
		$others  = $partial->other_files ?? 0;
		$token   = $partial->cursor ?? '';
		do {
			$cursor     = $token;
			$page       = $this->calls->call( fn ( string $access ): array => $this->api->files( $access, $query, $cursor ) );
			$subfolders = array();
			$token      = self::read( $page, $subfolders, $files, $others );
			$folders    = array_merge( $folders, self::rows( $folder, $subfolders ) );
			unset( $page );
		} while ( '' !== $token && $budget->allows_another_page() );

		return new Listing( $folder, $folders, $files, $token, time(), $others, '' === $token );
	}

	/**
	 * A folder by its id and its listing, for a request with nothing cached:
	 * files.get of the folder first (a file, or a folder in the trash, is
	 * not listed), then each page of files.list goes out together with the
	 * files.get of the next ancestor not cached, so the climb that the
	 * folder's path needs (DriveTree) costs no round trips of its own while
	 * there are pages. Nothing of the listing is kept here: the caller
	 * checks the folder against the gallery root first.
	 *
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	public function open( string $ref, ListingBudget $budget ): Listing {
		list( $chain, $next, $drive ) = $this->tree->open( $ref );
		$query      = self::query( (string) array_key_first( $chain ), $drive );
		$subfolders = array();
		$files      = array();
		$others     = 0;
		$token      = '';
		do {
			$cursor  = $token;
			$parent  = $next;
			$which   = '' !== $parent ? array( 'page', 'file' ) : array( 'page' );
			$answers = $this->calls->call_each( fn ( string $access, array $keys ): array => $this->api->files_and_file( $access, $keys, $query, $cursor, $parent, DriveTree::NODE_FIELDS ), $which );
			$page    = $answers['page'] ?? new GoogleError( GoogleError::UNEXPECTED, 0, 'Drive sent no page.' );
			if ( $page instanceof GoogleError ) {
				throw $page;
			}
			if ( '' !== $parent ) {
				$next = $this->tree->climbed( $parent, $answers['file'] ?? new GoogleError( GoogleError::UNEXPECTED, 0, 'No answer.' ), $chain );
			}
			$token = self::read( $page, $subfolders, $files, $others );
			unset( $page, $answers );
		} while ( '' !== $token && $budget->allows_another_page() );
		$this->tree->climb( $next, $chain );

		$folder = $this->tree->chain_folder( $chain );
		return new Listing( $folder, self::rows( $folder, $subfolders ), $files, $token, time(), $others, '' === $token );
	}

	/**
	 * The same query on every page: Drive pairs a page token with it.
	 *
	 * @return array<string, string|int>
	 */
	private static function query( string $folder_id, string $drive ): array {
		$query = array(
			'q'        => "'" . self::quoted( $folder_id ) . "' in parents and trashed = false",
			'fields'   => self::FIELDS,
			'pageSize' => self::PAGE_SIZE,
			'orderBy'  => 'folder,name_natural',
		);
		if ( '' !== $drive ) {
			$query += array(
				'corpora' => 'drive',
				'driveId' => $drive,
			);
		}
		return $query;
	}

	/**
	 * One page's files into the listing's rows: photos by id, subfolders
	 * (id => name) for rows(), the rest counted.
	 *
	 * @param array<string, mixed>                  $page
	 * @param array<string, string>                 $subfolders
	 * @param array<string, array<string, mixed>>   $files
	 *
	 * @return string The next page's token; "" after the last.
	 */
	private static function read( array $page, array &$subfolders, array &$files, int &$others ): string {
		foreach ( is_array( $page['files'] ?? null ) ? $page['files'] : array() as $file ) {
			if ( ! is_array( $file ) ) {
				continue;
			}
			if ( DriveFiles::is_folder( $file ) && is_string( $file['id'] ?? null ) ) {
				$subfolders[ $file['id'] ] = DriveFiles::string( $file, 'name' );
			} elseif ( DriveFiles::is_photo( $file ) ) {
				$files[ $file['id'] ] = DriveFiles::photo_row( $file );
			} else {
				++$others;
			}
		}
		return DriveFiles::string( $page, 'nextPageToken' );
	}

	/**
	 * Subfolders as the listing's folder rows, under $folder's path.
	 *
	 * @param array<string, string> $subfolders Id => name.
	 *
	 * @return array<string, array{0: string, 1: string, 2: string}>
	 */
	private static function rows( Folder $folder, array $subfolders ): array {
		$rows = array();
		foreach ( $subfolders as $id => $name ) {
			$id = (string) $id;
			$rows[ $folder->path_lower . '/' . $id ] = array( $id, $name, rtrim( $folder->path, '/' ) . '/' . $name );
		}
		return $rows;
	}

	/**
	 * Inside q, string values are single-quoted with ' and \ escaped.
	 */
	private static function quoted( string $value ): string {
		return str_replace( array( '\\', "'" ), array( '\\\\', "\\'" ), $value );
	}
}
