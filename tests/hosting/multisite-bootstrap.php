<?php
/**
 * Loads the main site of the stack's subdirectory network (WP_BASE_URL is
 * its address; a network finds its sites by host and path, so the host must
 * carry the port), then the plugin's test bootstrap, and refuses a site
 * that is not a network with the plugin network-activated.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

$ccg_base_url = getenv( 'WP_BASE_URL' );
if ( ! is_string( $ccg_base_url ) || '' === $ccg_base_url ) {
	fwrite( STDERR, "WP_BASE_URL must be the network's address.\n" );
	exit( 1 );
}
$ccg_url                = parse_url( $ccg_base_url );
$_SERVER['HTTP_HOST']   = $ccg_url['host'] . ( isset( $ccg_url['port'] ) ? ':' . $ccg_url['port'] : '' );
$_SERVER['SERVER_PORT'] = (string) ( $ccg_url['port'] ?? 80 );
$_SERVER['REQUEST_URI'] = '/';

require dirname( __DIR__ ) . '/php/bootstrap.php';

if ( ! is_multisite() || ! is_plugin_active_for_network( plugin_basename( CustomerCloudGallery\PLUGIN_FILE ) ) ) {
	fwrite( STDERR, "The site at CCG_WP_PATH is not a network with Customer Cloud Gallery network-activated.\n" );
	exit( 1 );
}
