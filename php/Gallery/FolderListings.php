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

/**
 * Stale-while-revalidate, for every provider alike. A page view never waits
 * on the provider once a listing is cached: a stale one is served and a
 * WP-Cron event refreshes it. The editor, which wants to see what is in the
 * cloud now, refreshes a listing older than a minute in the request, and
 * falls back to the cached one when the provider is down or rate limiting.
 * Every answer is checked against the gallery root, cached or not.
 */
final class FolderListings {

	public const REFRESH_HOOK = 'ccg_refresh_listing';

	/** How long a request waits for another one already listing the same folder. */
	private const WAIT_SECONDS = 10;

	private const POLL_MICROS = 250000;

	public function __construct(
		private ListingStore $store,
		private Sources $sources,
		private GalleryRoot $roots,
		private Locks $locks
	) {}

	public function register(): void {
		add_action( self::REFRESH_HOOK, array( $this, 'refresh_in_background' ), 10, 2 );
	}

	/**
	 * The boundary a request works inside.
	 *
	 * @throws GalleryException For a provider this plugin does not have.
	 */
	public function boundary( string $provider, bool $whole_account ): Folder {
		$root = $this->sources->require( $provider )->root();
		return $whole_account ? $root : ( $this->roots->get( $provider ) ?? $root );
	}

	/**
	 * For the editor and the Settings screen.
	 *
	 * @param string $ref "" for the boundary itself, or a folder reference.
	 *
	 * @throws GalleryException
	 */
	public function for_editor( string $provider, string $ref, bool $whole_account = false ): Listing {
		$source   = $this->sources->require( $provider );
		$boundary = $this->boundary( $provider, $whole_account );
		$key      = '' === $ref ? $boundary->ref() : $ref;
		$cached   = $this->store->get( $provider, $key );
		if ( null === $cached ) {
			return $this->fetch( $source, $key, $boundary );
		}
		$listing = $cached;
		if ( $cached->age() > (int) apply_filters( 'ccg_editor_listing_max_age', MINUTE_IN_SECONDS ) ) {
			try {
				$listing = $source->refresh( $cached );
				$this->store->put( $provider, $key, $listing );
			} catch ( GalleryException $exception ) {
				if ( ! $exception->is_transient() ) {
					throw $exception;
				}
			}
		}
		$this->check( $listing->folder, $this->follow_root( $provider, $key, $listing->folder, $boundary ) );
		return $listing;
	}

	/**
	 * For a page view: never waits on the provider when anything is cached.
	 *
	 * @param string $ref A folder reference, or "" for the gallery root.
	 *
	 * @throws GalleryException Only when nothing is cached and the provider fails, or the folder is outside the root.
	 */
	public function for_render( string $provider, string $ref ): Listing {
		$source   = $this->sources->require( $provider );
		$boundary = $this->boundary( $provider, false );
		$key      = '' === $ref ? $boundary->ref() : $ref;
		$cached   = $this->store->get( $provider, $key );
		if ( null === $cached ) {
			return $this->fetch( $source, $key, $boundary );
		}
		if ( $cached->age() > (int) apply_filters( 'ccg_listing_max_age', 5 * MINUTE_IN_SECONDS ) ) {
			$this->schedule_refresh( $provider, $key );
		}
		$this->check( $cached->folder, $boundary );
		return $cached;
	}

	/**
	 * The cache key of a gallery's folder reference ("" is the gallery root).
	 *
	 * @throws GalleryException For a provider this plugin does not have.
	 */
	public function key( string $provider, string $ref ): string {
		return '' === $ref ? $this->boundary( $provider, false )->ref() : $ref;
	}

	/**
	 * The cached listing only, or null (warming and tests).
	 */
	public function cached( string $provider, string $key ): ?Listing {
		return $this->store->get( $provider, $key );
	}

	public function schedule_refresh( string $provider, string $key, int $delay = 0 ): void {
		$args = array( $provider, $key );
		if ( false === wp_next_scheduled( self::REFRESH_HOOK, $args ) ) {
			wp_schedule_single_event( time() + $delay, self::REFRESH_HOOK, $args );
		}
	}

	/**
	 * WP-Cron: refreshes one listing. Failures keep the stale copy, which
	 * is exactly what pages should keep showing; rate limits retry later.
	 *
	 * @param string      $provider A provider id; events scheduled before there
	 *                              were two providers carry only the key.
	 * @param string|null $key      The listing's cache key.
	 */
	public function refresh_in_background( string $provider, ?string $key = null ): void {
		if ( null === $key ) {
			$key      = $provider;
			$provider = 'dropbox';
		}
		$source = $this->sources->get( $provider );
		if ( null === $source ) {
			return;
		}
		$cached = $this->store->get( $provider, $key );
		try {
			if ( null === $cached ) {
				$folder = '' === $key ? $source->root() : $source->folder( $key );
				$this->store->put( $provider, $key, $source->list( $folder ) );
				return;
			}
			$this->store->put( $provider, $key, $source->refresh( $cached ) );
		} catch ( GalleryException $exception ) {
			if ( GalleryException::RATE_LIMITED === $exception->reason ) {
				$this->schedule_refresh( $provider, $key, max( 1, (int) $exception->retry_after ) );
			}
		}
	}

	/**
	 * @throws GalleryException
	 */
	private function fetch( Source $source, string $key, Folder $boundary ): Listing {
		// The first views of a new gallery often come together: one of them
		// lists the folder, the others wait for its result instead of each
		// spending provider calls (and rate limit) on the same pages.
		$provider = $source->provider();
		$lock     = $this->locks->create( 'listing_' . md5( $provider . '|' . $key ), 60 );
		$deadline = microtime( true ) + self::WAIT_SECONDS;
		while ( ! $lock->acquire() && microtime( true ) < $deadline ) {
			usleep( self::POLL_MICROS );
			$listed = $this->store->get( $provider, $key, true );
			if ( null !== $listed ) {
				$this->check( $listed->folder, $boundary );
				return $listed;
			}
		}
		try {
			// Re-read under the lock: the previous holder may have just listed it.
			$listed = $this->store->get( $provider, $key, true );
			if ( null !== $listed ) {
				$this->check( $listed->folder, $boundary );
				return $listed;
			}
			$folder = '' === $key ? $source->root() : $source->folder( $key );
			$this->check( $folder, $this->follow_root( $provider, $key, $folder, $boundary ) );
			$listing = $source->list( $folder );
			$this->store->put( $provider, $key, $listing );
			return $listing;
		} finally {
			$lock->release();
		}
	}

	/**
	 * When the gallery root itself was renamed or moved, its fresh
	 * metadata replaces the stored path, so the boundary follows it.
	 */
	private function follow_root( string $provider, string $key, Folder $folder, Folder $boundary ): Folder {
		if ( '' === $key || $key !== $boundary->id || $folder->path_lower === $boundary->path_lower ) {
			return $boundary;
		}
		$this->roots->set( $provider, $folder );
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
