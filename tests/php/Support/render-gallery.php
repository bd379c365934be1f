<?php
/**
 * Child process of ListingConcurrencyTest: a page view of one gallery, as a
 * separate PHP worker would render it. Prints how many photos it listed.
 *
 * Usage: php render-gallery.php <folder id> <start-at unix time with microseconds>
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';

require getenv( 'CCG_WP_PATH' ) . '/wp-load.php';

$start_at = (float) ( $argv[2] ?? 0 );
if ( $start_at > microtime( true ) ) {
	time_sleep_until( $start_at );
}
try {
	$listing = CustomerCloudGallery\Plugin::services()->folder_listings()->for_render( 'dropbox', (string) $argv[1] );
	echo wp_json_encode( array( 'photos' => count( $listing->photos() ) ) );
} catch ( Throwable $error ) {
	echo wp_json_encode( array( 'error' => get_class( $error ) . ': ' . $error->getMessage() ) );
}
