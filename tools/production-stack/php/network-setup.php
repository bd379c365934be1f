<?php
/**
 * Sets up the stack's network once MULTISITE is on: the plugin activated
 * for the whole network (instead of on the main site), two subsites with an
 * administrator each who is not a super admin, an editor on the first, and
 * pretty permalinks everywhere.
 *
 *     php network-setup.php SITE_DIR '{"domain":…,"plugin":…,"password":…,"sites":[…]}'
 *
 * @package CustomerCloudGallery
 */

if ( PHP_SAPI !== 'cli' || $argc < 3 ) {
	fwrite( STDERR, "usage: php network-setup.php SITE_DIR OPTIONS_JSON\n" );
	exit( 2 );
}

$ccg_options = json_decode( $argv[2], true, 8, JSON_THROW_ON_ERROR );

$_SERVER['HTTP_HOST']   = $ccg_options['domain'];
$_SERVER['SERVER_NAME'] = 'localhost';
$_SERVER['REQUEST_URI'] = '/';

require rtrim( $argv[1], '/' ) . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/ms.php';

/**
 * Stops with a message on STDERR.
 *
 * @param string $message What went wrong.
 */
function ccg_network_fail( string $message ): void {
	fwrite( STDERR, $message . "\n" );
	exit( 1 );
}

if ( ! is_multisite() ) {
	ccg_network_fail( 'MULTISITE is not on in wp-config.php.' );
}

deactivate_plugins( $ccg_options['plugin'], true, false );
$ccg_activated = activate_plugin( $ccg_options['plugin'], '', true );
if ( is_wp_error( $ccg_activated ) ) {
	ccg_network_fail( 'Network activation failed: ' . $ccg_activated->get_error_message() );
}
update_site_option( 'allowedthemes', array( $ccg_options['theme'] => true ) );

/**
 * The main site's permalinks keep core's /blog/ prefix (a subdirectory
 * network reserves the first path segment for its sites).
 */
update_option( 'permalink_structure', '/blog/%postname%/' );
delete_option( 'rewrite_rules' );

$ccg_sites = array();
foreach ( $ccg_options['sites'] as $ccg_site ) {
	$ccg_admin = wpmu_create_user( $ccg_site['admin'], $ccg_options['password'], $ccg_site['admin'] . '@localhost.test' );
	if ( false === $ccg_admin ) {
		ccg_network_fail( "Could not create user {$ccg_site['admin']}." );
	}
	$ccg_blog = wp_insert_site(
		array(
			'domain'  => $ccg_options['domain'],
			'path'    => '/' . $ccg_site['slug'] . '/',
			'title'   => $ccg_site['title'],
			'user_id' => $ccg_admin,
		)
	);
	if ( is_wp_error( $ccg_blog ) ) {
		ccg_network_fail( "Could not create site {$ccg_site['slug']}: " . $ccg_blog->get_error_message() );
	}
	switch_to_blog( $ccg_blog );
	switch_theme( $ccg_options['theme'] );
	update_option( 'permalink_structure', '/%postname%/' );
	delete_option( 'rewrite_rules' );
	foreach ( $ccg_site['users'] as $ccg_login => $ccg_role ) {
		$ccg_user = wpmu_create_user( $ccg_login, $ccg_options['password'], $ccg_login . '@localhost.test' );
		if ( false === $ccg_user || true !== add_user_to_blog( $ccg_blog, $ccg_user, $ccg_role ) ) {
			ccg_network_fail( "Could not add {$ccg_login} to {$ccg_site['slug']}." );
		}
	}
	restore_current_blog();
	$ccg_sites[ $ccg_site['slug'] ] = $ccg_blog;
}

echo wp_json_encode(
	array(
		'network_active' => is_plugin_active_for_network( $ccg_options['plugin'] ),
		'sites'          => $ccg_sites,
		'super_admins'   => get_super_admins(),
	)
), "\n";
