<?php
/**
 * Installs a local WordPress site without wp-cli:
 *
 *     php install.php SITE_DIR '{"title":…,"adminUser":…,…}'
 *
 * Runs wp_install(), sets pretty permalinks, activates the theme, the SQLite
 * integration plugin and the project's plugin, and creates one user per
 * role. Prints a JSON summary; exits non-zero with a message on failure.
 *
 * @package CustomerCloudGallery
 */

if ( PHP_SAPI !== 'cli' || $argc < 3 ) {
	fwrite( STDERR, "usage: php install.php SITE_DIR OPTIONS_JSON\n" );
	exit( 2 );
}

$ccg_options = json_decode( $argv[2], true, 8, JSON_THROW_ON_ERROR );

$_SERVER['HTTP_HOST']   = $ccg_options['host'];
$_SERVER['SERVER_NAME'] = 'localhost';
$_SERVER['REQUEST_URI'] = '/';

define( 'WP_INSTALLING', true );
require rtrim( $argv[1], '/' ) . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

/**
 * Stops with a message on STDERR.
 *
 * @param string $message What went wrong.
 */
function ccg_install_fail( string $message ): void {
	fwrite( STDERR, $message . "\n" );
	exit( 1 );
}

if ( is_blog_installed() ) {
	ccg_install_fail( 'WordPress is already installed in this database.' );
}

$ccg_result = wp_install(
	$ccg_options['title'],
	$ccg_options['adminUser'],
	$ccg_options['adminEmail'],
	true,
	'',
	wp_slash( $ccg_options['adminPassword'] )
);
if ( empty( $ccg_result['user_id'] ) ) {
	ccg_install_fail( 'wp_install() did not create the admin user.' );
}

// Pretty permalinks (the router sends every path to index.php).
global $wp_rewrite;
$wp_rewrite->set_permalink_structure( '/%postname%/' );
$wp_rewrite->flush_rules( false );

if ( wp_get_theme( $ccg_options['theme'] )->exists() ) {
	switch_theme( $ccg_options['theme'] );
} else {
	fwrite( STDERR, "Theme {$ccg_options['theme']} is not in this WordPress tree; keeping the default.\n" );
}

foreach ( $ccg_options['plugins'] as $ccg_plugin ) {
	$ccg_activated = activate_plugin( $ccg_plugin, '', false, true );
	if ( is_wp_error( $ccg_activated ) ) {
		ccg_install_fail( "Could not activate {$ccg_plugin}: " . $ccg_activated->get_error_message() );
	}
}

foreach ( $ccg_options['users'] as $ccg_user ) {
	$ccg_id = wp_insert_user(
		array(
			'user_login'   => $ccg_user['login'],
			'user_pass'    => $ccg_user['password'],
			'user_email'   => $ccg_user['email'],
			'role'         => $ccg_user['role'],
			'display_name' => ucfirst( $ccg_user['login'] ),
		)
	);
	if ( is_wp_error( $ccg_id ) ) {
		ccg_install_fail( "Could not create user {$ccg_user['login']}: " . $ccg_id->get_error_message() );
	}
}

echo wp_json_encode(
	array(
		'wordpress' => get_bloginfo( 'version' ),
		'theme'     => get_stylesheet(),
		'plugins'   => get_option( 'active_plugins' ),
		'users'     => count_users()['avail_roles'],
	)
), "\n";
