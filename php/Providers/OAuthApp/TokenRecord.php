<?php
/**
 * The stored grant: tokens, what they allow, and whose they are.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

final class TokenRecord {

	/**
	 * @param list<string>|null $scopes       Granted scopes; null when the provider did not say.
	 * @param int               $connected_at When consent was given (Google: the grant's age tells
	 *                                        a Testing app's 7-day expiry from a revocation).
	 */
	public function __construct(
		public readonly string $access_token,
		public readonly int $expires_at,
		public readonly ?string $refresh_token,
		public readonly ?array $scopes,
		public readonly ?string $account_id,
		public readonly ?string $account_name,
		public readonly ?string $account_email,
		public readonly int $connected_at
	) {}

	public static function from_grant( TokenGrant $grant, int $now ): self {
		return new self( $grant->access_token, $now + $grant->expires_in, $grant->refresh_token, $grant->scopes, $grant->account_id, null, null, $now );
	}

	/**
	 * A refresh brings a new access token; the refresh token (neither
	 * provider rotates it) and, unless the answer says otherwise, the scopes
	 * stay.
	 */
	public function refreshed( TokenGrant $grant, int $now ): self {
		return new self(
			$grant->access_token,
			$now + $grant->expires_in,
			$grant->refresh_token ?? $this->refresh_token,
			$grant->scopes ?? $this->scopes,
			$this->account_id,
			$this->account_name,
			$this->account_email,
			$this->connected_at
		);
	}

	/**
	 * An account without a display name shows as its email.
	 */
	public function with_account( Account $account ): self {
		return new self(
			$this->access_token,
			$this->expires_at,
			$this->refresh_token,
			$this->scopes,
			'' !== $account->id ? $account->id : $this->account_id,
			'' !== $account->name ? $account->name : $account->email,
			$account->email,
			$this->connected_at
		);
	}

	/**
	 * Whether both come from one consent (refreshes keep the refresh token
	 * and the time of consent; a reconnect changes both).
	 */
	public function same_grant( self $other ): bool {
		return $this->refresh_token === $other->refresh_token && $this->connected_at === $other->connected_at;
	}

	public function expires_within( int $seconds, int $now ): bool {
		return $this->expires_at - $now < $seconds;
	}

	/**
	 * Null when unknown (no "scope" in the token response).
	 */
	public function has_scope( string $scope ): ?bool {
		return null === $this->scopes ? null : in_array( $scope, $this->scopes, true );
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
			$string( 'account_id' ),
			$string( 'account_name' ),
			$string( 'account_email' ),
			is_int( $data['connected_at'] ?? null ) ? $data['connected_at'] : $data['expires_at']
		);
	}
}
