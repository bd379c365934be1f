<?php
/**
 * What the server remembers between "Connect" and the provider's redirect.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\OAuth;

final class PendingAuthorization {

	public const LIFETIME = 600;

	public function __construct(
		public readonly string $provider,
		public readonly int $user_id,
		public readonly string $code_verifier,
		public readonly int $created_at
	) {}

	public function expired( int $now ): bool {
		return $now - $this->created_at > self::LIFETIME;
	}

	/**
	 * @return array{provider: string, user_id: int, code_verifier: string, created_at: int}
	 */
	public function to_array(): array {
		return array(
			'provider'      => $this->provider,
			'user_id'       => $this->user_id,
			'code_verifier' => $this->code_verifier,
			'created_at'    => $this->created_at,
		);
	}

	public static function from_array( mixed $data ): ?self {
		if ( ! is_array( $data ) || ! is_string( $data['provider'] ?? null ) || ! is_string( $data['code_verifier'] ?? null ) ) {
			return null;
		}
		return new self( $data['provider'], (int) ( $data['user_id'] ?? 0 ), $data['code_verifier'], (int) ( $data['created_at'] ?? 0 ) );
	}
}
