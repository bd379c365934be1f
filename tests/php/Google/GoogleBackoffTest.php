<?php
/**
 * Truncated exponential backoff on Drive's rate limits and 5xx, within a
 * budget, and what the gallery sees once it gives up. Nothing really sleeps.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Google;

use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Providers\Connection;
use CustomerCloudGallery\Providers\Google\Backoff;
use CustomerCloudGallery\Providers\Google\GoogleError;

final class GoogleBackoffTest extends GoogleTestCase {

	private const FOLDER = '1ClientsFolderAAAAA';

	protected function setUp(): void {
		parent::setUp();
		$this->store_grant();
	}

	public function test_rate_limits_are_retried_after_growing_waits(): void {
		$this->google->on(
			'GET ' . self::API . '/drive/v3/about',
			array(
				FakeGoogle::drive_error( 403, 'userRateLimitExceeded', 'User rate limit exceeded.' ),
				FakeGoogle::drive_error( 429, 'rateLimitExceeded', 'Rate Limit Exceeded' ),
				FakeGoogle::json( 200, array( 'user' => array( 'displayName' => 'Alex' ) ) ),
			)
		);

		$account = $this->parts->calls()->call( fn ( string $token ) => $this->parts->api()->account( $token ) );

		$this->assertSame( 'Alex', $account->name );
		$this->assertSame( 3, $this->google->count( 'GET ' . self::API ) );
		$this->assertCount( 2, $this->sleeps );
		$this->assertEqualsWithDelta( 0.625, $this->sleeps[0], 0.001, 'About half a second, plus jitter.' );
		$this->assertEqualsWithDelta( 1.25, $this->sleeps[1], 0.001, 'Then about twice that.' );
	}

	public function test_server_errors_are_retried_too(): void {
		$this->google->on(
			'GET ' . self::API . '/drive/v3/about',
			array(
				FakeGoogle::drive_error( 503, 'backendError', 'Backend Error' ),
				FakeGoogle::bytes( 502, '<html>Bad Gateway</html>', array( 'content-type' => 'text/html' ) ),
				FakeGoogle::json( 200, array( 'user' => array( 'displayName' => 'Alex' ) ) ),
			)
		);

		$this->parts->calls()->call( fn ( string $token ) => $this->parts->api()->account( $token ) );

		$this->assertCount( 2, $this->sleeps );
	}

	public function test_the_backoff_gives_up_within_its_budget_and_the_gallery_sees_rate_limited(): void {
		$this->sleeps = array();
		$this->module = $this->module( false, 1.0 );
		$this->google->on( 'GET ' . self::API . '/drive/v3/files/', FakeGoogle::drive_error( 403, 'rateLimitExceeded', 'Rate Limit Exceeded' ) );

		try {
			$this->module->source()->folder( self::FOLDER );
			$this->fail( 'A rate limit that does not end must reach the gallery.' );
		} catch ( GalleryException $exception ) {
			$this->assertSame( GalleryException::RATE_LIMITED, $exception->reason );
			$this->assertSame( 429, $exception->http_status );
			$this->assertSame( 15, $exception->retry_after );
			$this->assertSame( 'rate_limited', $exception->problem?->code );
		}
		$this->assertSame( 4, $this->google->count( 'GET ' . self::API ), 'One try and three retries.' );
		$this->assertSame( array( 0.75, 1.5, 2.5 ), $this->sleeps, 'Exponential, with full jitter, each wait capped.' );
		$this->assertLessThanOrEqual( Backoff::BUDGET, array_sum( $this->sleeps ) );
	}

	public function test_a_retry_after_beyond_the_budget_ends_retrying_at_once(): void {
		$this->google->on(
			'GET ' . self::API . '/drive/v3/about',
			FakeGoogle::bytes( 429, '{"error":{"code":429,"errors":[{"reason":"rateLimitExceeded"}]}}', array( 'retry-after' => '30' ) )
		);

		try {
			$this->parts->calls()->call( fn ( string $token ) => $this->parts->api()->account( $token ) );
			$this->fail( 'Expected the rate limit to surface.' );
		} catch ( GoogleError $error ) {
			$this->assertSame( GoogleError::RATE_LIMITED, $error->kind );
			$this->assertSame( 30, $error->retry_after );
		}
		$this->assertSame( array(), $this->sleeps );
		$this->assertSame( 1, $this->google->count( 'GET ' . self::API ) );
	}

	public function test_client_errors_are_not_retried(): void {
		$this->google->on( 'GET ' . self::API . '/drive/v3/files/', FakeGoogle::drive_error( 404, 'notFound', 'File not found: ' . self::FOLDER . '.' ) );

		try {
			$this->module->source()->folder( self::FOLDER );
			$this->fail( 'A missing folder must be reported.' );
		} catch ( GalleryException $exception ) {
			$this->assertSame( GalleryException::FOLDER_NOT_FOUND, $exception->reason );
		}
		$this->assertSame( array(), $this->sleeps );
		$this->assertSame( 1, $this->google->count( 'GET ' . self::API ) );
	}

	public function test_insufficient_permissions_is_a_missing_scope_with_the_box_to_tick(): void {
		$this->google->on(
			'GET ' . self::API . '/drive/v3/files/',
			FakeGoogle::drive_error( 403, 'insufficientPermissions', 'Insufficient Permission: Request had insufficient authentication scopes.', array( 'status' => 'PERMISSION_DENIED' ) )
		);

		try {
			$this->module->source()->folder( self::FOLDER );
			$this->fail( 'A missing scope must be reported.' );
		} catch ( GalleryException $exception ) {
			$this->assertSame( GalleryException::MISSING_SCOPE, $exception->reason );
			$this->assertSame( 403, $exception->http_status );
			$this->assertStringContainsString( 'tick the box that lets the app see and download your Google Drive files', (string) $exception->problem?->fix );
		}
		$this->assertSame( array(), $this->sleeps );
		$connection = $this->module->provider()->connection();
		$this->assertSame( Connection::STATUS_NEEDS_ATTENTION, $connection->status, 'Remembered for the Settings screen.' );
		$this->assertSame( 'missing_scope', $connection->problem?->code );
	}

	public function test_access_not_configured_says_to_enable_the_drive_api_until_it_works(): void {
		$this->google->on(
			'GET ' . self::API . '/drive/v3/files/',
			array(
				FakeGoogle::drive_error( 403, 'accessNotConfigured', 'Google Drive API has not been used in project 123 before or it is disabled.' ),
				FakeGoogle::json(
					200,
					array(
						'id'       => self::FOLDER,
						'name'     => 'Clients',
						'mimeType' => 'application/vnd.google-apps.folder',
					)
				),
			)
		);
		$this->google->on( 'GET ' . self::API . '/drive/v3/files/root', FakeGoogle::json( 200, array( 'id' => '0AMyDriveRootAAAAA' ) ) );

		try {
			$this->module->source()->folder( self::FOLDER );
			$this->fail( 'A disabled API must be reported.' );
		} catch ( GalleryException $exception ) {
			$this->assertSame( GalleryException::NOT_CONNECTED, $exception->reason );
			$this->assertSame( 'api_disabled', $exception->problem?->code );
			$this->assertStringContainsString( 'Enable the Google Drive API for your project (Google Cloud console → APIs & Services → Library → Google Drive API → Enable), wait a minute, then press Test connection', (string) $exception->problem?->fix );
		}
		$this->assertSame( 'api_disabled', $this->module->provider()->connection()->problem?->code );

		$this->module->source()->folder( self::FOLDER );
		$this->assertSame( Connection::STATUS_CONNECTED, $this->module->provider()->connection()->status, 'A call that works clears it.' );
	}
}
