<?php
/**
 * A failed Dropbox call, classified so callers can react without parsing.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

use RuntimeException;

/**
 * Carries no token or secret: the summary is redacted where it is built.
 */
final class DropboxError extends RuntimeException {

	/** 401 expired_access_token: refresh once and retry. */
	public const EXPIRED = 'expired_access_token';

	/** 401 invalid_access_token: revoked, or the app was unlinked. */
	public const INVALID_TOKEN = 'invalid_access_token';

	/** 401 missing_scope: the grant lacks required_scope. */
	public const MISSING_SCOPE = 'missing_scope';

	/** Other 401/403 auth or access errors (user_suspended, no_permission…). */
	public const AUTH = 'auth';

	/** 409 with a not_found lookup error. */
	public const NOT_FOUND = 'not_found';

	/** Any other 409 route error; the tag says which. */
	public const CONFLICT = 'conflict';

	/** 429: wait retry_after seconds. */
	public const RATE_LIMITED = 'rate_limited';

	/** Network failure or 5xx: nothing happened, try again later. */
	public const UNAVAILABLE = 'unavailable';

	/** 400 plain text from an API route: a bug in the request. */
	public const BAD_REQUEST = 'bad_request';

	/** Token endpoint: wrong App key or App secret. */
	public const INVALID_CLIENT = 'invalid_client';

	/** Token endpoint: code or refresh token expired, used or revoked. */
	public const INVALID_GRANT = 'invalid_grant';

	/** Token endpoint: the redirect URI does not match the authorize request or the app. */
	public const REDIRECT_URI_MISMATCH = 'redirect_uri_mismatch';

	/** Token endpoint: another invalid_request. */
	public const INVALID_REQUEST = 'invalid_request';

	/** A response we cannot interpret. */
	public const UNEXPECTED = 'unexpected';

	/** No grant is stored: nothing to call Dropbox with. */
	public const NOT_CONNECTED = 'not_connected';

	/**
	 * @param string      $kind           One of the constants above.
	 * @param int         $http_status    0 when no response arrived.
	 * @param string      $summary        Safe, short description (never a token).
	 * @param string|null $tag            Dropbox's error tag, e.g. "path/not_found".
	 * @param string|null $required_scope For MISSING_SCOPE.
	 * @param int|null    $retry_after    Seconds, for RATE_LIMITED (and some 503s).
	 */
	public function __construct(
		public readonly string $kind,
		public readonly int $http_status,
		public readonly string $summary = '',
		public readonly ?string $tag = null,
		public readonly ?string $required_scope = null,
		public readonly ?int $retry_after = null
	) {
		parent::__construct( '' !== $summary ? "Dropbox error {$kind}: {$summary}" : "Dropbox error {$kind}" );
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
