<?php
/**
 * A successful answer of Dropbox's token endpoint.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

final class TokenGrant {

	/**
	 * @param list<string>|null $scopes Null when the response carried no "scope".
	 */
	public function __construct(
		public readonly string $access_token,
		public readonly int $expires_in,
		public readonly ?string $refresh_token,
		public readonly ?array $scopes,
		public readonly ?string $account_id
	) {}

	/**
	 * @param array<string, mixed>|null $json
	 *
	 * @throws DropboxError When the body is not a token response.
	 */
	public static function from_response( ?array $json, int $http_status ): self {
		$access_token = $json['access_token'] ?? null;
		if ( ! is_string( $access_token ) || '' === $access_token ) {
			throw new DropboxError( DropboxError::UNEXPECTED, $http_status, 'The token response carried no access_token.' );
		}
		$scope = $json['scope'] ?? null;
		return new self(
			$access_token,
			is_numeric( $json['expires_in'] ?? null ) ? (int) $json['expires_in'] : 14400,
			is_string( $json['refresh_token'] ?? null ) && '' !== $json['refresh_token'] ? $json['refresh_token'] : null,
			is_string( $scope ) ? array_values( array_filter( explode( ' ', $scope ) ) ) : null,
			is_string( $json['account_id'] ?? null ) ? $json['account_id'] : null
		);
	}
}
