<?php
/**
 * The plugin's side of the conformance suite: loads WordPress like a web
 * request would and makes each provider call of a scenario through the
 * plugin's own HTTP clients, on the WordPress HTTP transport it is told to
 * use. The sandbox records what arrives; conformance.test.ts compares it
 * with what the official clients send for the same scenario.
 *
 * Usage: php driver.php <scenario.json>
 * Prints JSON: { transport, steps: [ { step, ok, error? } ], values: { name: value } }.
 * "values" are what differs between runs by nature (tokens, cursors, page
 * tokens); the test replaces them with their names before comparing.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

use CustomerCloudGallery\Tests\Conformance\DropboxSteps;
use CustomerCloudGallery\Tests\Conformance\GoogleSteps;
use CustomerCloudGallery\Tests\Conformance\TransportPin;

$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
// No WP-Cron spawn: the only HTTP requests of this process are the scenario's.
define( 'DISABLE_WP_CRON', true );

require getenv( 'CCG_WP_PATH' ) . '/wp-load.php';
require_once __DIR__ . '/TransportPin.php';
require_once __DIR__ . '/DiscardSink.php';
require_once __DIR__ . '/DropboxSteps.php';
require_once __DIR__ . '/GoogleSteps.php';

/**
 * @var array{provider: string, transport: string, steps: list<array{step: string, args: array<string, mixed>}>, setup: array<string, string>} $scenario
 */
$scenario = json_decode( (string) file_get_contents( (string) ( $argv[1] ?? '' ) ), true, 512, JSON_THROW_ON_ERROR );

$pin = new TransportPin( (string) $scenario['transport'] );
$pin->register();

$steps  = 'dropbox' === $scenario['provider'] ? new DropboxSteps( $scenario['setup'] ) : new GoogleSteps( $scenario['setup'] );
$report = array();
foreach ( $scenario['steps'] as $step ) {
	try {
		$steps->run( (string) $step['step'], (array) $step['args'] );
		$report[] = array(
			'step' => $step['step'],
			'ok'   => true,
		);
	} catch ( Throwable $error ) {
		$report[] = array(
			'step'  => $step['step'],
			'ok'    => false,
			'error' => get_class( $error ) . ': ' . $error->getMessage(),
		);
	}
}

echo wp_json_encode(
	array(
		'transport' => $pin->used(),
		'steps'     => $report,
		'values'    => $steps->values(),
	)
);
