<?php
/**
 * Removes everything Customer Cloud Gallery stored when the plugin is deleted.
 *
 * Nothing is revoked at Dropbox here, on purpose: uninstall runs inside the
 * admin's "Delete plugin" request, and a slow or unreachable Dropbox must not
 * make that hang or fail. The tokens are deleted below, so this site can no
 * longer use the grant; admins who want the grant gone at Dropbox too press
 * Disconnect first (which revokes it), or remove the app under Dropbox →
 * Settings → Connected apps.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/php/autoload.php';

( static function (): void {
	$cleanup = new CustomerCloudGallery\Storage\Cleanup();

	if ( is_multisite() ) {
		// One connection per site: each site of the network has its own rows.
		foreach ( get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) as $site_id ) {
			switch_to_blog( (int) $site_id );
			$cleanup->delete_site_data();
			restore_current_blog();
		}
	} else {
		$cleanup->delete_site_data();
	}

	$cleanup->delete_user_data();
} )();
