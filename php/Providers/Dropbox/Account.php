<?php
/**
 * The Dropbox account a grant belongs to.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

final class Account {

	public function __construct(
		public readonly string $id,
		public readonly string $name,
		public readonly string $email
	) {}

	/**
	 * @param array<string, mixed> $json A FullAccount.
	 */
	public static function from_json( array $json ): self {
		$name = is_array( $json['name'] ?? null ) ? ( $json['name']['display_name'] ?? '' ) : '';
		return new self(
			is_string( $json['account_id'] ?? null ) ? $json['account_id'] : '',
			is_string( $name ) ? $name : '',
			is_string( $json['email'] ?? null ) ? $json['email'] : ''
		);
	}
}
