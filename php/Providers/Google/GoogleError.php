<?php
/**
 * A failed Google call, classified so callers can react without parsing.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use RuntimeException;

/**
 * Carries no token or secret: the summary is redacted where it is built.
 */
final class GoogleError extends RuntimeException {

	/** 401 authError/required: refresh the access token once and retry. */
	public const UNAUTHENTICATED = 'unauthenticated';

	/** 403 insufficientPermissions: the grant lacks drive.readonly. */
	public const INSUFFICIENT_SCOPE = 'insufficient_scope';

	/** 403 accessNotConfigured / SERVICE_DISABLED: the Drive API is off in the admin's project. */
	public const API_DISABLED = 'api_disabled';

	/** 403 rateLimitExceeded/userRateLimitExceeded, or 429: back off and retry. */
	public const RATE_LIMITED = 'rate_limited';

	/** 403 dailyLimitExceeded/quotaExceeded: no retry helps before the quota resets. */
	public const QUOTA_EXHAUSTED = 'quota_exhausted';

	/** Any other 403 (domainPolicy, insufficientFilePermissions…); the reason says which. */
	public const FORBIDDEN = 'forbidden';

	/** 404 notFound: no such file, or one this account cannot see. */
	public const NOT_FOUND = 'not_found';

	/** Network failure or 5xx: nothing happened, try again later. */
	public const UNAVAILABLE = 'unavailable';

	/** 400 from the API: a bug in the request (invalid q or fields). */
	public const BAD_REQUEST = 'bad_request';

	/** Token endpoint: wrong Client ID or Client secret, or a deleted client. */
	public const INVALID_CLIENT = 'invalid_client';

	/** Token endpoint: code or refresh token expired, used or revoked. */
	public const INVALID_GRANT = 'invalid_grant';

	/**
	 * Token endpoint: invalid_grant for a grant about a week old, the
	 * lifetime of grants of apps in "Testing" publishing status.
	 */
	public const TESTING_EXPIRED = 'testing_expired';

	/** Token endpoint: the redirect URI does not match the authorize request or the client. */
	public const REDIRECT_URI_MISMATCH = 'redirect_uri_mismatch';

	/** Token endpoint: another invalid_request. */
	public const INVALID_REQUEST = 'invalid_request';

	/** A response we cannot interpret. */
	public const UNEXPECTED = 'unexpected';

	/** No grant is stored: nothing to call Google with. */
	public const NOT_CONNECTED = 'not_connected';

	/** Statuses Google's own clients retry with exponential backoff. */
	private const RETRIED_STATUSES = array( 500, 502, 503, 504 );

	/**
	 * @param string      $kind        One of the constants above.
	 * @param int         $http_status 0 when no response arrived.
	 * @param string      $summary     Safe, short description (never a token).
	 * @param string|null $reason      Google's errors[0].reason, or the token endpoint's error code.
	 * @param int|null    $retry_after Seconds, when Google sent a Retry-After header.
	 */
	public function __construct(
		public readonly string $kind,
		public readonly int $http_status,
		public readonly string $summary = '',
		public readonly ?string $reason = null,
		public readonly ?int $retry_after = null
	) {
		parent::__construct( '' !== $summary ? "Google error {$kind}: {$summary}" : "Google error {$kind}" );
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
