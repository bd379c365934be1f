<?php
/**
 * Folder listings, served from the cache and refreshed behind the scenes.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

use CustomerCloudGallery\Cache\ListingStore;
use CustomerCloudGallery\Cache\Lock;
use CustomerCloudGallery\Cache\Locks;
use CustomerCloudGallery\Images\ImageRef;

/**
 * Stale-while-revalidate, for every provider alike. A page view never waits
 * on the provider once a listing is cached: a stale one is served and a
 * WP-Cron event refreshes it. The editor, which wants to see what is in the
 * cloud now, refreshes a listing older than a minute in the request, and
 * falls back to the cached one when the provider is down or rate limiting.
 * Every answer is checked against the gallery root, cached or not.
 *
 * No folder is cut short, and no request pages through a big one to the
 * end: a request spends at most a short budget on a listing, a WP-Cron run a
 * longer one, and a listing that still has pages is stored incomplete with
 * its cursor, shown as such, and continued by the next run, which each run
 * schedules at once, so a big folder completes in a chain of runs. All work
 * on one listing (first listing, continuing, refreshing) happens under the
 * listing's lock and starts from the copy stored by the previous holder, so
 * on several web servers one process at a time moves a cursor on and none
 * applies a page twice or skips one. A refresh of a complete listing that
 * needs more than one run is built in the store's "next" slot while the
 * complete one is still served.
 */
final class FolderListings {

	public const REFRESH_HOOK = 'ccg_refresh_listing';

	/** How long page views take a gone folder's word for it before asking again. */
	private const GONE_SECONDS = 5 * MINUTE_IN_SECONDS;

	/** How long a request waits for another one already listing the same folder. */
	private const WAIT_SECONDS = 10;

	private const POLL_MICROS = 250000;

	/** Longer than a background run plus one slow page, so a working holder never loses it. */
	private const LOCK_SECONDS = 60;

	/** When another process holds a listing that is still incomplete: look again after this. */
	private const BUSY_RETRY_SECONDS = 15;

	public function __construct(
		private ListingStore $store,
		private Sources $sources,
		private GalleryRoot $roots,
		private Locks $locks,
		private Removals $removals,
		private GrantGrace $grace
	) {}

	public function register(): void {
		add_action( self::REFRESH_HOOK, array( $this, 'refresh_in_background' ), 10, 2 );
	}

	/**
	 * The boundary a request works inside: the gallery folder the
	 * administrator chose for this provider. While none is chosen, only
	 * $may_use_account lets the whole account stand in for it.
	 *
	 * @param bool $whole_account   The account's top, whatever the gallery folder (administrators choosing it).
	 * @param bool $may_use_account Someone who can manage connections is asking, or vouched for the
	 *                              gallery (page views: the post's author; checked by the caller).
	 *
	 * @throws GalleryException For a provider this plugin does not have; NO_GALLERY_ROOT
	 *                          (403) for anyone else while no gallery folder is chosen.
	 */
	public function boundary( string $provider, bool $whole_account, bool $may_use_account = true ): Folder {
		$source = $this->sources->require( $provider );
		$root   = $whole_account ? null : $this->roots->get( $provider );
		if ( null === $root && ! $whole_account && ! $may_use_account ) {
			throw GalleryException::no_gallery_root( $source->label() );
		}
		return $root ?? $source->root();
	}

	/**
	 * For the editor and the Settings screen.
	 *
	 * @param string $ref             "" for the boundary itself, or a folder reference.
	 * @param bool   $may_use_account See boundary(): the current user can manage connections.
	 *
	 * @throws GalleryException
	 */
	public function for_editor( string $provider, string $ref, bool $whole_account, bool $may_use_account ): Listing {
		$source   = $this->sources->require( $provider );
		$boundary = $this->boundary( $provider, $whole_account, $may_use_account );
		$key      = '' === $ref ? $boundary->ref() : $ref;
		$cached   = $this->store->get( $provider, $key );
		if ( null === $cached ) {
			return $this->fetch( $source, $key, $boundary );
		}
		$listing = $cached;
		if ( ! $cached->complete || $cached->age() > (int) apply_filters( 'ccg_editor_listing_max_age', MINUTE_IN_SECONDS ) ) {
			try {
				// Null: another process is working on it; show what it stored last.
				$listing = $this->advance( $source, $key, ListingBudget::for_context( 'request' ) ) ?? $this->store->get( $provider, $key, true ) ?? $cached;
			} catch ( GalleryException $exception ) {
				if ( ! $exception->is_transient() ) {
					throw $exception;
				}
				$this->keep_going( $provider, $key );
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
		$stale    = null === $cached || ! $cached->complete || $cached->age() > (int) apply_filters( 'ccg_listing_max_age', 5 * MINUTE_IN_SECONDS );
		// Only a listing no refresh has renewed lately can belong to a refused grant.
		if ( $stale && $this->grace->over( $provider ) ) {
			if ( null !== $cached ) {
				ProviderPurge::schedule_grace_over( $provider );
			}
			throw GalleryException::access_withdrawn( $source->label() );
		}
		if ( null === $cached ) {
			return $this->fetch_for_render( $source, $key, $boundary );
		}
		if ( $stale ) {
			$this->schedule_refresh( $provider, $key );
		}
		$this->check( $cached->folder, $boundary );
		return $cached;
	}

	/**
	 * Whether a current listing inside the gallery folder still holds this
	 * revision of the photo: what an image URL needs before a cache miss may
	 * ask the provider. The same listing page views use, so an image stops
	 * being served when its photo stops being shown. An image request has no
	 * author to vouch for it; it needs none: only a render that passed the
	 * author and capability checks ever seals a token.
	 *
	 * @return Listing|null The listing, when it holds the photo.
	 *
	 * @throws GalleryException When the listing cannot be had (gone, outside the root, not connected, provider down).
	 */
	public function holding( ImageRef $image ): ?Listing {
		$listing = $this->for_render( $image->provider, $image->folder );
		return $listing->holds( $image->file_id, $image->rev ) ? $listing : null;
	}

	/**
	 * The cache key of a gallery's folder reference ("" is the gallery root).
	 *
	 * @throws GalleryException For a provider this plugin does not have.
	 */
	public function key( string $provider, string $ref ): string {
		return '' === $ref ? $this->boundary( $provider, false )->ref() : $ref;
	}

	public function schedule_refresh( string $provider, string $key, int $delay = 0 ): void {
		$args = array( $provider, $key );
		if ( false === wp_next_scheduled( self::REFRESH_HOOK, $args ) ) {
			wp_schedule_single_event( time() + $delay, self::REFRESH_HOOK, $args );
		}
	}

	/**
	 * WP-Cron: one run of work on a listing (listing it, continuing it from
	 * its cursor, or refreshing it), which schedules the next run while
	 * pages remain. Failures keep the stored copy, which is exactly what
	 * pages should keep showing; rate limits retry later. Warming on save
	 * calls it directly.
	 *
	 * @param string             $provider A provider id; events scheduled before
	 *                                     there were two providers carry only the key.
	 * @param string|null        $key      The listing's cache key.
	 * @param ListingBudget|null $budget   What is left of the run's time, when
	 *                                     the run did other work first; a
	 *                                     WP-Cron run of its own by default.
	 */
	public function refresh_in_background( string $provider, ?string $key = null, ?ListingBudget $budget = null ): void {
		if ( null === $key ) {
			$key      = $provider;
			$provider = 'dropbox';
		}
		$source = $this->sources->get( $provider );
		if ( null === $source ) {
			return;
		}
		try {
			if ( null === $this->advance( $source, $key, $budget ?? ListingBudget::for_context( 'background' ) ) && $this->in_progress( $provider, $key ) ) {
				// Whoever holds it schedules the next run itself, unless it dies
				// first: look again later so the listing never stalls.
				$this->schedule_refresh( $provider, $key, self::BUSY_RETRY_SECONDS );
			}
		} catch ( GalleryException $exception ) {
			if ( GalleryException::RATE_LIMITED === $exception->reason ) {
				$this->schedule_refresh( $provider, $key, max( 1, (int) $exception->retry_after ) );
			} elseif ( $exception->is_transient() ) {
				$this->keep_going( $provider, $key );
			} elseif ( GalleryException::FOLDER_NOT_FOUND === $exception->reason ) {
				$this->removals->folder_gone( $provider, $key, $this->gone_seconds() );
			}
		}
	}

	/**
	 * Whether a listing (or the refresh of one) still has pages to fetch.
	 */
	public function in_progress( string $provider, string $key ): bool {
		$served = $this->store->get( $provider, $key, true );
		return null !== $served && ( ! $served->complete || null !== $this->store->get_next( $provider, $key, true ) );
	}

	/**
	 * One step of work on a listing, under its lock: lists it when nothing
	 * is stored, continues it from its cursor when it is incomplete, or
	 * refreshes it (into the "next" slot until that is complete); then, while
	 * pages remain, schedules the next step.
	 *
	 * @return Listing|null What is served now; null when another process holds the listing.
	 *
	 * @throws GalleryException
	 */
	private function advance( Source $source, string $key, ListingBudget $budget ): ?Listing {
		$provider = $source->provider();
		$lock     = $this->lock( $provider, $key );
		if ( ! $lock->acquire() ) {
			return null;
		}
		try {
			// Read under the lock: the previous holder may have moved the cursor on.
			$served = $this->store->get( $provider, $key, true );
			$before = $served;
			if ( null === $served || ! $served->complete ) {
				$this->store->delete_next( $provider, $key );
				$served = null === $served ? $source->list( $this->folder_of( $source, $key ), $budget ) : $source->refresh( $served, $budget );
				$this->store->put( $provider, $key, $served );
				$pending = ! $served->complete;
			} else {
				$next = $source->refresh( $this->store->get_next( $provider, $key, true ) ?? $served, $budget );
				if ( $next->complete ) {
					$this->store->put( $provider, $key, $next );
					$this->store->delete_next( $provider, $key );
					$served = $next;
				} else {
					$this->store->put_next( $provider, $key, $next );
				}
				$pending = ! $next->complete;
			}
			if ( null !== $before && $served !== $before ) {
				$this->removals->replaced( $provider, $key, $before, $served );
			}
		} finally {
			$lock->release();
		}
		if ( $pending ) {
			$this->schedule_refresh( $provider, $key );
		}
		return $served;
	}

	/**
	 * After a failure that may pass: an unfinished listing is tried again in
	 * a minute, so it never stays incomplete for want of a visitor.
	 */
	private function keep_going( string $provider, string $key ): void {
		if ( $this->in_progress( $provider, $key ) ) {
			$this->schedule_refresh( $provider, $key, MINUTE_IN_SECONDS );
		}
	}

	/**
	 * A folder the provider said is gone answers from memory for a while:
	 * a published gallery whose folder was deleted costs no call per view.
	 *
	 * @throws GalleryException
	 */
	private function fetch_for_render( Source $source, string $key, Folder $boundary ): Listing {
		$provider = $source->provider();
		if ( $this->store->gone( $provider, $key ) ) {
			throw GalleryException::not_found( $source->label() );
		}
		try {
			return $this->fetch( $source, $key, $boundary );
		} catch ( GalleryException $exception ) {
			if ( GalleryException::FOLDER_NOT_FOUND === $exception->reason ) {
				$this->store->mark_gone( $provider, $key, $this->gone_seconds() );
			}
			throw $exception;
		}
	}

	private function gone_seconds(): int {
		return (int) apply_filters( 'ccg_gone_folder_seconds', self::GONE_SECONDS );
	}

	/**
	 * The first listing of a folder, for a request with nothing cached. It
	 * has to wait for the first page, but only that request's budget; the
	 * rest continues in the background.
	 *
	 * @throws GalleryException
	 */
	private function fetch( Source $source, string $key, Folder $boundary ): Listing {
		// The first views of a new gallery often come together: one of them
		// lists the folder, the others wait for its result instead of each
		// spending provider calls (and rate limit) on the same pages.
		$provider = $source->provider();
		$lock     = $this->lock( $provider, $key );
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
			$budget = ListingBudget::for_context( 'request' );
			if ( '' !== $key && $source instanceof OpensFolders ) {
				// The folder and its listing side by side; nothing of the
				// listing is kept unless the folder passes the boundary check.
				$listing = $source->open( $key, $budget );
				$this->check( $listing->folder, $this->follow_root( $provider, $key, $listing->folder, $boundary ) );
			} else {
				$folder = $this->folder_of( $source, $key );
				$this->check( $folder, $this->follow_root( $provider, $key, $folder, $boundary ) );
				$listing = $source->list( $folder, $budget );
			}
			$this->store->delete_next( $provider, $key );
			$this->store->put( $provider, $key, $listing );
		} finally {
			$lock->release();
		}
		if ( ! $listing->complete ) {
			$this->schedule_refresh( $provider, $key );
		}
		return $listing;
	}

	/**
	 * @throws GalleryException
	 */
	private function folder_of( Source $source, string $key ): Folder {
		return '' === $key ? $source->root() : $source->folder( $key );
	}

	private function lock( string $provider, string $key ): Lock {
		return $this->locks->create( 'listing_' . md5( $provider . '|' . $key ), self::LOCK_SECONDS );
	}

	/**
	 * When the gallery root itself was renamed or moved, its fresh
	 * metadata is the boundary from now on: this request checks against it
	 * at once, and GalleryRoot stores it only where that is safe (an
	 * administrator's request or WP-Cron; a page view schedules WP-Cron).
	 */
	private function follow_root( string $provider, string $key, Folder $folder, Folder $boundary ): Folder {
		if ( '' === $key || $key !== $boundary->id || $folder->path_lower === $boundary->path_lower ) {
			return $boundary;
		}
		$this->roots->follow( $provider, $boundary, $folder );
		return $folder;
	}

	/**
	 * The boundary folder itself is inside by its id too: a cached listing
	 * of a renamed root carries the new path before the stored root does.
	 * A folder outside may be inside the root's new path after a rename
	 * nobody has followed yet: WP-Cron looks the root up again, so the
	 * gallery heals without a page view ever writing the root.
	 *
	 * @throws GalleryException
	 */
	private function check( Folder $folder, Folder $boundary ): void {
		if ( '' !== $boundary->id && $folder->id === $boundary->id ) {
			return;
		}
		if ( ! $folder->is_within( $boundary ) ) {
			if ( ! $boundary->is_root() ) {
				$this->roots->look_again();
			}
			throw GalleryException::outside_root();
		}
	}
}
