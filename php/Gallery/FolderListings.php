<?php
/**
 * Folder listings, served from the cache and refreshed behind the scenes.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

use CustomerCloudGallery\Cache\ListingStore;
use CustomerCloudGallery\Cache\Locks;
use CustomerCloudGallery\Providers\Dropbox\DropboxProvider;

/**
 * Stale-while-revalidate. A page view never waits on Dropbox once a listing
 * is cached: a stale one is served and a WP-Cron event refreshes it from the
 * cursor. The editor, which wants to see what is in Dropbox now, refreshes a
 * listing older than a minute in the request, and falls back to the cached
 * one when Dropbox is down or rate limiting. Every answer is checked against
 * the gallery root, cached or not.
 */
final class FolderListings {

	public const REFRESH_HOOK = 'ccg_refresh_listing';

	private const PROVIDER = DropboxProvider::ID;

	/** How long a request waits for another one already listing the same folder. */
	private const WAIT_SECONDS = 10;

	private const POLL_MICROS = 250000;

	public function __construct(
		private ListingStore $store,
		private DropboxListingSource $source,
		private GalleryRoot $roots,
		private Locks $locks
	) {}

	public function register(): void {
		add_action( self::REFRESH_HOOK, array( $this, 'refresh_in_background' ) );
	}

	/**
	 * The boundary a request works inside.
	 */
	public function boundary( bool $whole_dropbox ): Folder {
		return $whole_dropbox ? Folder::dropbox_root() : $this->roots->folder( self::PROVIDER );
	}

	/**
	 * For the editor and the Settings screen.
	 *
	 * @param string $ref "" for the boundary itself, or an "id:…".
	 *
	 * @throws GalleryException
	 */
	public function for_editor( string $ref, bool $whole_dropbox = false ): Listing {
		$boundary = $this->boundary( $whole_dropbox );
		$key      = '' === $ref ? $boundary->api_path() : $ref;
		$cached   = $this->store->get( self::PROVIDER, $key );
		if ( null === $cached ) {
			return $this->fetch( $key, $boundary );
		}
		$listing = $cached;
		if ( $cached->age() > (int) apply_filters( 'ccg_editor_listing_max_age', MINUTE_IN_SECONDS ) ) {
			try {
				$listing = $this->source->refresh( $cached );
				$this->store->put( self::PROVIDER, $key, $listing );
			} catch ( GalleryException $exception ) {
				if ( ! $exception->is_transient() ) {
					throw $exception;
				}
			}
		}
		$this->check( $listing->folder, $this->follow_root( $key, $listing->folder, $boundary ) );
		return $listing;
	}

	/**
	 * For a page view: never waits on Dropbox when anything is cached.
	 *
	 * @param string $ref An "id:…", or "" for the gallery root.
	 *
	 * @throws GalleryException Only when nothing is cached and Dropbox fails, or the folder is outside the root.
	 */
	public function for_render( string $ref ): Listing {
		$boundary = $this->boundary( false );
		$key      = '' === $ref ? $boundary->api_path() : $ref;
		$cached   = $this->store->get( self::PROVIDER, $key );
		if ( null === $cached ) {
			return $this->fetch( $key, $boundary );
		}
		if ( $cached->age() > (int) apply_filters( 'ccg_listing_max_age', 5 * MINUTE_IN_SECONDS ) ) {
			$this->schedule_refresh( $key );
		}
		$this->check( $cached->folder, $boundary );
		return $cached;
	}

	/**
	 * The cache key of a gallery's folder reference ("" is the gallery root).
	 */
	public function key( string $ref ): string {
		return '' === $ref ? $this->boundary( false )->api_path() : $ref;
	}

	/**
	 * The cached listing only, or null (warming and tests).
	 */
	public function cached( string $ref ): ?Listing {
		return $this->store->get( self::PROVIDER, $ref );
	}

	public function schedule_refresh( string $key, int $delay = 0 ): void {
		if ( false === wp_next_scheduled( self::REFRESH_HOOK, array( $key ) ) ) {
			wp_schedule_single_event( time() + $delay, self::REFRESH_HOOK, array( $key ) );
		}
	}

	/**
	 * WP-Cron: refreshes one listing. Failures keep the stale copy, which
	 * is exactly what pages should keep showing; rate limits retry later.
	 */
	public function refresh_in_background( string $key ): void {
		$cached = $this->store->get( self::PROVIDER, $key );
		try {
			if ( null === $cached ) {
				$folder = '' === $key ? Folder::dropbox_root() : $this->source->folder( $key );
				$this->store->put( self::PROVIDER, $key, $this->source->list( $folder ) );
				return;
			}
			$this->store->put( self::PROVIDER, $key, $this->source->refresh( $cached ) );
		} catch ( GalleryException $exception ) {
			if ( GalleryException::RATE_LIMITED === $exception->reason ) {
				$this->schedule_refresh( $key, max( 1, (int) $exception->retry_after ) );
			}
		}
	}

	/**
	 * @throws GalleryException
	 */
	private function fetch( string $key, Folder $boundary ): Listing {
		// The first views of a new gallery often come together: one of them
		// lists the folder, the others wait for its result instead of each
		// spending Dropbox calls (and rate limit) on the same pages.
		$lock     = $this->locks->create( 'listing_' . md5( $key ), 60 );
		$deadline = microtime( true ) + self::WAIT_SECONDS;
		while ( ! $lock->acquire() && microtime( true ) < $deadline ) {
			usleep( self::POLL_MICROS );
			$listed = $this->store->get( self::PROVIDER, $key, true );
			if ( null !== $listed ) {
				$this->check( $listed->folder, $boundary );
				return $listed;
			}
		}
		try {
			// Re-read under the lock: the previous holder may have just listed it.
			$listed = $this->store->get( self::PROVIDER, $key, true );
			if ( null !== $listed ) {
				$this->check( $listed->folder, $boundary );
				return $listed;
			}
			$folder = '' === $key ? Folder::dropbox_root() : $this->source->folder( $key );
			$this->check( $folder, $this->follow_root( $key, $folder, $boundary ) );
			$listing = $this->source->list( $folder );
			$this->store->put( self::PROVIDER, $key, $listing );
			return $listing;
		} finally {
			$lock->release();
		}
	}

	/**
	 * When the gallery root itself was renamed or moved in Dropbox, its
	 * fresh metadata replaces the stored path, so the boundary follows it.
	 */
	private function follow_root( string $key, Folder $folder, Folder $boundary ): Folder {
		if ( '' === $key || $key !== $boundary->id || $folder->path_lower === $boundary->path_lower ) {
			return $boundary;
		}
		$this->roots->set( self::PROVIDER, $folder );
		return $folder;
	}

	/**
	 * @throws GalleryException
	 */
	private function check( Folder $folder, Folder $boundary ): void {
		if ( ! $folder->is_within( $boundary ) ) {
			throw GalleryException::outside_root();
		}
	}
}
