<?php
/**
 * Turns Dropbox's error responses into DropboxError kinds.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

use CustomerCloudGallery\Http\HttpResponse;
use CustomerCloudGallery\Http\Redaction;

/**
 * Two envelopes exist: the /2/ routes' {error_summary, error: {".tag"}} (with
 * 0–3 trailing dots on the summary, so only the tag is ever compared) and the
 * token endpoint's RFC 6749 {error, error_description}. 400s from /2/ routes
 * and some 429s are plain text.
 */
final class ErrorClassifier {

	/**
	 * @param list<string> $secrets
	 */
	public static function api( HttpResponse $response, array $secrets ): DropboxError {
		$status = $response->status;
		$json   = $response->json_object();
		$error  = is_array( $json['error'] ?? null ) ? $json['error'] : array();
		$tag    = is_string( $error['.tag'] ?? null ) ? $error['.tag'] : null;
		$text   = self::summary( $response, $json, $secrets );

		if ( 429 === $status ) {
			return new DropboxError( DropboxError::RATE_LIMITED, $status, $text, null, null, self::retry_after( $response, $error ) ?? 1 );
		}
		if ( $status >= 500 ) {
			return new DropboxError( DropboxError::UNAVAILABLE, $status, $text, null, null, self::retry_after( $response, $error ) );
		}
		if ( 401 === $status ) {
			return match ( $tag ) {
				DropboxError::EXPIRED, DropboxError::INVALID_TOKEN => new DropboxError( $tag, $status, $text, $tag ),
				DropboxError::MISSING_SCOPE => new DropboxError(
					DropboxError::MISSING_SCOPE,
					$status,
					$text,
					$tag,
					is_string( $error['required_scope'] ?? null ) ? $error['required_scope'] : null
				),
				default => new DropboxError( DropboxError::AUTH, $status, $text, $tag ),
			};
		}
		if ( 403 === $status ) {
			return new DropboxError( DropboxError::AUTH, $status, $text, $tag );
		}
		if ( 409 === $status && null !== $tag ) {
			$lookup = is_array( $error[ $tag ] ?? null ) ? ( $error[ $tag ]['.tag'] ?? null ) : null;
			$path   = is_string( $lookup ) ? $tag . '/' . $lookup : $tag;
			$kind   = 'not_found' === $lookup || 'not_found' === $tag ? DropboxError::NOT_FOUND : DropboxError::CONFLICT;
			return new DropboxError( $kind, $status, $text, $path );
		}
		if ( 400 === $status ) {
			return new DropboxError( DropboxError::BAD_REQUEST, $status, $text );
		}
		return new DropboxError( DropboxError::UNEXPECTED, $status, $text, $tag );
	}

	/**
	 * @param list<string> $secrets
	 */
	public static function token( HttpResponse $response, array $secrets ): DropboxError {
		$json        = $response->json_object();
		$code        = is_string( $json['error'] ?? null ) ? $json['error'] : null;
		$description = is_string( $json['error_description'] ?? null ) ? $json['error_description'] : '';
		$text        = Redaction::redact( null !== $code ? trim( $code . ': ' . $description, ': ' ) : $response->body, $secrets );

		if ( 429 === $response->status || $response->status >= 500 ) {
			return self::api( $response, $secrets );
		}
		// RFC 6749 reports a redirect URI mismatch as invalid_grant or
		// invalid_request; only the description tells it apart.
		$explanation = strtolower( null === $code ? $response->body : $description );
		if ( 'redirect_uri_mismatch' === $code || ( 'invalid_client' !== $code && str_contains( $explanation, 'redirect_uri' ) ) ) {
			return new DropboxError( DropboxError::REDIRECT_URI_MISMATCH, $response->status, $text, $code );
		}
		return match ( $code ) {
			'invalid_client', 'unauthorized_client' => new DropboxError( DropboxError::INVALID_CLIENT, $response->status, $text, $code ),
			'invalid_grant' => new DropboxError( DropboxError::INVALID_GRANT, $response->status, $text, $code ),
			'invalid_request' => new DropboxError( DropboxError::INVALID_REQUEST, $response->status, $text, $code ),
			default => new DropboxError( 400 === $response->status ? DropboxError::BAD_REQUEST : DropboxError::UNEXPECTED, $response->status, $text, $code ),
		};
	}

	/**
	 * @param array<string, mixed>|null $json
	 * @param list<string>              $secrets
	 */
	private static function summary( HttpResponse $response, ?array $json, array $secrets ): string {
		if ( is_string( $json['error_summary'] ?? null ) ) {
			return Redaction::redact( rtrim( $json['error_summary'], '.' ), $secrets );
		}
		return Redaction::redact( $response->body, $secrets );
	}

	/**
	 * @param array<string, mixed> $error
	 */
	private static function retry_after( HttpResponse $response, array $error ): ?int {
		$header = $response->header( 'retry-after' );
		if ( null !== $header && is_numeric( trim( $header ) ) ) {
			return max( 1, (int) ceil( (float) trim( $header ) ) );
		}
		if ( is_numeric( $error['retry_after'] ?? null ) ) {
			return max( 1, (int) $error['retry_after'] );
		}
		return null;
	}
}
