<?php
/**
 * Loads a real WordPress site (no core test library exists on these machines)
 * with the plugin active, and the test helpers.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

$ccg_wp_path = getenv( 'CCG_WP_PATH' );
if ( ! is_string( $ccg_wp_path ) || ! is_readable( $ccg_wp_path . '/wp-load.php' ) ) {
	fwrite( STDERR, "CCG_WP_PATH must point at an installed WordPress site (the folder with wp-load.php).\n" );
	exit( 1 );
}

// WordPress reads these while loading; a CLI process has none.
$_SERVER['HTTP_HOST']   = $_SERVER['HTTP_HOST'] ?? 'localhost';
$_SERVER['REQUEST_URI'] = $_SERVER['REQUEST_URI'] ?? '/';
$_SERVER['SERVER_NAME'] = $_SERVER['SERVER_NAME'] ?? 'localhost';

require_once $ccg_wp_path . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

if ( ! class_exists( CustomerCloudGallery\Plugin::class ) || ! did_action( 'plugins_loaded' ) ) {
	fwrite( STDERR, "Customer Cloud Gallery is not active on the site at CCG_WP_PATH.\n" );
	exit( 1 );
}

$ccg_plugin_dir = realpath( dirname( CustomerCloudGallery\PLUGIN_FILE ) );
if ( realpath( dirname( __DIR__, 2 ) ) !== $ccg_plugin_dir ) {
	fwrite( STDERR, "Warning: the site runs the plugin from {$ccg_plugin_dir}, not from this checkout.\n" );
}

spl_autoload_register(
	static function ( string $class_name ): void {
		$prefix = 'CustomerCloudGallery\\Tests\\';
		if ( str_starts_with( $class_name, $prefix ) ) {
			$file = __DIR__ . '/' . str_replace( '\\', '/', substr( $class_name, strlen( $prefix ) ) ) . '.php';
			if ( is_readable( $file ) ) {
				require_once $file;
			}
		}
	}
);
