<?php
/**
 * The Google account a grant belongs to, as Drive's about.get tells it.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

final class Account {

	public function __construct(
		public readonly string $name,
		public readonly string $email
	) {}

	/**
	 * @param array<string, mixed> $json An About resource with user(displayName,emailAddress).
	 */
	public static function from_json( array $json ): self {
		$user = is_array( $json['user'] ?? null ) ? $json['user'] : array();
		return new self(
			is_string( $user['displayName'] ?? null ) ? $user['displayName'] : '',
			is_string( $user['emailAddress'] ?? null ) ? $user['emailAddress'] : ''
		);
	}
}
