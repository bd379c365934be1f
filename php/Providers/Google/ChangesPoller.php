<?php
/**
 * Polls Drive's change log on WP-Cron and refreshes the galleries it touches.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use Closure;
use CustomerCloudGallery\Gallery\FolderListings;
use CustomerCloudGallery\Gallery\ListingBudget;
use CustomerCloudGallery\Gallery\ProviderPurge;
use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Storage\OptionStore;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * Drive has no webhook a site can receive without a verified domain, so
 * the plugin asks: a recurring event runs while Google is connected and a
 * published post shows a Drive gallery, reads the changes since the stored
 * page token (one call when nothing changed) and schedules a refresh of
 * exactly the galleries they touch, then refreshes them in the same run.
 * A refresh that finds new photos purges the pages showing them
 * (PageCachePurge), so a change shows at the first poll after it: within
 * one interval, plus the refresh's own calls. Polling starts when a post
 * with a Drive gallery is saved or the grant is stored (connect, token
 * refresh), and stops by itself when nothing is left to watch.
 */
final class ChangesPoller {

	/** The WP-Cron hook; the benchmark runs wp-cron.php and counts on this name. */
	public const HOOK = 'ccg_drive_changes';

	private const SCHEDULE = 'ccg_drive_changes';

	private const TOKEN = Keys::GOOGLE_CHANGES_TOKEN;

	private const DEFAULT_INTERVAL = 60;

	private bool $starting = false;

	/**
	 * @param Closure(): DriveChangeFeed $feed      Built on first use: most requests never poll.
	 * @param Closure(): bool            $connected Whether a Google grant is stored.
	 */
	public function __construct(
		private Closure $feed,
		private Closure $connected,
		private ChangedGalleries $galleries,
		private FolderListings $listings,
		private OptionStore $options
	) {}

	public function register(): void {
		add_filter( 'cron_schedules', array( $this, 'schedules' ) ); // phpcs:ignore WordPress.WP.CronInterval -- the interval is filtered and clamped to 30 s or more.
		add_action( self::HOOK, array( $this, 'run' ) );
		// After GalleryPosts has indexed the post (priority 10).
		add_action( 'save_post', array( $this, 'start' ), 20, 0 );
		add_action( 'add_option_' . Keys::GOOGLE_TOKEN, array( $this, 'resume' ), 10, 0 );
		add_action( 'update_option_' . Keys::GOOGLE_TOKEN, array( $this, 'resume' ), 10, 0 );
		add_action( ProviderPurge::DISCONNECTED_HOOK, array( $this, 'stop' ) );
		add_action( ProviderPurge::PURGED_HOOK, array( $this, 'stop' ) );
	}

	/**
	 * @param array<string, array{interval: int, display: string}> $schedules
	 *
	 * @return array<string, array{interval: int, display: string}>
	 */
	public function schedules( mixed $schedules ): array {
		$schedules                   = is_array( $schedules ) ? $schedules : array();
		$schedules[ self::SCHEDULE ] = array(
			'interval' => self::interval(),
			'display'  => __( 'Customer Cloud Gallery: Google Drive changes', 'customer-cloud-gallery' ),
		);
		return $schedules;
	}

	/**
	 * Seconds between polls: 60 by default, 30 to 3600 through the filter.
	 */
	public static function interval(): int {
		/**
		 * Filters how often Google Drive's changes are polled, in seconds.
		 *
		 * @param int $seconds 60 by default; clamped to 30..3600.
		 */
		$seconds = (int) apply_filters( 'ccg_drive_changes_interval', self::DEFAULT_INTERVAL );
		return max( 30, min( HOUR_IN_SECONDS, $seconds ) );
	}

	/**
	 * save_post: a post may have just put a Drive gallery on the site. The
	 * start token is read at once, so a change made right after publishing
	 * is not missed for want of a first run.
	 */
	public function start(): void {
		$this->schedule( true );
	}

	/**
	 * The grant was stored (connect, reconnect, refresh): polling resumes
	 * if galleries wait for it. Its first run reads the token, so saving a
	 * grant never waits on another Google call.
	 */
	public function resume(): void {
		$this->schedule( false );
	}

	private function schedule( bool $read_token ): void {
		// Reading the start token may refresh the grant, which saves it: resume() again.
		if ( $this->starting || false !== wp_next_scheduled( self::HOOK ) || ! ( $this->connected )() || array() === $this->galleries->all() ) {
			return;
		}
		$first = time();
		if ( $read_token ) {
			$this->starting = true;
			try {
				if ( '' === $this->token() ) {
					$this->options->write( self::TOKEN, ( $this->feed )()->start() );
				}
				$first += self::interval();
			} catch ( GoogleError | UnreadableSecret ) {
				// The first run, at once, asks again.
			} finally {
				$this->starting = false;
			}
		}
		wp_schedule_event( $first, self::SCHEDULE, self::HOOK );
	}

	/**
	 * WP-Cron: one poll. Failures that may pass (rate limits, outages) keep
	 * the token, so the next run reads the same changes.
	 */
	public function run(): void {
		$budget = ListingBudget::for_context( 'background' );
		$keys   = ( $this->connected )() ? $this->galleries->all() : array();
		if ( array() === $keys ) {
			$this->stop( GoogleDescription::ID );
			return;
		}
		try {
			$token = $this->token();
			if ( '' === $token ) {
				$this->options->write( self::TOKEN, ( $this->feed )()->start() );
				return;
			}
			try {
				$changes = ( $this->feed )()->since( $token );
			} catch ( GoogleError $error ) {
				if ( GoogleError::BAD_REQUEST !== $error->kind ) {
					return;
				}
				$this->recover( $this->galleries->with_albums( $keys ) );
				return;
			}
			$touched = $this->galleries->touched( $changes, $keys );
			foreach ( $touched as $key ) {
				$this->listings->schedule_refresh( GoogleDescription::ID, $key );
			}
			$this->options->write( self::TOKEN, $changes->token );
		} catch ( GoogleError | UnreadableSecret ) {
			return;
		}
		$this->refresh_now( $touched, $budget );
	}

	/**
	 * The touched galleries are refreshed in this run, not the next one: a
	 * host whose system cron requests wp-cron.php every minute would
	 * otherwise show a change one interval later than it was seen. Each
	 * refresh is taken off the schedule and run, as wp-cron.php runs an
	 * event, so it schedules its own next page, retry after a rate limit
	 * or wait for a busy listing. What this run has no time left for
	 * stays scheduled (CronRelay starts it at once when WP-Cron spawns
	 * itself; a system cron's next request runs it).
	 *
	 * One budget covers the poll and its refreshes, so the run ends well
	 * within WP-Cron's lock and PHP's usual time limit.
	 *
	 * @param list<string> $keys
	 */
	private function refresh_now( array $keys, ListingBudget $budget ): void {
		foreach ( $keys as $key ) {
			if ( ! $budget->allows_another_page() ) {
				return;
			}
			$args = array( GoogleDescription::ID, $key );
			$when = wp_next_scheduled( FolderListings::REFRESH_HOOK, $args );
			if ( false === $when || $when > time() ) {
				// Already refreshed by another run, or waiting out a rate limit.
				continue;
			}
			wp_unschedule_event( $when, FolderListings::REFRESH_HOOK, $args );
			$this->listings->refresh_in_background( GoogleDescription::ID, $key, $budget );
		}
	}

	/**
	 * Disconnected, or everything cached from Google purged: nothing to
	 * watch, and a token of another account must never be continued.
	 */
	public function stop( string $provider ): void {
		if ( GoogleDescription::ID !== $provider ) {
			return;
		}
		$this->options->delete( self::TOKEN );
		wp_clear_scheduled_hook( self::HOOK );
	}

	/**
	 * Drive refused the stored token: whatever changed since it is unknown,
	 * so every Drive gallery is refreshed once, from a new start token.
	 *
	 * @param list<string> $keys
	 *
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	private function recover( array $keys ): void {
		$this->options->write( self::TOKEN, ( $this->feed )()->start() );
		foreach ( $keys as $key ) {
			$this->listings->schedule_refresh( GoogleDescription::ID, $key );
		}
	}

	private function token(): string {
		$token = $this->options->read( self::TOKEN, true );
		return is_string( $token ) ? $token : '';
	}
}
