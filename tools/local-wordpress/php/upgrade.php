<?php
/**
 * Brings a site's database up to the core tree's version (after the cached
 * core moved to a newer point release):
 *
 *     php upgrade.php SITE_DIR HOST
 *
 * @package CustomerCloudGallery
 */

if ( PHP_SAPI !== 'cli' || $argc < 3 ) {
	fwrite( STDERR, "usage: php upgrade.php SITE_DIR HOST\n" );
	exit( 2 );
}

$_SERVER['HTTP_HOST']   = $argv[2];
$_SERVER['SERVER_NAME'] = 'localhost';
$_SERVER['REQUEST_URI'] = '/';

define( 'WP_INSTALLING', true );
require rtrim( $argv[1], '/' ) . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

wp_upgrade();
echo get_bloginfo( 'version' ), "\n";
