<?php
/**
 * How much one visitor may download per minute.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Downloads;

use CustomerCloudGallery\Cache\WindowCounters;

/**
 * Every download is provider calls and bytes on the site's own app, whose
 * limits are shared by every visitor: a leaked link replayed in a loop
 * must not spend them. Each client (ClientKey) gets a number of download
 * requests and of mebibytes per one-minute window, the same windows the
 * image miss budget counts in (WindowCounters; the option store keeps one
 * window's rows at a time). Past the requests, a 429 with Retry-After. A
 * download already running that reaches the byte allowance pauses until
 * the next window instead of breaking off (a broken ZIP is worth nothing);
 * a new one gets the 429.
 */
final class DownloadAllowance {

	public const DEFAULT_REQUESTS = 20;

	public const DEFAULT_MEBIBYTES = 1024;

	private const WINDOW = MINUTE_IN_SECONDS;

	private const MEBIBYTE = 1048576;

	private int $uncharged = 0;

	public function __construct( private WindowCounters $counters, private ClientKey $client ) {}

	/**
	 * Counts one download request.
	 *
	 * @return int|null Null when it may go ahead; the seconds to wait when not.
	 */
	public function start(): ?int {
		$now   = time();
		$start = $now - $now % self::WINDOW;
		$key   = $this->client->current();
		$wait  = max( 1, $start + self::WINDOW - $now );
		if ( $this->counters->create()->increment( 'r' . $key, $start, self::WINDOW ) > $this->requests() ) {
			return $wait;
		}
		// The byte count after one more mebibyte: one already spent leaves nothing for a new download.
		if ( $this->counters->create()->increment( 'b' . $key, $start, self::WINDOW ) > $this->mebibytes() ) {
			return $wait;
		}
		return null;
	}

	/**
	 * Counts bytes sent, a mebibyte at a time; waits for the next window
	 * while this one's allowance is spent.
	 */
	public function spend( int $bytes ): void {
		$this->uncharged += $bytes;
		while ( $this->uncharged >= self::MEBIBYTE ) {
			$this->uncharged -= self::MEBIBYTE;
			$now   = time();
			$start = $now - $now % self::WINDOW;
			if ( $this->counters->create()->increment( 'b' . $this->client->current(), $start, self::WINDOW ) > $this->mebibytes() ) {
				sleep( max( 1, $start + self::WINDOW - $now ) );
			}
		}
	}

	private function requests(): int {
		/**
		 * Filters how many downloads (single photos or ZIPs) one client may start per minute.
		 *
		 * @param int $requests At least 1.
		 */
		return max( 1, (int) apply_filters( 'ccg_download_requests_per_minute', self::DEFAULT_REQUESTS ) );
	}

	private function mebibytes(): int {
		/**
		 * Filters how many mebibytes one client may download per minute.
		 *
		 * @param int $mebibytes At least 1.
		 */
		return max( 1, (int) apply_filters( 'ccg_download_mebibytes_per_minute', self::DEFAULT_MEBIBYTES ) );
	}
}
