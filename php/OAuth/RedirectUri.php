<?php
/**
 * The exact OAuth redirect URI of each provider.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\OAuth;

/**
 * Admins paste it into the provider's console once, so it must never change:
 * <admin_url>admin-post.php?action=ccg_oauth_<provider>.
 */
final class RedirectUri {

	public const ACTION_PREFIX = 'ccg_oauth_';

	public static function for_provider( string $provider_id ): string {
		return admin_url( 'admin-post.php?action=' . self::ACTION_PREFIX . $provider_id );
	}
}
