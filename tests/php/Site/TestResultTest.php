<?php
/**
 * How every provider's "Test connection" outcome is worded.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Site;

use CustomerCloudGallery\Providers\Connection;
use CustomerCloudGallery\Providers\Problem;
use CustomerCloudGallery\Providers\TestResult;
use PHPUnit\Framework\TestCase;

final class TestResultTest extends TestCase {

	public function test_nothing_connected_is_untestable_with_the_stored_problem_or_connect_first(): void {
		$configured = $this->connection( Connection::STATUS_UNCONFIGURED, new Problem( 'not_configured', 'No app.', 'Save one.' ) );
		$result     = TestResult::untestable( $configured, $this->not_connected() );
		$this->assertFalse( $result?->ok );
		$this->assertSame( 'No app. Save one.', $result?->message );
		$this->assertSame( 'not_configured', $result?->connection->problem?->code );

		$ready  = $this->connection( Connection::STATUS_READY );
		$result = TestResult::untestable( $ready, $this->not_connected() );
		$this->assertSame( 'Connect first. Press Connect.', $result?->message );
		$this->assertSame( 'not_connected', $result?->connection->problem?->code );
	}

	public function test_unreadable_credentials_are_untestable_other_problems_are_not(): void {
		$unreadable = $this->connection( Connection::STATUS_NEEDS_ATTENTION, new Problem( 'credentials_unreadable', 'Keys changed.', 'Reconnect.' ) );
		$this->assertSame( 'Keys changed. Reconnect.', TestResult::untestable( $unreadable, $this->not_connected() )?->message );

		$revoked = $this->connection( Connection::STATUS_NEEDS_ATTENTION, new Problem( 'revoked', 'Revoked.', 'Reconnect.' ) );
		$this->assertNull( TestResult::untestable( $revoked, $this->not_connected() ), 'A test may show that a refusal is over.' );
		$this->assertNull( TestResult::untestable( $this->connection( Connection::STATUS_CONNECTED ), $this->not_connected() ) );
	}

	public function test_an_answer_names_at_most_ten_folders_and_counts_the_rest(): void {
		$folders = array_map( static fn ( int $i ): string => "/F{$i}", range( 1, 12 ) );

		$result = TestResult::answered( $this->connection( Connection::STATUS_CONNECTED ), 'It answered for Jane.', 'It sees nothing.', $folders );

		$this->assertTrue( $result->ok );
		$this->assertSame( 'It answered for Jane. Top-level folders it sees: /F1, /F2, /F3, /F4, /F5, /F6, /F7, /F8, /F9, /F10 and 2 more.', $result->message );
		$this->assertSame( $folders, $result->visible_folders );
	}

	public function test_a_top_level_read_only_in_part_says_at_least_and_the_thumbnail_is_reported(): void {
		$folders = array_map( static fn ( int $i ): string => "/F{$i}", range( 1, 14 ) );

		$result = TestResult::answered( $this->connection( Connection::STATUS_CONNECTED ), 'It answered.', 'It sees nothing.', $folders, false, 'It fetched a thumbnail of /F1/a.jpg.' );

		$this->assertSame( 'It answered. Top-level folders it sees: /F1, /F2, /F3, /F4, /F5, /F6, /F7, /F8, /F9, /F10 and at least 4 more. It fetched a thumbnail of /F1/a.jpg.', $result->message );
	}

	public function test_an_answer_with_no_folders_and_a_remaining_problem_is_not_ok(): void {
		$after = $this->connection( Connection::STATUS_NEEDS_ATTENTION, new Problem( 'missing_scope', 'A permission is missing.', 'Tick it.' ) );

		$result = TestResult::answered( $after, 'It answered.', 'It sees nothing.', array() );

		$this->assertFalse( $result->ok );
		$this->assertSame( 'It answered. It sees nothing. A permission is missing. Tick it.', $result->message );
		$this->assertSame( array(), $result->visible_folders );
	}

	private function connection( string $status, ?Problem $problem = null ): Connection {
		return new Connection( 'dropbox', 'Dropbox', $status, null, 'https://site.test/callback', null, null, array(), array(), null, $problem );
	}

	private function not_connected(): Problem {
		return new Problem( 'not_connected', 'Connect first.', 'Press Connect.' );
	}
}
