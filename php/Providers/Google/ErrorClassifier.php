<?php
/**
 * Turns Google's error responses into GoogleError kinds.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Http\HttpResponse;
use CustomerCloudGallery\Http\Redaction;

/**
 * Two envelopes exist: Drive's {error: {code, message, errors: [{reason}],
 * status?, details?}} (status and details only on newer responses, key
 * order not fixed) and the token endpoint's RFC 6749 {error,
 * error_description}. Thumbnail hosts answer errors as HTML or nothing:
 * then only the status counts.
 */
final class ErrorClassifier {

	private const RATE_REASONS = array( 'rateLimitExceeded', 'userRateLimitExceeded' );

	private const QUOTA_REASONS = array( 'dailyLimitExceeded', 'quotaExceeded' );

	/**
	 * @param list<string> $secrets
	 */
	public static function api( HttpResponse $response, array $secrets ): GoogleError {
		$status  = $response->status;
		$error   = $response->json_object()['error'] ?? null;
		$error   = is_array( $error ) ? $error : array();
		$reason  = self::reason( $error );
		$details = self::detail_reasons( $error );
		$message = is_string( $error['message'] ?? null ) ? $error['message'] : $response->body;
		$text    = Redaction::redact( $message, $secrets );
		$after   = self::retry_after( $response );

		if ( 429 === $status || in_array( $reason, self::RATE_REASONS, true ) || in_array( 'RATE_LIMIT_EXCEEDED', $details, true ) ) {
			return new GoogleError( GoogleError::RATE_LIMITED, $status, $text, $reason, $after );
		}
		if ( $status >= 500 ) {
			return new GoogleError( GoogleError::UNAVAILABLE, $status, $text, $reason, $after );
		}
		if ( 401 === $status ) {
			return new GoogleError( GoogleError::UNAUTHENTICATED, $status, $text, $reason );
		}
		if ( 403 === $status ) {
			return new GoogleError( self::forbidden_kind( $reason, $details ), $status, $text, $reason );
		}
		if ( 404 === $status ) {
			return new GoogleError( GoogleError::NOT_FOUND, $status, $text, $reason );
		}
		if ( 400 === $status ) {
			return new GoogleError( GoogleError::BAD_REQUEST, $status, $text, $reason );
		}
		return new GoogleError( GoogleError::UNEXPECTED, $status, $text, $reason );
	}

	/**
	 * @param list<string> $secrets
	 */
	public static function token( HttpResponse $response, array $secrets ): GoogleError {
		if ( 429 === $response->status || $response->status >= 500 ) {
			return self::api( $response, $secrets );
		}
		$json        = $response->json_object();
		$code        = is_string( $json['error'] ?? null ) ? $json['error'] : null;
		$description = is_string( $json['error_description'] ?? null ) ? $json['error_description'] : '';
		$text        = Redaction::redact( null !== $code ? trim( $code . ': ' . $description, ': ' ) : $response->body, $secrets );

		// RFC 6749 allows a redirect URI mismatch to come back as
		// invalid_grant or invalid_request; only the description tells.
		$explanation = strtolower( null === $code ? $response->body : $description );
		if ( 'redirect_uri_mismatch' === $code || ( 'invalid_client' !== $code && str_contains( $explanation, 'redirect_uri' ) ) ) {
			return new GoogleError( GoogleError::REDIRECT_URI_MISMATCH, $response->status, $text, $code );
		}
		return match ( $code ) {
			'invalid_client', 'unauthorized_client', 'deleted_client' => new GoogleError( GoogleError::INVALID_CLIENT, $response->status, $text, $code ),
			'invalid_grant' => new GoogleError( GoogleError::INVALID_GRANT, $response->status, $text, $code ),
			'invalid_request' => new GoogleError( GoogleError::INVALID_REQUEST, $response->status, $text, $code ),
			default => new GoogleError( 400 === $response->status ? GoogleError::BAD_REQUEST : GoogleError::UNEXPECTED, $response->status, $text, $code ),
		};
	}

	/**
	 * @param list<string> $details
	 */
	private static function forbidden_kind( ?string $reason, array $details ): string {
		if ( 'accessNotConfigured' === $reason || in_array( 'SERVICE_DISABLED', $details, true ) ) {
			return GoogleError::API_DISABLED;
		}
		if ( 'insufficientPermissions' === $reason || in_array( 'ACCESS_TOKEN_SCOPE_INSUFFICIENT', $details, true ) ) {
			return GoogleError::INSUFFICIENT_SCOPE;
		}
		if ( in_array( $reason, self::QUOTA_REASONS, true ) ) {
			return GoogleError::QUOTA_EXHAUSTED;
		}
		return GoogleError::FORBIDDEN;
	}

	/**
	 * errors[0].reason: what Google's own clients key their decisions on.
	 *
	 * @param array<string, mixed> $error
	 */
	private static function reason( array $error ): ?string {
		$errors = $error['errors'] ?? null;
		$first  = is_array( $errors ) ? reset( $errors ) : null;
		return is_array( $first ) && is_string( $first['reason'] ?? null ) ? $first['reason'] : null;
	}

	/**
	 * The reasons of google.rpc.ErrorInfo entries in the optional details.
	 *
	 * @param array<string, mixed> $error
	 *
	 * @return list<string>
	 */
	private static function detail_reasons( array $error ): array {
		$reasons = array();
		foreach ( is_array( $error['details'] ?? null ) ? $error['details'] : array() as $detail ) {
			if ( is_array( $detail ) && is_string( $detail['reason'] ?? null ) ) {
				$reasons[] = $detail['reason'];
			}
		}
		return $reasons;
	}

	/**
	 * Google does not document Retry-After for Drive; honoured when present.
	 */
	private static function retry_after( HttpResponse $response ): ?int {
		$header = $response->header( 'retry-after' );
		if ( null !== $header && is_numeric( trim( $header ) ) ) {
			return max( 1, (int) ceil( (float) trim( $header ) ) );
		}
		return null;
	}
}
