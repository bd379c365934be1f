<?php
/**
 * A failed Dropbox call, classified so callers can react without parsing.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

use CustomerCloudGallery\Providers\ProviderError;

/**
 * The kinds every provider shares (unavailable, rate_limited, not_found,
 * the token endpoint's refusals…) are ProviderError's; these are Dropbox's
 * own.
 */
final class DropboxError extends ProviderError {

	/** 401 expired_access_token: refresh once and retry. */
	public const EXPIRED = 'expired_access_token';

	/** 401 invalid_access_token: revoked, or the app was unlinked. */
	public const INVALID_TOKEN = 'invalid_access_token';

	/** 401 missing_scope: the grant lacks required_scope. */
	public const MISSING_SCOPE = 'missing_scope';

	/** Other 401/403 auth or access errors (user_suspended, no_permission…). */
	public const AUTH = 'auth';

	/** Any other 409 route error; the tag says which (not_found is NOT_FOUND). */
	public const CONFLICT = 'conflict';

	/**
	 * @param string      $kind           One of the constants (here or ProviderError's).
	 * @param int         $http_status    0 when no response arrived.
	 * @param string      $summary        Safe, short description (never a token).
	 * @param string|null $tag            Dropbox's error tag, e.g. "path/not_found".
	 * @param string|null $required_scope For MISSING_SCOPE.
	 * @param int|null    $retry_after    Seconds, for RATE_LIMITED (and some 503s).
	 */
	public function __construct(
		string $kind,
		int $http_status,
		string $summary = '',
		public readonly ?string $tag = null,
		public readonly ?string $required_scope = null,
		?int $retry_after = null
	) {
		parent::__construct( $kind, $http_status, $summary, $retry_after, 'Dropbox' );
	}

	/**
	 * What the shared Http\Transport throws for Dropbox when no answer came.
	 *
	 * @param string $summary Already redacted.
	 */
	public static function unreachable( string $summary ): self {
		return new self( self::UNAVAILABLE, 0, $summary );
	}
}
