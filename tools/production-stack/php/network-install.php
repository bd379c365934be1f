<?php
/**
 * Turns the installed single site of tools/production-stack into a
 * subdirectory network, as Tools → Network Setup does (wp-admin/network.php):
 *
 *     php network-install.php SITE_DIR '{"domain":…,"email":…,"title":…}'
 *
 * Runs with the single-site wp-config.php; the caller then adds the
 * network's constants (multisite.ts) and runs network-setup.php.
 *
 * @package CustomerCloudGallery
 */

if ( PHP_SAPI !== 'cli' || $argc < 3 ) {
	fwrite( STDERR, "usage: php network-install.php SITE_DIR OPTIONS_JSON\n" );
	exit( 2 );
}

$ccg_options = json_decode( $argv[2], true, 8, JSON_THROW_ON_ERROR );

$_SERVER['HTTP_HOST']   = $ccg_options['domain'];
$_SERVER['SERVER_NAME'] = 'localhost';
$_SERVER['REQUEST_URI'] = '/';

define( 'WP_INSTALLING_NETWORK', true );
require rtrim( $argv[1], '/' ) . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

global $wpdb;
// wp-admin/network.php does the same: the network tables are not named until MULTISITE is on.
foreach ( $wpdb->tables( 'ms_global' ) as $ccg_table => $ccg_prefixed ) {
	$wpdb->$ccg_table = $ccg_prefixed;
}

install_network();
$ccg_result = populate_network( 1, $ccg_options['domain'], $ccg_options['email'], $ccg_options['title'], '/', false );
if ( is_wp_error( $ccg_result ) ) {
	fwrite( STDERR, 'populate_network(): ' . $ccg_result->get_error_message() . "\n" );
	exit( 1 );
}
echo wp_json_encode( array( 'network' => $ccg_options['domain'] ) ), "\n";
