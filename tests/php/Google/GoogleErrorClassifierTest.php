<?php
/**
 * Google's error envelopes, as the contract documents them (part B5, B1.3).
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Google;

use CustomerCloudGallery\Http\HttpResponse;
use CustomerCloudGallery\Providers\Google\ErrorClassifier;
use CustomerCloudGallery\Providers\Google\GoogleError;
use PHPUnit\Framework\TestCase;

final class GoogleErrorClassifierTest extends TestCase {

	/**
	 * @dataProvider api_errors
	 *
	 * @param array<string, string> $headers
	 */
	public function test_api_errors( int $status, array $headers, string $body, string $kind, ?string $reason, bool $retryable ): void {
		$error = ErrorClassifier::api( new HttpResponse( $status, $headers, $body ), array() );

		$this->assertSame( $kind, $error->kind );
		$this->assertSame( $status, $error->http_status );
		$this->assertSame( $reason, $error->reason );
		$this->assertSame( $retryable, $error->is_retryable() );
	}

	/**
	 * @return array<string, array<int, mixed>>
	 */
	public static function api_errors(): array {
		$json = array( 'content-type' => 'application/json; charset=UTF-8' );
		return array(
			'401 authError'                   => array( 401, $json, '{"error":{"code":401,"message":"Request had invalid authentication credentials.","errors":[{"message":"Invalid Credentials","domain":"global","reason":"authError","location":"Authorization","locationType":"header"}],"status":"UNAUTHENTICATED"}}', GoogleError::UNAUTHENTICATED, 'authError', false ),
			'403 insufficient, old body'      => array( 403, $json, '{"error":{"errors":[{"domain":"global","reason":"insufficientPermissions","message":"Insufficient Permission: Request had insufficient authentication scopes."}],"code":403,"message":"Insufficient Permission: Request had insufficient authentication scopes."}}', GoogleError::INSUFFICIENT_SCOPE, 'insufficientPermissions', false ),
			'403 insufficient, details only'  => array( 403, $json, '{"error":{"code":403,"message":"Request had insufficient authentication scopes.","status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"ACCESS_TOKEN_SCOPE_INSUFFICIENT"}]}}', GoogleError::INSUFFICIENT_SCOPE, null, false ),
			'403 accessNotConfigured'         => array( 403, $json, '{"error":{"code":403,"message":"Google Drive API has not been used in project 123 before or it is disabled.","errors":[{"message":"…","domain":"usageLimits","reason":"accessNotConfigured","extendedHelp":"https://console.developers.google.com"}],"status":"PERMISSION_DENIED"}}', GoogleError::API_DISABLED, 'accessNotConfigured', false ),
			'403 SERVICE_DISABLED details'    => array( 403, $json, '{"error":{"code":403,"message":"Drive API disabled","status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"SERVICE_DISABLED","domain":"googleapis.com"}]}}', GoogleError::API_DISABLED, null, false ),
			'403 userRateLimitExceeded'       => array( 403, $json, '{"error":{"errors":[{"domain":"usageLimits","reason":"userRateLimitExceeded","message":"User rate limit exceeded."}],"code":403,"message":"User rate limit exceeded."}}', GoogleError::RATE_LIMITED, 'userRateLimitExceeded', true ),
			'403 rateLimitExceeded, reordered' => array( 403, $json, '{"error":{"code":403,"message":"Rate Limit Exceeded","errors":[{"message":"Rate Limit Exceeded","reason":"rateLimitExceeded","domain":"usageLimits"}]}}', GoogleError::RATE_LIMITED, 'rateLimitExceeded', true ),
			'429'                             => array( 429, $json, '{"error":{"errors":[{"domain":"usageLimits","reason":"rateLimitExceeded","message":"Rate Limit Exceeded"}],"code":429,"message":"Rate Limit Exceeded"}}', GoogleError::RATE_LIMITED, 'rateLimitExceeded', true ),
			'403 dailyLimitExceeded'          => array( 403, $json, '{"error":{"errors":[{"domain":"usageLimits","reason":"dailyLimitExceeded","message":"Daily Limit Exceeded"}],"code":403,"message":"Daily Limit Exceeded"}}', GoogleError::QUOTA_EXHAUSTED, 'dailyLimitExceeded', false ),
			'403 file permissions'            => array( 403, $json, '{"error":{"errors":[{"domain":"global","reason":"insufficientFilePermissions","message":"The user does not have sufficient permissions for this file."}],"code":403,"message":"The user does not have sufficient permissions for this file."}}', GoogleError::FORBIDDEN, 'insufficientFilePermissions', false ),
			'404 notFound'                    => array( 404, $json, '{"error":{"errors":[{"domain":"global","reason":"notFound","message":"File not found: x.","locationType":"parameter","location":"fileId"}],"code":404,"message":"File not found: x."}}', GoogleError::NOT_FOUND, 'notFound', false ),
			'400 invalid q'                   => array( 400, $json, '{"error":{"code":400,"errors":[{"domain":"global","location":"q","locationType":"parameter","message":"Invalid Value","reason":"invalid"}],"message":"Invalid Value"}}', GoogleError::BAD_REQUEST, 'invalid', false ),
			'500 backendError'                => array( 500, $json, '{"error":{"errors":[{"domain":"global","reason":"backendError","message":"Backend Error"}],"code":500,"message":"Backend Error"}}', GoogleError::UNAVAILABLE, 'backendError', true ),
			'503 HTML'                        => array( 503, array( 'content-type' => 'text/html' ), '<html>Service Unavailable</html>', GoogleError::UNAVAILABLE, null, true ),
			'501 is not retried'              => array( 501, array(), '', GoogleError::UNAVAILABLE, null, false ),
			'thumbnail host 403, no body'     => array( 403, array(), '', GoogleError::FORBIDDEN, null, false ),
		);
	}

	public function test_retry_after_is_read_when_present(): void {
		$error = ErrorClassifier::api( new HttpResponse( 503, array( 'retry-after' => '7' ), '' ), array() );

		$this->assertSame( 7, $error->retry_after );
	}

	/**
	 * @dataProvider token_errors
	 */
	public function test_token_endpoint_errors( int $status, string $body, string $kind ): void {
		$error = ErrorClassifier::token( new HttpResponse( $status, array( 'content-type' => 'application/json; charset=utf-8' ), $body ), array() );

		$this->assertSame( $kind, $error->kind );
	}

	/**
	 * @return array<string, array<int, mixed>>
	 */
	public static function token_errors(): array {
		return array(
			'expired or revoked'     => array( 400, '{"error": "invalid_grant", "error_description": "Token has been expired or revoked."}', GoogleError::INVALID_GRANT ),
			'stale token'            => array( 400, '{"error": "invalid_grant", "error_description": "Bad Request"}', GoogleError::INVALID_GRANT ),
			'wrong secret'           => array( 401, '{"error": "invalid_client", "error_description": "Unauthorized"}', GoogleError::INVALID_CLIENT ),
			'deleted client'         => array( 401, '{"error": "deleted_client", "error_description": "The OAuth client was deleted."}', GoogleError::INVALID_CLIENT ),
			'another client'         => array( 400, '{"error": "unauthorized_client", "error_description": "Unauthorized"}', GoogleError::INVALID_CLIENT ),
			'redirect mismatch'      => array( 400, '{"error": "redirect_uri_mismatch", "error_description": "Bad Request"}', GoogleError::REDIRECT_URI_MISMATCH ),
			'redirect in invalid_grant' => array( 400, '{"error": "invalid_grant", "error_description": "redirect_uri does not match"}', GoogleError::REDIRECT_URI_MISMATCH ),
			'invalid_request'        => array( 400, '{"error": "invalid_request", "error_description": "Missing required parameter: code"}', GoogleError::INVALID_REQUEST ),
			'revoke of a dead token' => array( 400, '{"error": "invalid_token", "error_description": "Token expired or revoked"}', GoogleError::BAD_REQUEST ),
			'rate limited'           => array( 429, '', GoogleError::RATE_LIMITED ),
			'server error'           => array( 500, '', GoogleError::UNAVAILABLE ),
		);
	}

	public function test_summaries_never_carry_tokens_or_secrets(): void {
		$body  = '{"error":{"code":400,"message":"Bad header Authorization: Bearer ya29.SECRET-TOKEN and client_secret=GOCSPX-SECRET"}}';
		$error = ErrorClassifier::api( new HttpResponse( 400, array(), $body ), array( 'GOCSPX-SECRET' ) );

		$this->assertStringNotContainsString( 'SECRET-TOKEN', $error->getMessage() );
		$this->assertStringNotContainsString( 'GOCSPX-SECRET', $error->getMessage() );
	}
}
