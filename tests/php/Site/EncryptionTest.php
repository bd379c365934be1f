<?php
/**
 * Secrets at rest: the cipher, and what happens when its key changes.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Site;

use CustomerCloudGallery\Providers\OAuthApp\TokenRecord;
use CustomerCloudGallery\Storage\Encryption;
use CustomerCloudGallery\Storage\EncryptionKey;
use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Storage\UnreadableSecret;
use CustomerCloudGallery\Tests\TestCase;

final class EncryptionTest extends TestCase {

	public function test_round_trip_uses_a_fresh_nonce_and_a_versioned_prefix(): void {
		$encryption = new Encryption( new EncryptionKey() );

		$first  = $encryption->encrypt( 'app-secret-value' );
		$second = $encryption->encrypt( 'app-secret-value' );

		$this->assertStringStartsWith( 'ccg1:', $first );
		$this->assertNotSame( $first, $second, 'Each value gets its own random nonce.' );
		$this->assertStringNotContainsString( 'app-secret-value', $first );
		$this->assertSame( 'app-secret-value', $encryption->decrypt( $first ) );
		$this->assertSame( 'app-secret-value', $encryption->decrypt( $second ) );
	}

	/**
	 * @dataProvider unreadable_values
	 */
	public function test_foreign_or_tampered_values_are_unreadable( string $stored ): void {
		$this->expectException( UnreadableSecret::class );
		( new Encryption( new EncryptionKey() ) )->decrypt( $stored );
	}

	/**
	 * @return array<string, array{string}>
	 */
	public static function unreadable_values(): array {
		return array(
			'plain text' => array( 'not-encrypted' ),
			'bad base64' => array( 'ccg1:@@@' ),
			'too short'  => array( 'ccg1:' . base64_encode( 'short' ) ),
			'wrong key'  => array( 'ccg1:' . base64_encode( str_repeat( "\0", 24 ) . str_repeat( 'x', 40 ) ) ),
		);
	}

	public function test_secrets_are_stored_encrypted_and_not_autoloaded(): void {
		$this->act_as( 'admin' );
		$this->rest( 'POST', '/connections/dropbox/credentials', array( 'appKey' => 'key1', 'appSecret' => 'the-app-secret', 'accessType' => 'full' ) );
		$this->dropbox_parts()->tokens()->save( $this->record() );

		global $wpdb;
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT option_name, option_value, autoload FROM {$wpdb->options} WHERE option_name IN (%s, %s)", Keys::DROPBOX_CREDENTIALS, Keys::DROPBOX_TOKEN ) );
		$this->assertCount( 2, $rows );
		foreach ( $rows as $row ) {
			$this->assertStringNotContainsString( 'the-app-secret', $row->option_value );
			$this->assertStringNotContainsString( 'sl.test-access', $row->option_value );
			$this->assertStringNotContainsString( 'test-refresh', $row->option_value );
			$this->assertContains( $row->autoload, array( 'off', 'no' ), "{$row->option_name} must not be autoloaded." );
		}
	}

	public function test_changed_salts_make_the_connection_need_attention_without_a_fatal(): void {
		$this->skip_when_key_is_pinned();
		$this->act_as( 'admin' );
		$this->rest( 'POST', '/connections/dropbox/credentials', array( 'appKey' => 'key1', 'appSecret' => 'the-app-secret', 'accessType' => 'full' ) );
		$this->dropbox_parts()->tokens()->save( $this->record() );
		$this->assertSame( 'connected', $this->rest( 'GET', '/connections/dropbox' )->get_data()['status'] );

		$this->add_filter( 'salt', static fn ( string $salt ): string => $salt . '-rotated' );

		$connection = $this->rest( 'GET', '/connections/dropbox' );
		$this->assertSame( 200, $connection->get_status() );
		$this->assertSame( 'needs_attention', $connection->get_data()['status'] );
		$this->assertSame( 'credentials_unreadable', $connection->get_data()['problem']['code'] );
		$this->assertSame( 'save_credentials', $connection->get_data()['problem']['action'], 'The App secret is unreadable too, so it must be saved again.' );

		$test = $this->rest( 'POST', '/connections/dropbox/test' );
		$this->assertSame( 200, $test->get_status() );
		$this->assertFalse( $test->get_data()['ok'] );
		$this->assertSame( 'credentials_unreadable', $test->get_data()['connection']['problem']['code'] );

		$authorize = $this->rest( 'POST', '/connections/dropbox/authorize' );
		$this->assertSame( 409, $authorize->get_status() );
		$this->assertSame( 'ccg_credentials_unreadable', $authorize->get_data()['code'] );

		$disconnect = $this->rest( 'POST', '/connections/dropbox/disconnect' );
		$this->assertSame( 200, $disconnect->get_status(), 'Unreadable tokens can still be dropped.' );
		$this->assertFalse( $this->dropbox_parts()->tokens()->exists() );

		$saved = $this->rest( 'POST', '/connections/dropbox/credentials', array( 'appKey' => 'key1', 'appSecret' => 'the-app-secret', 'accessType' => 'full' ) );
		$this->assertSame( 'ready', $saved->get_data()['status'], 'Saving the secret again recovers; Connect Dropbox is next.' );
	}

	public function test_an_unreadable_grant_with_a_readable_secret_asks_to_reconnect(): void {
		$this->act_as( 'admin' );
		$this->rest( 'POST', '/connections/dropbox/credentials', array( 'appKey' => 'key1', 'appSecret' => 'the-app-secret', 'accessType' => 'full' ) );
		update_option( Keys::DROPBOX_TOKEN, 'ccg1:' . base64_encode( random_bytes( 80 ) ), false );

		$data = $this->rest( 'GET', '/connections/dropbox' )->get_data();
		$this->assertSame( 'needs_attention', $data['status'] );
		$this->assertSame( 'credentials_unreadable', $data['problem']['code'] );
		$this->assertSame( 'reconnect', $data['problem']['action'] );
	}

	private function record(): TokenRecord {
		return new TokenRecord( 'sl.test-access', time() + 3600, 'test-refresh', array( 'account_info.read', 'files.metadata.read', 'files.content.read' ), 'dbid:1', 'Jane', 'jane@example.com', time() );
	}

	private function skip_when_key_is_pinned(): void {
		if ( defined( 'CCG_ENCRYPTION_KEY' ) ) {
			$this->markTestSkipped( 'CCG_ENCRYPTION_KEY is defined on this site, so salts do not affect the key.' );
		}
	}
}
