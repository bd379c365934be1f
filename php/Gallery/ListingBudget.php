<?php
/**
 * How long one request may keep paging through a folder listing.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

/**
 * A listing is never cut short; it is paused. A source asks this before
 * each further page, and when the time is up it returns what it has, marked
 * incomplete, with the cursor to continue from (in the background). The
 * first page is always allowed, so every call makes progress.
 */
final class ListingBudget {

	/** What one page view or editor request may spend paging through a listing. */
	private const REQUEST_SECONDS = 2;

	/** What one WP-Cron run spends before handing on; well under PHP's usual 30 s limit. */
	private const BACKGROUND_SECONDS = 20;

	private function __construct( private ?float $deadline ) {}

	/**
	 * The budget of a page view or an editor request ("request"), or of one
	 * WP-Cron run ("background").
	 */
	public static function for_context( string $context ): self {
		$seconds = 'background' === $context ? self::BACKGROUND_SECONDS : self::REQUEST_SECONDS;
		/**
		 * Filters how many seconds one request or one WP-Cron run may spend
		 * paging through a folder listing before the rest is left to the
		 * next run. The first page is always fetched.
		 *
		 * @param float  $seconds
		 * @param string $context "request" or "background".
		 */
		return self::seconds( (float) apply_filters( 'ccg_listing_budget_seconds', (float) $seconds, $context ) );
	}

	/** No pause: every page in this call (tests, and callers that need the whole folder). */
	public static function unlimited(): self {
		return new self( null );
	}

	public static function seconds( float $seconds ): self {
		return new self( microtime( true ) + max( 0.0, $seconds ) );
	}

	/** Whether another page may be fetched now. */
	public function allows_another_page(): bool {
		return null === $this->deadline || microtime( true ) < $this->deadline;
	}
}
