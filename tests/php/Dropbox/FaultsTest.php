<?php
/**
 * Rate limits and outages reported as such, never as a broken connection.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Dropbox;

use CustomerCloudGallery\Tests\SandboxTestCase;

final class FaultsTest extends SandboxTestCase {

	protected function setUp(): void {
		parent::setUp();
		$this->register_app();
		$this->save_credentials();
		$this->assertSame( array( 'ccg_oauth' => 'connected' ), $this->connect() );
	}

	/**
	 * @dataProvider rate_limit_bodies
	 */
	public function test_rate_limits_say_when_to_try_again( string $body ): void {
		$this->sandbox->add_fault(
			array(
				'route'      => 'files/list_folder',
				'kind'       => 'status',
				'status'     => 429,
				'retryAfter' => 7,
				'body'       => $body,
				'count'      => 1,
			)
		);

		$result = $this->rest( 'POST', '/connections/dropbox/test' )->get_data();

		$this->assertFalse( $result['ok'] );
		$this->assertSame( 'rate_limited', $result['connection']['problem']['code'] );
		$this->assertSame( 'Try again in 7 seconds.', $result['connection']['problem']['fix'] );
		$this->assertSame( 'retry', $result['connection']['problem']['action'] );
		$this->assertSame( 'connected', $result['connection']['status'], 'The connection itself is fine.' );
	}

	/**
	 * @return array<string, array{string}>
	 */
	public static function rate_limit_bodies(): array {
		return array(
			'JSON'       => array( 'json' ),
			'plain text' => array( 'text' ),
		);
	}

	/**
	 * @dataProvider outages
	 *
	 * @param array<string, mixed> $fault
	 */
	public function test_outages_are_unreachable_and_change_nothing( array $fault ): void {
		$this->sandbox->add_fault( $fault + array( 'route' => 'files/list_folder' ) );

		$result = $this->rest( 'POST', '/connections/dropbox/test' )->get_data();

		$this->assertFalse( $result['ok'] );
		$this->assertSame( 'unreachable', $result['connection']['problem']['code'] );
		$this->assertSame( 'Dropbox could not be reached; nothing was changed.', $result['connection']['problem']['message'] );
		$this->assertSame( 'connected', $this->rest( 'GET', '/connections/dropbox' )->get_data()['status'] );
	}

	/**
	 * @return array<string, array{array<string, mixed>}>
	 */
	public static function outages(): array {
		return array(
			'503'             => array(
				array(
					'kind'   => 'status',
					'status' => 503,
				),
			),
			'500'             => array(
				array(
					'kind'   => 'status',
					'status' => 500,
				),
			),
			'dropped socket'  => array( array( 'kind' => 'drop' ) ),
		);
	}

	public function test_an_outage_during_connect_changes_nothing(): void {
		$this->rest( 'POST', '/connections/dropbox/disconnect' );
		$this->sandbox->add_fault(
			array(
				'route'  => 'oauth2/token',
				'kind'   => 'status',
				'status' => 503,
			)
		);

		$this->assertSame(
			array(
				'ccg_oauth' => 'error',
				'ccg_code'  => 'unreachable',
			),
			$this->connect()
		);
		$this->assertSame( 'ready', $this->rest( 'GET', '/connections/dropbox' )->get_data()['status'] );
	}
}
