<?php
/**
 * Plugin Name: Local environment (tools/local-wordpress)
 * Description: Copied into local development and test sites only. Adapts WordPress to PHP's built-in server and to a machine that cannot reach wordpress.org.
 *
 * @package CustomerCloudGallery
 */

// PHP's built-in server routes every path to index.php (tools/local-wordpress/php/router.php),
// but WordPress cannot detect that and would add /index.php/ to permalinks.
add_filter( 'got_url_rewrite', '__return_true' );
add_filter( 'got_rewrite', '__return_true' );

// No update checks: wordpress.org is out of reach (WP_HTTP_BLOCK_EXTERNAL), and each
// failed check writes a PHP warning to the debug log that the tests read.
remove_action( 'init', 'wp_schedule_update_checks' );
foreach ( array( 'wp_version_check', 'wp_update_plugins', 'wp_update_themes' ) as $ccg_check ) {
	remove_action( $ccg_check, $ccg_check );
}
foreach ( array( '_maybe_update_core', '_maybe_update_plugins', '_maybe_update_themes' ) as $ccg_check ) {
	remove_action( 'admin_init', $ccg_check );
}
foreach ( array( 'load-plugins.php', 'load-update.php', 'load-update-core.php' ) as $ccg_screen ) {
	remove_action( $ccg_screen, 'wp_update_plugins' );
}
foreach ( array( 'load-themes.php', 'load-update.php', 'load-update-core.php' ) as $ccg_screen ) {
	remove_action( $ccg_screen, 'wp_update_themes' );
}
remove_action( 'wp_maybe_auto_update', 'wp_maybe_auto_update' );
unset( $ccg_check, $ccg_screen );

// Update checks that core makes directly (Dashboard → Updates, Site Health): answer
// them locally with "nothing new" instead of letting them fail loudly.
add_filter(
	'pre_http_request',
	static function ( $response, $args, $url ) {
		if ( preg_match( '#^https?://api\.wordpress\.org/(core/version-check|plugins/update-check|themes/update-check)/#', (string) $url ) ) {
			return array(
				'headers'  => array(),
				'body'     => '{}',
				'response' => array(
					'code'    => 200,
					'message' => 'OK',
				),
				'cookies'  => array(),
				'filename' => null,
			);
		}
		return $response;
	},
	10,
	3
);
