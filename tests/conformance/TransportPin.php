<?php
/**
 * Makes every WordPress HTTP request of this process use one Requests
 * transport, and notes which transports actually sent something.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Conformance;

use InvalidArgumentException;
use WpOrg\Requests\Transport\Curl;
use WpOrg\Requests\Transport\Fsockopen;

/**
 * WordPress picks the first transport Requests finds usable (cURL when the
 * extension is loaded, fsockopen otherwise) and exposes no setting for it.
 * Requests reads `$options['transport']` after its `requests.before_request`
 * hook, which WordPress relays as the `requests-requests.before_request`
 * action with every argument by reference (WP_HTTP_Requests_Hooks).
 */
final class TransportPin {

	private const CLASSES = array(
		'curl'      => Curl::class,
		'fsockopen' => Fsockopen::class,
	);

	/** @var array<string, true> */
	private array $used = array();

	public function __construct( private string $transport ) {
		if ( ! isset( self::CLASSES[ $transport ] ) ) {
			throw new InvalidArgumentException( "Unknown transport {$transport}." );
		}
	}

	public function register(): void {
		add_action(
			'requests-requests.before_request',
			function ( &$url, &$headers, &$data, &$type, &$options ): void {
				$options['transport'] = self::CLASSES[ $this->transport ];
			},
			10,
			5
		);
		// Each transport fires its own hooks: proof of which one sent the request.
		add_action(
			'requests-curl.before_send',
			function (): void {
				$this->used['curl'] = true;
			}
		);
		// Requests sent together (Transport::request_all) go through cURL's multi handle.
		add_action(
			'requests-curl.before_multi_add',
			function (): void {
				$this->used['curl'] = true;
			}
		);
		add_action(
			'requests-fsockopen.after_headers',
			function (): void {
				$this->used['fsockopen'] = true;
			}
		);
	}

	/** The transports that sent requests, e.g. "curl"; "" if none did. */
	public function used(): string {
		return implode( ',', array_keys( $this->used ) );
	}
}
