<?php
/**
 * "Test connection": asks Dropbox who we are, what we can see, and for a photo.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Providers\Problem;
use CustomerCloudGallery\Providers\TestResult;
use CustomerCloudGallery\Providers\ThumbnailProbe;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * Follows has_more through the whole top level (Dropbox's pages are
 * approximate, so one page can hold a handful of entries), up to a bound
 * for accounts with a huge top level, and fetches one photo's thumbnail the
 * way galleries do: listing alone does not prove visitors will see photos.
 */
final class ConnectionTest {

	/** As large as Dropbox allows; it may still return far fewer. */
	private const LISTING_LIMIT = 2000;

	/** Pages of the top level read before counting stops ("at least N more"). */
	private const MAX_PAGES = 25;

	/** Folders looked into, breadth first, for a photo when the top level holds none. */
	private const PROBE_FOLDERS = 5;

	/** Photos tried, in case one cannot be rendered. */
	private const PROBE_PHOTOS = 3;

	public function __construct(
		private TokenStore $tokens,
		private ApiClient $api,
		private AuthorizedCalls $calls,
		private HealthStore $health,
		private ConnectionFactory $connections,
		private Diagnosis $diagnosis,
		private ThumbnailProbe $probe
	) {}

	public function run(): TestResult {
		$before     = $this->connections->build();
		$untestable = TestResult::untestable( $before, $this->diagnosis->not_connected() );
		if ( null !== $untestable ) {
			return $untestable;
		}

		$folders   = array();
		$complete  = true;
		$thumbnail = '';
		try {
			$record = $this->tokens->load();
			if ( null === $record ) {
				return TestResult::failed( $before, $this->diagnosis->not_connected() );
			}
			if ( false !== $record->has_scope( Scopes::ACCOUNT_INFO ) ) {
				$this->refresh_account();
			}
			$photos = array();
			if ( false !== $record->has_scope( Scopes::FILES_METADATA ) ) {
				list( $folders, $photos, $complete ) = $this->top_level();
			}
			// Dropbox just accepted the grant, so an earlier refusal is over.
			$this->health->clear_revoked();
			if ( false !== $record->has_scope( Scopes::FILES_METADATA ) && false !== $record->has_scope( Scopes::FILES_CONTENT ) ) {
				$outcome = $this->probe->run( $this->photos_to_try( $photos, $folders ) );
				if ( $outcome instanceof Problem ) {
					return TestResult::failed( $this->connections->build(), $outcome );
				}
				$thumbnail = $outcome;
			}
		} catch ( DropboxError $error ) {
			return TestResult::failed( $this->connections->build(), $this->diagnosis->from_error( $error ) );
		} catch ( UnreadableSecret ) {
			$after = $this->connections->build();
			return TestResult::failed( $after, $after->problem ?? $this->diagnosis->credentials_unreadable( false ) );
		}

		$after = $this->connections->build();
		return TestResult::answered(
			$after,
			null !== $after->account
				? sprintf(
					/* translators: 1: Dropbox account name, 2: its email address. */
					__( 'Dropbox answered for %1$s (%2$s).', 'customer-cloud-gallery' ),
					$after->account['name'],
					$after->account['email']
				)
				: __( 'Dropbox answered; the account is unknown because the app lacks the account_info.read permission.', 'customer-cloud-gallery' ),
			__( 'It sees no folders at the top level.', 'customer-cloud-gallery' ),
			$folders,
			$complete,
			$thumbnail
		);
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
	 * @param list<FolderEntry> $photos  The top level's photos.
	 * @param list<string>      $folders The top level's folders.
	 *
	 * @return array<string, ImageRef> By display path.
	 *
	 * @throws DropboxError
	 * @throws UnreadableSecret
	 */
	private function photos_to_try( array $photos, array $folders ): array {
		$queue = $folders;
		for ( $looked = 0; array() === $photos && array() !== $queue && $looked < self::PROBE_FOLDERS; ++$looked ) {
			$folder = array_shift( $queue );
			$page   = $this->calls->call( fn ( string $token ): FolderPage => $this->api->list_folder( $token, $folder, 100 ) );
			$photos = $this->photos( $page );
			array_push( $queue, ...$page->folder_paths() );
		}
		$images = array();
		foreach ( array_slice( $photos, 0, self::PROBE_PHOTOS ) as $photo ) {
			$images[ $photo->path ] = new ImageRef( DropboxProvider::ID, $photo->id, $photo->rev, 'w256h256' );
		}
		return $images;
	}

	/**
	 * @return list<FolderEntry>
	 */
	private function photos( FolderPage $page ): array {
		return array_values( array_filter( $page->entries, static fn ( FolderEntry $entry ): bool => $entry->is_file() && Thumbnailable::accepts( $entry->name, $entry->size ) ) );
	}

	/**
	 * @throws DropboxError
	 * @throws UnreadableSecret
	 */
	private function refresh_account(): void {
		$account = $this->calls->call( fn ( string $token ): Account => $this->api->get_current_account( $token ) );
		// Re-read: the call may have refreshed the token in the meantime.
		$latest = $this->tokens->load( true );
		if ( null !== $latest ) {
			$this->tokens->save( $latest->with_account( $account ) );
		}
	}
}
