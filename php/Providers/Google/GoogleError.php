<?php
/**
 * A failed Google call, classified so callers can react without parsing.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Providers\ProviderError;

/**
 * The kinds every provider shares (unavailable, rate_limited, not_found,
 * the token endpoint's refusals…) are ProviderError's; these are Google's
 * own.
 */
final class GoogleError extends ProviderError {

	/** 401 authError/required: refresh the access token once and retry. */
	public const UNAUTHENTICATED = 'unauthenticated';

	/** 403 insufficientPermissions: the grant lacks drive.readonly. */
	public const INSUFFICIENT_SCOPE = 'insufficient_scope';

	/** 403 accessNotConfigured / SERVICE_DISABLED: the Drive API is off in the admin's project. */
	public const API_DISABLED = 'api_disabled';


	/** 403 dailyLimitExceeded/quotaExceeded: no retry helps before the quota resets. */
	public const QUOTA_EXHAUSTED = 'quota_exhausted';

	/** Any other 403 (domainPolicy, insufficientFilePermissions…); the reason says which. */
	public const FORBIDDEN = 'forbidden';






	/**
	 * Token endpoint: invalid_grant for a grant about a week old, the
	 * lifetime of grants of apps in "Testing" publishing status.
	 */
	public const TESTING_EXPIRED = 'testing_expired';





	/** Statuses Google's own clients retry with exponential backoff. */
	private const RETRIED_STATUSES = array( 500, 502, 503, 504 );

	/**
	 * @param string      $kind        One of the constants (here or ProviderError's).
	 * @param int         $http_status 0 when no response arrived.
	 * @param string      $summary     Safe, short description (never a token).
	 * @param string|null $reason      Google's errors[0].reason, or the token endpoint's error code.
	 * @param int|null    $retry_after Seconds, when Google sent a Retry-After header.
	 */
	public function __construct(
		string $kind,
		int $http_status,
		string $summary = '',
		public readonly ?string $reason = null,
		?int $retry_after = null
	) {
		parent::__construct( $kind, $http_status, $summary, $retry_after, 'Google' );
	}

	/**
	 * What the shared Http\Transport throws for Google when no answer came.
	 *
	 * @param string $summary Already redacted.
	 */
	public static function unreachable( string $summary ): self {
		return new self( self::UNAVAILABLE, 0, $summary );
	}

	/**
	 * Worth a truncated exponential backoff: rate limits and the 5xx
	 * statuses Google documents as transient. A network failure is not
	 * retried here: it already waited out a whole timeout.
	 */
	public function is_retryable(): bool {
		return self::RATE_LIMITED === $this->kind
			|| ( self::UNAVAILABLE === $this->kind && in_array( $this->http_status, self::RETRIED_STATUSES, true ) );
	}
}
