<?php
/**
 * Child process of NetworkUninstallTest: what the Network Admin's Plugins
 * screen does, in a request of its own.
 *
 * Usage: php network-plugin.php uninstall|activate
 * "uninstall" deactivates the plugin for the network, then runs core's
 * uninstall_plugin() (which runs uninstall.php); "activate" activates it for
 * the network again. Prints the plugin's state as JSON.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

$ccg_url                = parse_url( (string) getenv( 'WP_BASE_URL' ) );
$_SERVER['HTTP_HOST']   = $ccg_url['host'] . ( isset( $ccg_url['port'] ) ? ':' . $ccg_url['port'] : '' );
$_SERVER['REQUEST_URI'] = '/';

require getenv( 'CCG_WP_PATH' ) . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$ccg_plugin = 'customer-cloud-gallery/plugin.php';
if ( 'uninstall' === ( $argv[1] ?? '' ) ) {
	deactivate_plugins( $ccg_plugin, false, true );
	uninstall_plugin( $ccg_plugin );
} elseif ( 'activate' === ( $argv[1] ?? '' ) ) {
	$ccg_result = activate_plugin( $ccg_plugin, '', true );
	if ( is_wp_error( $ccg_result ) ) {
		fwrite( STDERR, $ccg_result->get_error_message() . "\n" );
		exit( 1 );
	}
} else {
	fwrite( STDERR, "usage: php network-plugin.php uninstall|activate\n" );
	exit( 2 );
}
echo wp_json_encode( array( 'network_active' => is_plugin_active_for_network( $ccg_plugin ) ) );
