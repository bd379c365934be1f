<?php
/**
 * Dropbox as a gallery source: folders, listings, thumbnails, media info.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

use CustomerCloudGallery\Cache\MediaInfoStore;
use CustomerCloudGallery\Gallery\Folder;
use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Gallery\Listing;
use CustomerCloudGallery\Gallery\ListingBudget;
use CustomerCloudGallery\Gallery\OpensFolders;
use CustomerCloudGallery\Gallery\ParallelBatches;
use CustomerCloudGallery\Gallery\Source;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Providers\OAuthApp\AuthorizedCalls;
use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * Asks for pages of 2,000 (Dropbox's maximum); never a call per photo.
 * Dropbox documents `limit` as approximate, and pages may be far shorter
 * (even empty with has_more), so no page count is assumed: every page is
 * followed until has_more is false, or the budget pauses the listing with
 * its cursor. A refresh continues from the stored cursor and applies only
 * what changed. Folders are keyed by path_lower, which Dropbox keeps unique,
 * so boundaries compare paths and a page applied twice changes nothing.
 */
final class DropboxSource implements Source, ParallelBatches, OpensFolders {

	private const PAGE_LIMIT = 2000;

	/** get_metadata calls per warming run for dates taken and sizes. */
	private const MEDIA_PER_RUN = 50;

	/** How long a folder's metadata is remembered for breadcrumbs. */
	private const REMEMBER_SECONDS = DAY_IN_SECONDS;

	public function __construct(
		private ApiClient $api,
		private AuthorizedCalls $calls,
		private DropboxFailures $failures,
		private MediaInfoStore $media,
		private DropboxThumbnails $thumbnails
	) {}

	public function provider(): string {
		return DropboxDescription::ID;
	}

	public function label(): string {
		return DropboxDescription::label_text();
	}

	public function root(): Folder {
		return new Folder( '', DropboxDescription::label_text(), '/', '' );
	}

	public function accepts_reference( string $ref ): bool {
		return '' === $ref || 1 === preg_match( '#^id:[^\s/]+$#', $ref );
	}

	/**
	 * @param string $ref An "id:…" or a "/path" (never the root).
	 */
	public function folder( string $ref ): Folder {
		$entry = $this->call( fn ( string $token ): FolderEntry => $this->api->get_metadata( $token, $ref ) );
		if ( ! $entry->is_folder() ) {
			throw GalleryException::not_found( $this->label() );
		}
		return new Folder( $entry->id, $entry->name, $entry->path, $entry->path_lower );
	}

	public function list( Folder $folder, ?ListingBudget $budget = null ): Listing {
		return $this->listing( $folder, $this->call( fn ( string $token ): FolderPage => $this->api->list_folder( $token, $folder->ref(), self::PAGE_LIMIT ) ), $budget );
	}

	/**
	 * get_metadata and list_folder side by side: both take the folder's id.
	 *
	 * @param string $ref An "id:…" or a "/path" (never the root).
	 */
	public function open( string $ref, ?ListingBudget $budget = null ): Listing {
		try {
			$answers = $this->calls->call_each( fn ( string $token, array $which ): array => $this->api->metadata_and_list_folder( $token, $ref, self::PAGE_LIMIT, $which ), array( 'metadata', 'page' ) );
		} catch ( DropboxError $error ) {
			throw $this->failures->from_error( $error );
		} catch ( UnreadableSecret ) {
			throw $this->failures->unreadable();
		}
		foreach ( $answers as $answer ) {
			if ( $answer instanceof DropboxError ) {
				throw $this->failures->from_error( $answer );
			}
		}
		$entry = $answers['metadata'] ?? null;
		$page  = $answers['page'] ?? null;
		if ( ! $entry instanceof FolderEntry || ! $entry->is_folder() || ! $page instanceof FolderPage ) {
			throw GalleryException::not_found( $this->label() );
		}
		return $this->listing( new Folder( $entry->id, $entry->name, $entry->path, $entry->path_lower ), $page, $budget );
	}

	/**
	 * The listing that starts with $page: the rest of its pages as the budget allows.
	 */
	private function listing( Folder $folder, FolderPage $page, ?ListingBudget $budget ): Listing {
		$folders = array();
		$files   = array();
		$others  = array();
		$this->apply( $page, $folders, $files, $others );
		$page = $this->follow( $page, $folders, $files, $others, $budget ?? ListingBudget::unlimited() );
		$this->remember( $folder );
		return new Listing( $folder, $folders, $files, $page->cursor, time(), null, ! $page->has_more, $others );
	}

	/**
	 * An incomplete listing continues where it paused. A complete one first
	 * re-reads the folder's own metadata (it may have moved out of the
	 * gallery root), then fetches the changes since its cursor.
	 */
	public function refresh( Listing $listing, ?ListingBudget $budget = null ): Listing {
		$budget = $budget ?? ListingBudget::unlimited();
		$folder = $listing->folder;
		if ( $listing->complete && ! $folder->is_root() ) {
			$folder = $this->folder( $folder->id );
		}
		if ( '' === $listing->cursor ) {
			return $this->list( $folder, $budget );
		}
		$folders = $listing->folders;
		$files   = $listing->files;
		$others  = $listing->other_keys;
		try {
			$page = $this->calls->call( fn ( string $token ): FolderPage => $this->api->list_folder_continue( $token, $listing->cursor ) );
		} catch ( DropboxError $error ) {
			// reset: Dropbox invalidated the cursor; a 400 "Invalid cursor"
			// follows a reconnect with another app. Either way the rows we
			// hold cannot be brought up to date: list again from nothing.
			if ( ( DropboxError::CONFLICT === $error->kind && str_starts_with( (string) $error->tag, 'reset' ) ) || DropboxError::BAD_REQUEST === $error->kind ) {
				return $this->list( $folder, $budget );
			}
			throw $this->failures->from_error( $error );
		} catch ( UnreadableSecret ) {
			throw $this->failures->unreadable();
		}
		$this->apply( $page, $folders, $files, $others );
		$page = $this->follow( $page, $folders, $files, $others, $budget );
		return new Listing( $folder, $folders, $files, $page->cursor, time(), null, ! $page->has_more, $others );
	}

	/**
	 * Walks the display path: each level is a remembered folder, or one
	 * get_metadata call (then remembered for a day).
	 */
	public function ancestors( Folder $boundary, Folder $folder ): array {
		if ( $folder->path_lower === $boundary->path_lower || $folder->is_root() ) {
			return array();
		}
		$segments  = explode( '/', trim( $folder->path, '/' ) );
		$skip      = $boundary->is_root() ? 0 : count( explode( '/', trim( $boundary->path_lower, '/' ) ) );
		$ancestors = array();
		for ( $depth = $skip + 1; $depth < count( $segments ); $depth++ ) {
			$ancestors[] = $this->by_path( '/' . implode( '/', array_slice( $segments, 0, $depth ) ) );
		}
		return $ancestors;
	}

	public function batch_size(): int {
		return DropboxThumbnails::BATCH;
	}

	public function thumbnail( ImageRef $image ): string {
		return $this->thumbnails->one( $image );
	}

	public function thumbnails( array $images ): array {
		return $this->thumbnails->batch( $images );
	}

	/**
	 * A window of 100 at the grid's sizes; ThumbnailSize::per_request()
	 * bounds what that means in memory.
	 */
	public function batches_at_once(): int {
		return 4;
	}

	public function thumbnail_batches( array $batches ): array {
		return $this->thumbnails->batches( $batches );
	}

	/**
	 * Dropbox's listing has no dates taken or pixel sizes: get_metadata with
	 * include_media_info, a capped number per run, remembered per folder.
	 */
	public function learn_media( string $folder_key, array $file_ids ): int {
		$known   = $this->media->get( DropboxDescription::ID, $folder_key );
		$missing = array();
		foreach ( $file_ids as $id ) {
			if ( ! isset( $known[ $id ] ) ) {
				$missing[] = $id;
			}
		}
		$learned = array();
		try {
			foreach ( array_slice( $missing, 0, (int) apply_filters( 'ccg_media_info_per_run', self::MEDIA_PER_RUN ) ) as $id ) {
				$info           = $this->call( fn ( string $token ): array => $this->api->get_media_info( $token, $id ) );
				$learned[ $id ] = array( $info['taken'], $info['width'], $info['height'] );
			}
		} finally {
			$this->media->add( DropboxDescription::ID, $folder_key, $learned );
		}
		return count( $missing ) - count( $learned );
	}

	/**
	 * Follows has_more while the budget allows.
	 *
	 * @param array<string, array{0: string, 1: string, 2: string}>                        $folders
	 * @param array<string, array{0: string, 1: string, 2: string, 3: int, 4: int, 5: int}> $files
	 *
	 * @return FolderPage The last page applied: its cursor, and whether more remain.
	 *
	 * @throws GalleryException
	 */
	private function follow( FolderPage $page, array &$folders, array &$files, array &$others, ListingBudget $budget ): FolderPage {
		while ( $page->has_more && $budget->allows_another_page() ) {
			$cursor = $page->cursor;
			$page   = $this->call( fn ( string $token ): FolderPage => $this->api->list_folder_continue( $token, $cursor ) );
			$this->apply( $page, $folders, $files, $others );
		}
		return $page;
	}

	/**
	 * Applies a page in place, keyed by path_lower: an entry replaces what
	 * was at its path (a file may become a folder), a deleted one removes it.
	 * Only files Dropbox can make thumbnails of are photos; the rest are kept
	 * by key, to count them and to forget them when they are deleted.
	 *
	 * @param array<string, array{0: string, 1: string, 2: string}>                        $folders
	 * @param array<string, array{0: string, 1: string, 2: string, 3: int, 4: int, 5: int}> $files
	 * @param array<string, true>                                                            $others
	 */
	private function apply( FolderPage $page, array &$folders, array &$files, array &$others ): void {
		foreach ( $page->entries as $entry ) {
			$key = $entry->path_lower;
			// A changed photo keeps its place: assigning to an existing key does.
			if ( $entry->is_folder() ) {
				unset( $files[ $key ], $others[ $key ] );
				$folders[ $key ] = array( $entry->id, $entry->name, $entry->path );
			} elseif ( $entry->is_file() && Thumbnailable::accepts( $entry->name, $entry->size ) ) {
				unset( $folders[ $key ], $others[ $key ] );
				$files[ $key ] = array( $entry->id, $entry->name, $entry->rev, $entry->size, $entry->modified, $entry->client_modified );
			} elseif ( $entry->is_file() ) {
				unset( $folders[ $key ], $files[ $key ] );
				$others[ $key ] = true;
			} else {
				unset( $folders[ $key ], $files[ $key ], $others[ $key ] );
			}
		}
	}

	private function remember( Folder $folder ): void {
		if ( $folder->is_root() ) {
			return;
		}
		$key = Keys::FOLDER_META_PREFIX . md5( $this->provider() . $folder->path_lower );
		if ( false === get_transient( $key ) ) {
			set_transient( $key, $folder->to_array(), self::REMEMBER_SECONDS );
		}
	}

	private function by_path( string $path ): Folder {
		$key    = Keys::FOLDER_META_PREFIX . md5( $this->provider() . mb_strtolower( $path ) );
		$cached = get_transient( $key );
		if ( is_array( $cached ) ) {
			return Folder::from_array( $cached );
		}
		try {
			$folder = $this->folder( $path );
		} catch ( GalleryException ) {
			return new Folder( '', basename( $path ), $path, mb_strtolower( $path ) );
		}
		set_transient( $key, $folder->to_array(), self::REMEMBER_SECONDS );
		return $folder;
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
