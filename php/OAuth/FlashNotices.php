<?php
/**
 * One-time, per-user notices carried from the OAuth callback to the
 * Settings screen across the redirect.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\OAuth;

use CustomerCloudGallery\Storage\Keys;

/**
 * User meta rather than a query string: the message is not forgeable by a
 * link, and it is shown once, to the admin who connected.
 */
final class FlashNotices {

	public function put( int $user_id, Notice $notice ): void {
		update_user_meta( $user_id, Keys::FLASH_NOTICE, $notice->to_array() );
	}

	public function take( int $user_id ): ?Notice {
		$stored = get_user_meta( $user_id, Keys::FLASH_NOTICE, true );
		if ( '' === $stored || false === $stored ) {
			return null;
		}
		delete_user_meta( $user_id, Keys::FLASH_NOTICE );
		return Notice::from_array( $stored );
	}
}
