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
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * Pages of 1,000 (files.list's maximum), so a 5,000-photo folder is five
 * calls; each page is turned into rows and dropped before the next one.
 * Drive knows MIME types, so the listing keeps only photos and counts the
 * rest. Trashed files are excluded by the query (files.list includes
 * them otherwise).
 */
final class DriveListing {

	private const PAGE_SIZE = 1000;

	/** A runaway guard: 100 pages is 100,000 entries. */
	private const MAX_PAGES = 100;

	private const FIELDS = 'nextPageToken,files(id,name,mimeType,size,md5Checksum,modifiedTime,createdTime,hasThumbnail,thumbnailVersion,thumbnailLink,imageMediaMetadata(width,height,time,rotation),shortcutDetails)';

	public function __construct(
		private ApiClient $api,
		private AuthorizedCalls $calls,
		private DriveTree $tree,
		private ThumbnailLinks $links
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
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	public function folder( Folder $folder ): Listing {
		$query = array(
			'q'        => "'" . self::quoted( $folder->id ) . "' in parents and trashed = false",
			'fields'   => self::FIELDS,
			'pageSize' => self::PAGE_SIZE,
			'orderBy'  => 'folder,name_natural',
		);
		$drive = $this->tree->drive_of( $folder );
		if ( '' !== $drive ) {
			$query += array(
				'corpora' => 'drive',
				'driveId' => $drive,
			);
		}

		$folders = array();
		$files   = array();
		$links   = array();
		$others  = 0;
		$token   = '';
		$pages   = 0;
		do {
			$cursor = $token;
			$page   = $this->calls->call( fn ( string $access ): array => $this->api->files( $access, $query, $cursor ) );
			foreach ( is_array( $page['files'] ?? null ) ? $page['files'] : array() as $file ) {
				if ( ! is_array( $file ) ) {
					continue;
				}
				if ( DriveFiles::is_folder( $file ) && is_string( $file['id'] ?? null ) ) {
					$name = DriveFiles::string( $file, 'name' );
					$folders[ $folder->path_lower . '/' . $file['id'] ] = array( $file['id'], $name, rtrim( $folder->path, '/' ) . '/' . $name );
				} elseif ( DriveFiles::is_photo( $file ) ) {
					$files[ $file['id'] ] = DriveFiles::photo_row( $file );
					if ( is_string( $file['thumbnailLink'] ?? null ) && '' !== $file['thumbnailLink'] ) {
						$links[ $file['id'] ] = $file['thumbnailLink'];
					}
				} else {
					++$others;
				}
			}
			$token = DriveFiles::string( $page, 'nextPageToken' );
			unset( $page );
			++$pages;
		} while ( '' !== $token && $pages < self::MAX_PAGES );

		$this->links->put_many( $links );
		return new Listing( $folder, $folders, $files, '', time(), $others );
	}

	/**
	 * Inside q, string values are single-quoted with ' and \ escaped.
	 */
	private static function quoted( string $value ): string {
		return str_replace( array( '\\', "'" ), array( '\\\\', "\\'" ), $value );
	}
}
