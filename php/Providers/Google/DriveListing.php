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
		// The same query on every page: Drive pairs a page token with it.
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

		$folders = $partial->folders ?? array();
		$files   = $partial->files ?? array();
		$others  = $partial->other_files ?? 0;
		$token   = $partial->cursor ?? '';
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
				} else {
					++$others;
				}
			}
			$token = DriveFiles::string( $page, 'nextPageToken' );
			unset( $page );
		} while ( '' !== $token && $budget->allows_another_page() );

		return new Listing( $folder, $folders, $files, $token, time(), $others, '' === $token );
	}

	/**
	 * Inside q, string values are single-quoted with ' and \ escaped.
	 */
	private static function quoted( string $value ): string {
		return str_replace( array( '\\', "'" ), array( '\\\\', "\\'" ), $value );
	}
}
