<?php
/**
 * Capability checks for permission_callback, with the right status code.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\REST;

use WP_Error;

final class Permission {

	/**
	 * 401 for visitors who are not logged in, 403 for users who lack the
	 * capability (rest_authorization_required_code() tells them apart).
	 */
	public static function require( string $capability, string $message ): bool|WP_Error {
		if ( current_user_can( $capability ) ) {
			return true;
		}
		return new WP_Error( 'ccg_forbidden', $message, array( 'status' => rest_authorization_required_code() ) );
	}
}
