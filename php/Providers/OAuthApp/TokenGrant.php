<?php
/**
 * A successful answer of a provider's token endpoint.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

final class TokenGrant {

	/**
	 * @param string|null       $refresh_token Google sends one only on a code exchange with
	 *                                         access_type=offline and fresh consent.
	 * @param list<string>|null $scopes        Null when the response carried no "scope".
	 * @param string|null       $account_id    Dropbox names the account in the token response.
	 */
	public function __construct(
		public readonly string $access_token,
		public readonly int $expires_in,
		public readonly ?string $refresh_token,
		public readonly ?array $scopes,
		public readonly ?string $account_id = null
	) {}

	/**
	 * @param array<string, mixed>|null $json
	 * @param int                       $default_lifetime Seconds, when the answer has no expires_in.
	 *
	 * @return self|null Null when the body carries no access_token.
	 */
	public static function from_response( ?array $json, int $default_lifetime ): ?self {
		$access_token = $json['access_token'] ?? null;
		if ( ! is_string( $access_token ) || '' === $access_token ) {
			return null;
		}
		$scope = $json['scope'] ?? null;
		return new self(
			$access_token,
			is_numeric( $json['expires_in'] ?? null ) ? (int) $json['expires_in'] : $default_lifetime,
			is_string( $json['refresh_token'] ?? null ) && '' !== $json['refresh_token'] ? $json['refresh_token'] : null,
			is_string( $scope ) ? array_values( array_filter( explode( ' ', $scope ) ) ) : null,
			is_string( $json['account_id'] ?? null ) ? $json['account_id'] : null
		);
	}
}
