<?php
/**
 * What "Test connection" looks at in Dropbox: the top level, and a photo.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Providers\OAuthApp\AuthorizedCalls;
use CustomerCloudGallery\Providers\OAuthApp\GrantSurvey;
use CustomerCloudGallery\Providers\OAuthApp\TokenRecord;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * Follows has_more through the whole top level (Dropbox's pages are
 * approximate, so one page can hold a handful of entries), up to a bound
 * for accounts with a huge top level, and fetches one photo's thumbnail the
 * way galleries do: listing alone does not prove visitors will see photos.
 */
final class ConnectionSurvey implements GrantSurvey {

	/** As large as Dropbox allows; it may still return far fewer. */
	private const LISTING_LIMIT = 2000;

	/** Pages of the top level read before counting stops ("at least N more"). */
	private const MAX_PAGES = 25;

	/** Folders looked into, breadth first, for a photo when the top level holds none. */
	private const PROBE_FOLDERS = 5;

	public function __construct( private ApiClient $api, private AuthorizedCalls $calls ) {}

	/**
	 * Each part only when the grant allows it: a grant without a scope
	 * is reported by the status, not by a failed call.
	 */
	public function survey( TokenRecord $record, int $photos ): array {
		if ( false === $record->has_scope( Scopes::FILES_METADATA ) ) {
			return array( array(), true, null );
		}
		list( $folders, $top_photos, $complete ) = $this->top_level();
		$thumbnailable                           = false !== $record->has_scope( Scopes::FILES_CONTENT );
		return array( $folders, $complete, $thumbnailable ? $this->photos_to_try( $top_photos, $folders, $photos ) : null );
	}

	public function unknown_account(): string {
		return __( 'Dropbox answered; the account is unknown because the app lacks the account_info.read permission.', 'customer-cloud-gallery' );
	}

	public function no_folders(): string {
		return __( 'It sees no folders at the top level.', 'customer-cloud-gallery' );
	}

	/**
	 * The top level's folders (sorted) and photos, and whether that is all of it.
	 *
	 * @return array{0: list<string>, 1: list<FolderEntry>, 2: bool}
	 *
	 * @throws DropboxError
	 * @throws UnreadableSecret
	 */
	private function top_level(): array {
		$folders = array();
		$photos  = array();
		$page    = $this->calls->call( fn ( string $token ): FolderPage => $this->api->list_folder( $token, '', self::LISTING_LIMIT ) );
		for ( $pages = 1; ; ++$pages ) {
			array_push( $folders, ...$page->folder_paths() );
			array_push( $photos, ...$this->photos( $page ) );
			if ( ! $page->has_more || $pages >= self::MAX_PAGES ) {
				break;
			}
			$cursor = $page->cursor;
			$page   = $this->calls->call( fn ( string $token ): FolderPage => $this->api->list_folder_continue( $token, $cursor ) );
		}
		natcasesort( $folders );
		return array( array_values( $folders ), $photos, ! $page->has_more );
	}

	/**
	 * A few photos: from the top level, else from the first folder, breadth
	 * first, that has any (first pages only: this only needs a sample).
	 *
	 * @param list<FolderEntry> $photos   The top level's photos.
	 * @param list<string>      $folders  The top level's folders.
	 * @param int               $how_many At most this many.
	 *
	 * @return array<string, ImageRef> By display path.
	 *
	 * @throws DropboxError
	 * @throws UnreadableSecret
	 */
	private function photos_to_try( array $photos, array $folders, int $how_many ): array {
		$queue = $folders;
		for ( $looked = 0; array() === $photos && array() !== $queue && $looked < self::PROBE_FOLDERS; ++$looked ) {
			$folder = array_shift( $queue );
			$page   = $this->calls->call( fn ( string $token ): FolderPage => $this->api->list_folder( $token, $folder, 100 ) );
			$photos = $this->photos( $page );
			array_push( $queue, ...$page->folder_paths() );
		}
		$images = array();
		foreach ( array_slice( $photos, 0, $how_many ) as $photo ) {
			$images[ $photo->path ] = new ImageRef( DropboxDescription::ID, $photo->id, $photo->rev, 'w256h256' );
		}
		return $images;
	}

	/**
	 * @return list<FolderEntry>
	 */
	private function photos( FolderPage $page ): array {
		return array_values( array_filter( $page->entries, static fn ( FolderEntry $entry ): bool => $entry->is_file() && Thumbnailable::accepts( $entry->name, $entry->size ) ) );
	}

}
