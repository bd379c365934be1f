<?php
/**
 * A failed call to a provider, classified so callers can react without parsing.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers;

use RuntimeException;

/**
 * What every provider's errors share, so the OAuth-app layer (tokens,
 * refresh, connect, disconnect) handles them once. Each provider's own class
 * adds its kinds and details (Dropbox's error tag, Google's reason).
 * Carries no token or secret: the summary is redacted where it is built.
 */
abstract class ProviderError extends RuntimeException {

	/** Network failure or 5xx: nothing happened, try again later. */
	public const UNAVAILABLE = 'unavailable';

	/** Rate limited: wait retry_after seconds (when given). */
	public const RATE_LIMITED = 'rate_limited';

	/** 400 from an API route: a bug in the request. */
	public const BAD_REQUEST = 'bad_request';

	/** No such file or folder, or one this account cannot see. */
	public const NOT_FOUND = 'not_found';

	/** Token endpoint: wrong client id or secret. */
	public const INVALID_CLIENT = 'invalid_client';

	/** Token endpoint: code or refresh token expired, used or revoked. */
	public const INVALID_GRANT = 'invalid_grant';

	/** Token endpoint: the redirect URI does not match the authorize request or the app. */
	public const REDIRECT_URI_MISMATCH = 'redirect_uri_mismatch';

	/** Token endpoint: another invalid_request. */
	public const INVALID_REQUEST = 'invalid_request';

	/** A response we cannot interpret. */
	public const UNEXPECTED = 'unexpected';

	/** No grant is stored: nothing to call the provider with. */
	public const NOT_CONNECTED = 'not_connected';

	public readonly string $kind;

	/** 0 when no response arrived. */
	public readonly int $http_status;

	/** Safe, short description (never a token). */
	public readonly string $summary;

	/** Seconds the provider asked to wait, when it said. */
	public readonly ?int $retry_after;

	/**
	 * @param string $kind    One of the constants (the provider's class adds its own).
	 * @param string $service The provider's name, for the message.
	 */
	protected function __construct( string $kind, int $http_status, string $summary, ?int $retry_after, string $service ) {
		$this->kind        = $kind;
		$this->http_status = $http_status;
		$this->summary     = $summary;
		$this->retry_after = $retry_after;
		parent::__construct( '' !== $summary ? "{$service} error {$kind}: {$summary}" : "{$service} error {$kind}" );
	}
}
