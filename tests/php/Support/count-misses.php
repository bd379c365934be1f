<?php
/**
 * Child process of WindowCounterTest: one PHP worker counting misses.
 *
 * Usage: php count-misses.php <option|chosen> <key> <window start> <times> <start-at unix time with microseconds>
 * Prints the counts it was given, as JSON.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';

require getenv( 'CCG_WP_PATH' ) . '/wp-load.php';

$counter = 'option' === $argv[1] ? new CustomerCloudGallery\Cache\OptionCounter() : ( new CustomerCloudGallery\Cache\WindowCounters() )->create();
$start_at = (float) $argv[5];
if ( $start_at > microtime( true ) ) {
	time_sleep_until( $start_at );
}
$counts = array();
for ( $i = 0; $i < (int) $argv[4]; $i++ ) {
	$counts[] = $counter->increment( (string) $argv[2], (int) $argv[3], MINUTE_IN_SECONDS );
}
echo wp_json_encode( $counts );
