<?php
/**
 * Child process of ConcurrentRefreshTest: loads WordPress like a web request
 * would, waits for the agreed start time, asks the plugin for a usable
 * Dropbox access token, proves it works, and prints the outcome as JSON.
 *
 * Usage: php fresh-token.php <start-at unix time with microseconds>
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';

require getenv( 'CCG_WP_PATH' ) . '/wp-load.php';

$start_at = (float) ( $argv[1] ?? 0 );
if ( $start_at > microtime( true ) ) {
	time_sleep_until( $start_at );
}

require_once __DIR__ . '/ProviderParts.php';
$dropbox = CustomerCloudGallery\Tests\Support\ProviderParts::dropbox();
$started  = microtime( true );
try {
	$token   = $dropbox->access_tokens()->current()->access_token;
	$account = $dropbox->api()->account( $token );
	$outcome = array(
		'token'   => hash( 'sha256', $token ),
		'account' => $account->email,
	);
} catch ( Throwable $error ) {
	$outcome = array( 'error' => get_class( $error ) . ': ' . $error->getMessage() );
}
$outcome['seconds'] = round( microtime( true ) - $started, 3 );

echo wp_json_encode( $outcome );
