<?php
/**
 * Schemas of the app credentials an admin pastes from a provider's console.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\REST;

use WP_Error;
use WP_REST_Request;

/**
 * Shared by every provider's credentials route: an app's ID (Dropbox's App
 * key, Google's Client ID) and its secret. Both are printable ASCII without
 * spaces; the exact shape is not enforced beyond that, since sandboxes and
 * contract doubles issue their own.
 */
final class CredentialArgument {

	/**
	 * Required, at least one character.
	 *
	 * @return array<string, mixed>
	 */
	public static function id( string $description, int $max_length ): array {
		return self::trimmed(
			array(
				'description' => $description,
				'type'        => 'string',
				'required'    => true,
				'minLength'   => 1,
				'maxLength'   => $max_length,
				'pattern'     => '^[!-~]+$',
			)
		);
	}

	/**
	 * Optional: empty (the default) keeps the stored secret, so the form can
	 * be saved again without the admin fetching the secret a second time.
	 *
	 * @return array<string, mixed>
	 */
	public static function secret( string $description, int $max_length ): array {
		return self::trimmed(
			array(
				'description' => $description,
				'type'        => 'string',
				'default'     => '',
				'maxLength'   => $max_length,
				'pattern'     => '^([!-~]+)?$',
			)
		);
	}

	/**
	 * Values pasted from a provider's console often carry stray whitespace:
	 * trim before validating against the schema, and store the trimmed value.
	 *
	 * @param array<string, mixed> $schema
	 *
	 * @return array<string, mixed>
	 */
	private static function trimmed( array $schema ): array {
		$trim = static fn ( mixed $value ): mixed => is_string( $value ) ? trim( $value ) : $value;
		return $schema + array(
			'validate_callback' => static fn ( mixed $value, WP_REST_Request $request, string $param ): bool|WP_Error => rest_validate_value_from_schema( $trim( $value ), $schema, $param ),
			'sanitize_callback' => static fn ( mixed $value ): mixed => $trim( $value ),
		);
	}
}
