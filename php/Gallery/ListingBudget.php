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

	private function __construct( private ?float $deadline ) {}

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
