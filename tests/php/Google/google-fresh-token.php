<?php
/**
 * Child process of GoogleConcurrentRefreshTest: loads WordPress like a web
 * request would, fakes Google's hosts (a token call takes 1.5 s and is
 * logged to a shared file), waits for the agreed start time, asks the
 * Google OAuth-app parts for a usable access token, proves it works, and prints the
 * outcome as JSON.
 *
 * Usage: php google-fresh-token.php <start-at unix time with microseconds> <token call log file>
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

use CustomerCloudGallery\Providers\Google\Backoff;
use CustomerCloudGallery\Providers\Google\Endpoints;
use CustomerCloudGallery\Providers\OAuthApp\Account;
use CustomerCloudGallery\Tests\Google\FakeGoogle;
use CustomerCloudGallery\Tests\Support\ProviderParts;

$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';

require getenv( 'CCG_WP_PATH' ) . '/wp-load.php';
require_once __DIR__ . '/FakeGoogle.php';
require_once __DIR__ . '/../Support/ProviderParts.php';

$start_at = (float) ( $argv[1] ?? 0 );
$log      = (string) ( $argv[2] ?? '' );

$google = new FakeGoogle();
$google->on(
	'POST oauth2.googleapis.com/token',
	static function () use ( $log ): array {
		file_put_contents( $log, getmypid() . "\n", FILE_APPEND | LOCK_EX );
		usleep( 1500000 );
		return FakeGoogle::json(
			200,
			array(
				'access_token' => 'ya29.refreshed-by-' . getmypid(),
				'expires_in'   => 3599,
				'scope'        => 'https://www.googleapis.com/auth/drive.readonly',
				'token_type'   => 'Bearer',
			)
		);
	}
);
$google->on(
	'GET www.googleapis.com/drive/v3/about',
	static fn ( array $request ): array => str_starts_with( (string) ( $request['headers']['Authorization'] ?? '' ), 'Bearer ya29.refreshed-by-' )
		? FakeGoogle::json( 200, array( 'user' => array( 'emailAddress' => 'alex@example.com' ) ) )
		: FakeGoogle::drive_error( 401, 'authError', 'Invalid Credentials' )
);
add_filter( 'pre_http_request', array( $google, 'intercept' ), 10, 3 );

if ( $start_at > microtime( true ) ) {
	time_sleep_until( $start_at );
}

$google_parts = ProviderParts::google( new Endpoints( 'https://accounts.google.com', 'https://oauth2.googleapis.com', 'https://www.googleapis.com' ), new Backoff() );
$started      = microtime( true );
try {
	$token   = $google_parts->access_tokens()->current()->access_token;
	$account = $google_parts->calls()->call( static fn ( string $access ): Account => $google_parts->api()->account( $access ) );
	$outcome = array(
		'token'   => hash( 'sha256', $token ),
		'account' => $account->email,
	);
} catch ( Throwable $error ) {
	$outcome = array( 'error' => get_class( $error ) . ': ' . $error->getMessage() );
}
$outcome['seconds'] = round( microtime( true ) - $started, 3 );

echo wp_json_encode( $outcome );
