<?php
/**
 * How many provider fetches one client may cause per minute.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Images;

use CustomerCloudGallery\Cache\OptionCounter;
use CustomerCloudGallery\Cache\WindowCounters;
use CustomerCloudGallery\Http\ClientNetwork;

/**
 * Every valid image URL the disk cache cannot answer costs a provider call,
 * and the provider's rate limit is the whole site's: a crawler walking many
 * valid URLs would spend it for every visitor. So each client gets a budget
 * of misses per fixed one-minute window; past it, the answer is a 429 with
 * Retry-After (the seconds left in the window) and no provider call. Hits
 * never reach this. The default fits a gallery of 100 photos opened cold at
 * two sizes (200 misses) with room to spare.
 *
 * The client is REMOTE_ADDR: X-Forwarded-For is whatever the client wrote.
 * A site behind a trusted proxy says which address to count through the
 * `ccg_image_client_ip` filter. IPv6 clients are counted per /64, the block
 * one subscriber usually holds. Addresses are stored only as a keyed hash
 * (the site's nonce salt), which cannot be reversed by trying every IPv4
 * address without the salt.
 */
final class MissBudget {

	public const DEFAULT_BUDGET = 300;

	private const WINDOW = MINUTE_IN_SECONDS;

	public function __construct( private WindowCounters $counters ) {}

	public function register(): void {
		add_action( OptionCounter::FORGET_HOOK, array( $this, 'forget' ) );
	}

	/**
	 * WP-Cron: deletes the counts of windows that are over.
	 */
	public function forget(): void {
		$now = time();
		$this->counters->create()->forget_before( $now - $now % self::WINDOW );
	}

	/**
	 * Counts one miss against the requesting client.
	 *
	 * @return ImageResponse|null Null when the fetch may go ahead; the 429 to send when the budget is spent.
	 */
	public function charge(): ?ImageResponse {
		/**
		 * Filters how many uncached images one client may cause to be fetched per minute.
		 *
		 * @param int $budget Misses per client per minute; 0 or less turns the budget off.
		 */
		$budget = (int) apply_filters( 'ccg_image_miss_budget', self::DEFAULT_BUDGET );
		if ( $budget <= 0 ) {
			return null;
		}
		$now   = time();
		$start = $now - $now % self::WINDOW;
		$count = $this->counters->create()->increment( $this->client_key(), $start, self::WINDOW );
		return $count <= $budget ? null : ImageResponse::error( 429, max( 1, $start + self::WINDOW - $now ) );
	}

	private function client_key(): string {
		return substr( hash_hmac( 'sha256', ClientNetwork::current(), wp_salt( 'nonce' ) ), 0, 32 );
	}
}
