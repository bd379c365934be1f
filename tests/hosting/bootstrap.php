<?php
/**
 * Loads the stack site at CCG_WP_PATH and checks that it runs this folder's
 * drop-in, so the tests below cannot pass on core's per-request cache.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

$ccg_wp_path = getenv( 'CCG_WP_PATH' );
if ( ! is_string( $ccg_wp_path ) || ! is_readable( $ccg_wp_path . '/wp-load.php' ) ) {
	fwrite( STDERR, "CCG_WP_PATH must point at a site of tools/production-stack.\n" );
	exit( 1 );
}
$_SERVER['HTTP_HOST']   = $_SERVER['HTTP_HOST'] ?? 'localhost';
$_SERVER['REQUEST_URI'] = $_SERVER['REQUEST_URI'] ?? '/';
$_SERVER['SERVER_NAME'] = $_SERVER['SERVER_NAME'] ?? 'localhost';

require_once $ccg_wp_path . '/wp-load.php';

$ccg_drop_in = WP_CONTENT_DIR . '/object-cache.php';
if ( ! wp_using_ext_object_cache() || ! is_readable( $ccg_drop_in ) || md5_file( $ccg_drop_in ) !== md5_file( __DIR__ . '/object-cache.php' ) ) {
	fwrite( STDERR, "The site at CCG_WP_PATH does not run tests/hosting/object-cache.php.\n" );
	exit( 1 );
}
require_once __DIR__ . '/OtherProcess.php';
