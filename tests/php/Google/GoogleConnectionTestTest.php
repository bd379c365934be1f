<?php
/**
 * "Test connection" for Google Drive: who answered, what it sees, and the
 * diagnosis when it does not work.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Google;

use CustomerCloudGallery\Providers\Connection;

final class GoogleConnectionTestTest extends GoogleTestCase {

	public function test_a_working_connection_names_the_account_and_the_top_folders(): void {
		$this->store_grant();
		$drive = new FakeDrive( $this->google );
		$drive->folder( '1ClientsFolderAAAAA', 'Clients', FakeDrive::MY_DRIVE )->shared_drive( '0AStudioSharedAAAAA', 'Studio Shared' );
		$this->google->on(
			'GET ' . self::API . '/drive/v3/about',
			FakeGoogle::json(
				200,
				array(
					'user' => array(
						'displayName'  => 'Alex Photographer',
						'emailAddress' => 'alex@example.com',
					),
				)
			)
		);

		$result = $this->module->provider()->test();

		$this->assertTrue( $result->ok, $result->message );
		$this->assertSame( array( '/My Drive/Clients', '/Studio Shared' ), $result->visible_folders );
		$this->assertStringContainsString( 'Alex Photographer (alex@example.com)', $result->message );
		$this->assertStringContainsString( '/My Drive/Clients, /Studio Shared', $result->message );
		$list = $this->google->sent_to( 'GET ' . self::API . '/drive/v3/files' )[0];
		$this->assertSame( "'root' in parents and trashed = false and mimeType = 'application/vnd.google-apps.folder'", $list['query']['q'] );
	}

	public function test_without_credentials_it_says_how_to_set_up(): void {
		$result = $this->module->provider()->test();

		$this->assertFalse( $result->ok );
		$this->assertSame( Connection::STATUS_UNCONFIGURED, $result->connection->status );
		$this->assertSame( 'not_configured', $result->connection->problem?->code );
		$this->assertSame( array(), $this->google->requests );
	}

	public function test_a_testing_app_past_its_week_is_explained(): void {
		$this->store_grant( -10, 8 * DAY_IN_SECONDS );
		$this->google->on(
			'POST ' . self::TOKEN . '/token',
			FakeGoogle::json(
				400,
				array(
					'error'             => 'invalid_grant',
					'error_description' => 'Token has been expired or revoked.',
				)
			)
		);

		$result = $this->module->provider()->test();

		$this->assertFalse( $result->ok );
		$this->assertSame( 'testing_grant_expired', $result->connection->problem?->code );
		$this->assertStringContainsString( 'Publish app', $result->message );
	}

	public function test_a_disabled_api_is_explained_and_cleared_once_enabled(): void {
		$this->store_grant();
		new FakeDrive( $this->google );
		$this->google->on(
			'GET ' . self::API . '/drive/v3/about',
			array(
				FakeGoogle::drive_error( 403, 'accessNotConfigured', 'Google Drive API has not been used in project 123 before or it is disabled.' ),
				FakeGoogle::json( 200, array( 'user' => array( 'emailAddress' => 'alex@example.com' ) ) ),
			)
		);

		$first = $this->module->provider()->test();
		$this->assertFalse( $first->ok );
		$this->assertSame( 'api_disabled', $first->connection->problem?->code );
		$this->assertSame( Connection::STATUS_NEEDS_ATTENTION, $this->module->provider()->connection()->status );

		$second = $this->module->provider()->test();
		$this->assertTrue( $second->ok, $second->message );
		$this->assertSame( Connection::STATUS_CONNECTED, $second->connection->status );
	}
}
