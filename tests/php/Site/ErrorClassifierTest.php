<?php
/**
 * Dropbox's error envelopes, as the contract documents them (part A6, A2.3).
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Site;

use CustomerCloudGallery\Http\HttpResponse;
use CustomerCloudGallery\Http\Redaction;
use CustomerCloudGallery\Providers\Dropbox\DropboxError;
use CustomerCloudGallery\Providers\Dropbox\ErrorClassifier;
use PHPUnit\Framework\TestCase;

final class ErrorClassifierTest extends TestCase {

	/**
	 * @dataProvider api_errors
	 *
	 * @param array<string, string> $headers
	 */
	public function test_api_errors( int $status, array $headers, string $body, string $kind, ?string $scope = null, ?int $retry_after = null ): void {
		$error = ErrorClassifier::api( new HttpResponse( $status, $headers, $body ), array() );

		$this->assertSame( $kind, $error->kind );
		$this->assertSame( $status, $error->http_status );
		$this->assertSame( $scope, $error->required_scope );
		$this->assertSame( $retry_after, $error->retry_after );
	}

	/**
	 * @return array<string, array<int, mixed>>
	 */
	public static function api_errors(): array {
		$json = array( 'content-type' => 'application/json' );
		return array(
			'expired, three dots'        => array( 401, $json, '{"error_summary": "expired_access_token/...", "error": {".tag": "expired_access_token"}}', DropboxError::EXPIRED ),
			'expired, keys reordered'    => array( 401, $json, '{"error": {".tag": "expired_access_token"}, "error_summary": "expired_access_token/"}', DropboxError::EXPIRED ),
			'invalid token'              => array( 401, $json, '{"error_summary": "invalid_access_token/..", "error": {".tag": "invalid_access_token"}}', DropboxError::INVALID_TOKEN ),
			'missing scope'              => array( 401, $json, '{"error_summary": "missing_scope/.", "error": {".tag": "missing_scope", "required_scope": "files.content.read"}}', DropboxError::MISSING_SCOPE, 'files.content.read' ),
			'suspended user'             => array( 401, $json, '{"error_summary": "user_suspended/", "error": {".tag": "user_suspended"}}', DropboxError::AUTH ),
			'not found, any dots'        => array( 409, $json, '{"error_summary": "path/not_found/..", "error": {".tag": "path", "path": {".tag": "not_found"}}}', DropboxError::NOT_FOUND ),
			'malformed path'             => array( 409, $json, '{"error_summary": "path/malformed_path/", "error": {".tag": "path", "path": {".tag": "malformed_path"}}}', DropboxError::CONFLICT ),
			'429 JSON'                   => array( 429, $json + array( 'retry-after' => '15' ), '{"error_summary": "too_many_requests/..", "error": {"reason": {".tag": "too_many_requests"}, "retry_after": 15}}', DropboxError::RATE_LIMITED, null, 15 ),
			'429 plain text'             => array( 429, array( 'content-type' => 'text/plain', 'retry-after' => '7' ), 'Too many requests', DropboxError::RATE_LIMITED, null, 7 ),
			'429 without header'         => array( 429, $json, '{"error_summary": "too_many_write_operations/.", "error": {"reason": {".tag": "too_many_write_operations"}, "retry_after": 3}}', DropboxError::RATE_LIMITED, null, 3 ),
			'400 plain text'             => array( 400, array( 'content-type' => 'text/plain' ), 'Error in call to API function "files/list_folder": request body: path: Specify the root folder as an empty string rather than as "/".', DropboxError::BAD_REQUEST ),
			'503 HTML with Retry-After'  => array( 503, array( 'content-type' => 'text/html', 'retry-after' => '30' ), '<html>down</html>', DropboxError::UNAVAILABLE, null, 30 ),
			'500 empty'                  => array( 500, array(), '', DropboxError::UNAVAILABLE ),
		);
	}

	/**
	 * @dataProvider token_errors
	 */
	public function test_token_endpoint_errors( int $status, string $content_type, string $body, string $kind ): void {
		$error = ErrorClassifier::token( new HttpResponse( $status, array( 'content-type' => $content_type ), $body ), array() );

		$this->assertSame( $kind, $error->kind );
	}

	/**
	 * @return array<string, array<int, mixed>>
	 */
	public static function token_errors(): array {
		return array(
			'revoked refresh token'  => array( 400, 'text/javascript', '{"error": "invalid_grant", "error_description": "refresh token is invalid or revoked"}', DropboxError::INVALID_GRANT ),
			'wrong secret'           => array( 400, 'application/json', '{"error": "invalid_client", "error_description": "Invalid client_id or client_secret"}', DropboxError::INVALID_CLIENT ),
			'wrong secret as 401'    => array( 401, 'application/json', '{"error": "invalid_client"}', DropboxError::INVALID_CLIENT ),
			'redirect invalid_grant' => array( 400, 'text/javascript', '{"error": "invalid_grant", "error_description": "redirect_uri mismatch"}', DropboxError::REDIRECT_URI_MISMATCH ),
			'redirect invalid_req'   => array( 400, 'text/javascript', '{"error": "invalid_request", "error_description": "Invalid redirect_uri. It must exactly match one of the redirect URIs you\'ve pre-configured for your app."}', DropboxError::REDIRECT_URI_MISMATCH ),
			'other invalid_request'  => array( 400, 'text/javascript', '{"error": "invalid_request", "error_description": "No auth function available for given request"}', DropboxError::INVALID_REQUEST ),
			'plain text 400'         => array( 400, 'text/plain', 'Error in call to API function "oauth2/token": bad request', DropboxError::BAD_REQUEST ),
			'rate limited'           => array( 429, 'text/plain', 'Too many requests', DropboxError::RATE_LIMITED ),
			'server error'           => array( 502, 'text/html', '<h1>Bad gateway</h1>', DropboxError::UNAVAILABLE ),
		);
	}

	public function test_summaries_never_carry_tokens(): void {
		$body  = 'Error in call to API function "users/get_current_account": Invalid authorization value in HTTP header "Authorization": "Bearer sl.SECRET-TOKEN-123". Expecting "Bearer <oauth2-access-token>".';
		$error = ErrorClassifier::api( new HttpResponse( 400, array( 'content-type' => 'text/plain' ), $body ), array( 'sl.SECRET-TOKEN-123' ) );

		$this->assertStringNotContainsString( 'SECRET-TOKEN', $error->summary );
		$this->assertStringNotContainsString( 'SECRET-TOKEN', $error->getMessage() );

		$unlisted = Redaction::redact( 'Authorization: Bearer abc.def-ghi', array() );
		$this->assertSame( 'Authorization: Bearer [redacted]', $unlisted );
	}

	public function test_error_summary_trailing_dots_are_dropped(): void {
		$error = ErrorClassifier::api( new HttpResponse( 409, array(), '{"error_summary": "path/not_found/...", "error": {".tag": "path", "path": {".tag": "not_found"}}}' ), array() );

		$this->assertSame( 'path/not_found/', $error->summary );
		$this->assertSame( 'path/not_found', $error->tag );
	}
}
