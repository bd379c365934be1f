<?php
/**
 * A successful answer of Google's token endpoint.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

final class TokenGrant {

	/** Google's access tokens last about an hour (expires_in 3599). */
	private const DEFAULT_LIFETIME = 3599;

	/**
	 * @param string|null       $refresh_token Only on a code exchange with access_type=offline and fresh consent.
	 * @param list<string>|null $scopes        Null when the response carried no "scope".
	 */
	public function __construct(
		public readonly string $access_token,
		public readonly int $expires_in,
		public readonly ?string $refresh_token,
		public readonly ?array $scopes
	) {}

	/**
	 * @param array<string, mixed>|null $json
	 *
	 * @throws GoogleError When the body is not a token response.
	 */
	public static function from_response( ?array $json, int $http_status ): self {
		$access_token = $json['access_token'] ?? null;
		if ( ! is_string( $access_token ) || '' === $access_token ) {
			throw new GoogleError( GoogleError::UNEXPECTED, $http_status, 'The token response carried no access_token.' );
		}
		$scope = $json['scope'] ?? null;
		return new self(
			$access_token,
			is_numeric( $json['expires_in'] ?? null ) ? (int) $json['expires_in'] : self::DEFAULT_LIFETIME,
			is_string( $json['refresh_token'] ?? null ) && '' !== $json['refresh_token'] ? $json['refresh_token'] : null,
			is_string( $scope ) ? array_values( array_filter( explode( ' ', $scope ) ) ) : null
		);
	}
}
