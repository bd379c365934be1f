<?php
/**
 * The stored Google grant: tokens, what they allow, and whose they are.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

final class TokenRecord {

	/**
	 * @param list<string>|null $scopes       Granted scopes; null when Google did not say.
	 * @param int               $connected_at When consent was given: the grant's age tells a
	 *                                        Testing app's 7-day expiry from a revocation.
	 */
	public function __construct(
		public readonly string $access_token,
		public readonly int $expires_at,
		public readonly ?string $refresh_token,
		public readonly ?array $scopes,
		public readonly ?string $account_name,
		public readonly ?string $account_email,
		public readonly int $connected_at
	) {}

	public static function from_grant( TokenGrant $grant, int $now ): self {
		return new self( $grant->access_token, $now + $grant->expires_in, $grant->refresh_token, $grant->scopes, null, null, $now );
	}

	/**
	 * A refresh brings a new access token only: Google sends no refresh
	 * token on a refresh, and the scopes stay unless it says otherwise.
	 */
	public function refreshed( TokenGrant $grant, int $now ): self {
		return new self(
			$grant->access_token,
			$now + $grant->expires_in,
			$grant->refresh_token ?? $this->refresh_token,
			$grant->scopes ?? $this->scopes,
			$this->account_name,
			$this->account_email,
			$this->connected_at
		);
	}

	public function with_account( Account $account ): self {
		return new self(
			$this->access_token,
			$this->expires_at,
			$this->refresh_token,
			$this->scopes,
			'' !== $account->name ? $account->name : $account->email,
			$account->email,
			$this->connected_at
		);
	}

	public function expires_within( int $seconds, int $now ): bool {
		return $this->expires_at - $now < $seconds;
	}

	/**
	 * @return array<string, mixed>
	 */
	public function to_array(): array {
		return get_object_vars( $this );
	}

	/**
	 * @param mixed $data Decoded JSON.
	 */
	public static function from_array( mixed $data ): ?self {
		if ( ! is_array( $data ) || ! is_string( $data['access_token'] ?? null ) || ! is_int( $data['expires_at'] ?? null ) ) {
			return null;
		}
		$string = static fn ( string $key ): ?string => is_string( $data[ $key ] ?? null ) ? $data[ $key ] : null;
		return new self(
			$data['access_token'],
			$data['expires_at'],
			$string( 'refresh_token' ),
			is_array( $data['scopes'] ?? null ) ? array_values( array_filter( $data['scopes'], 'is_string' ) ) : null,
			$string( 'account_name' ),
			$string( 'account_email' ),
			is_int( $data['connected_at'] ?? null ) ? $data['connected_at'] : $data['expires_at']
		);
	}
}
