<?php
/**
 * Reads folders from Dropbox: metadata, full listings and cheap refreshes.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

use CustomerCloudGallery\Providers\Dropbox\ApiClient;
use CustomerCloudGallery\Providers\Dropbox\AuthorizedCalls;
use CustomerCloudGallery\Providers\Dropbox\DropboxError;
use CustomerCloudGallery\Providers\Dropbox\FolderEntry;
use CustomerCloudGallery\Providers\Dropbox\FolderPage;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * Pages of 2,000 (Dropbox's maximum), so a 5,000-photo folder is three
 * calls; never a call per photo. A refresh continues from the stored cursor
 * and applies only what changed.
 */
final class DropboxListingSource {

	private const PAGE_LIMIT = 2000;

	/** A runaway guard: 100 pages is 200,000 entries. */
	private const MAX_PAGES = 100;

	public function __construct( private ApiClient $api, private AuthorizedCalls $calls, private DropboxFailures $failures ) {}

	/**
	 * @param string $ref An "id:…" or a "/path" (never the root).
	 *
	 * @throws GalleryException
	 */
	public function folder( string $ref ): Folder {
		$entry = $this->call( fn ( string $token ): FolderEntry => $this->api->get_metadata( $token, $ref ) );
		if ( ! $entry->is_folder() ) {
			throw GalleryException::not_found();
		}
		return Folder::from_entry( $entry );
	}

	/**
	 * @throws GalleryException
	 */
	public function list( Folder $folder ): Listing {
		$page    = $this->call( fn ( string $token ): FolderPage => $this->api->list_folder( $token, $folder->api_path(), self::PAGE_LIMIT ) );
		$folders = array();
		$files   = array();
		$this->apply( $page, $folders, $files );
		$cursor = $this->follow( $page, $folders, $files );
		return new Listing( $folder, $folders, $files, $cursor, time() );
	}

	/**
	 * Re-reads the folder's own metadata (it may have moved out of the
	 * gallery root) and the changes since the cursor.
	 *
	 * @throws GalleryException
	 */
	public function refresh( Listing $listing ): Listing {
		$folder = $listing->folder->is_root() ? $listing->folder : $this->folder( $listing->folder->id );
		if ( '' === $listing->cursor ) {
			return $this->list( $folder );
		}
		$folders = $listing->folders;
		$files   = $listing->files;
		try {
			$page = $this->calls->call( fn ( string $token ): FolderPage => $this->api->list_folder_continue( $token, $listing->cursor ) );
		} catch ( DropboxError $error ) {
			// reset: Dropbox invalidated the cursor; a 400 "Invalid cursor"
			// follows a reconnect with another app. Either way, list again.
			if ( ( DropboxError::CONFLICT === $error->kind && str_starts_with( (string) $error->tag, 'reset' ) ) || DropboxError::BAD_REQUEST === $error->kind ) {
				return $this->list( $folder );
			}
			throw $this->failures->from_error( $error );
		} catch ( UnreadableSecret ) {
			throw $this->failures->unreadable();
		}
		$this->apply( $page, $folders, $files );
		$cursor = $this->follow( $page, $folders, $files );
		return new Listing( $folder, $folders, $files, $cursor, time() );
	}

	/**
	 * @param array<string, array{0: string, 1: string, 2: string}>                        $folders
	 * @param array<string, array{0: string, 1: string, 2: string, 3: int, 4: int, 5: int}> $files
	 *
	 * @throws GalleryException
	 */
	private function follow( FolderPage $page, array &$folders, array &$files ): string {
		$pages = 1;
		while ( $page->has_more && $pages < self::MAX_PAGES ) {
			$cursor = $page->cursor;
			$page   = $this->call( fn ( string $token ): FolderPage => $this->api->list_folder_continue( $token, $cursor ) );
			$this->apply( $page, $folders, $files );
			++$pages;
		}
		return $page->cursor;
	}

	/**
	 * @param array<string, array{0: string, 1: string, 2: string}>                        $folders
	 * @param array<string, array{0: string, 1: string, 2: string, 3: int, 4: int, 5: int}> $files
	 */
	private function apply( FolderPage $page, array &$folders, array &$files ): void {
		foreach ( $page->entries as $entry ) {
			$key = $entry->path_lower;
			if ( $entry->is_folder() ) {
				$folders[ $key ] = array( $entry->id, $entry->name, $entry->path );
			} elseif ( $entry->is_file() ) {
				$files[ $key ] = array( $entry->id, $entry->name, $entry->rev, $entry->size, $entry->modified, $entry->client_modified );
			} else {
				unset( $folders[ $key ], $files[ $key ] );
			}
		}
	}

	/**
	 * @template T
	 *
	 * @param callable(string): T $request
	 *
	 * @return T
	 *
	 * @throws GalleryException
	 */
	private function call( callable $request ): mixed {
		try {
			return $this->calls->call( $request );
		} catch ( DropboxError $error ) {
			throw $this->failures->from_error( $error );
		} catch ( UnreadableSecret ) {
			throw $this->failures->unreadable();
		}
	}
}
