<?php
/**
 * The encrypted one-record option both providers' TokenStores use.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Site;

use CustomerCloudGallery\Providers\OAuthApp\TokenRecord;
use CustomerCloudGallery\Storage\EncryptedRecordStore;
use CustomerCloudGallery\Storage\Encryption;
use CustomerCloudGallery\Storage\EncryptionKey;
use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Storage\OptionStore;
use CustomerCloudGallery\Storage\UnreadableSecret;
use CustomerCloudGallery\Tests\TestCase;

final class EncryptedRecordStoreTest extends TestCase {

	private const OPTION = Keys::PREFIX . 'test_record';

	public function test_a_record_round_trips_and_is_unreadable_in_the_database(): void {
		$store = $this->store();
		$this->assertNull( $store->load() );
		$this->assertFalse( $store->exists() );

		$store->save( $this->record()->to_array() );

		$this->assertTrue( $store->exists() );
		$this->assertEquals( $this->record(), $store->load() );
		$raw = (string) get_option( self::OPTION );
		$this->assertStringStartsWith( 'ccg1:', $raw );
		$this->assertStringNotContainsString( 'ya29.test-access', $raw );
		$this->assertStringNotContainsString( 'alex@example.com', $raw );
	}

	public function test_a_fresh_load_sees_what_another_process_wrote(): void {
		global $wpdb;
		$store = $this->store();
		$store->save( $this->record()->to_array() );
		$this->assertSame( 'ya29.test-access', $store->load()?->access_token );

		$newer = new TokenRecord( 'ya29.newer', time() + 3599, 'r', null, null, null, null, time() );
		$wpdb->update( $wpdb->options, array( 'option_value' => $this->encryption()->encrypt( (string) wp_json_encode( $newer->to_array() ) ) ), array( 'option_name' => self::OPTION ) );

		$this->assertSame( 'ya29.test-access', $store->load()?->access_token, 'A plain load keeps this request\'s copy.' );
		$this->assertSame( 'ya29.newer', $store->load( true )?->access_token );
	}

	public function test_data_that_is_not_a_record_is_unreadable_but_still_exists(): void {
		update_option( self::OPTION, $this->encryption()->encrypt( '{"not": "a record"}' ), false );
		$store = $this->store();

		$this->assertTrue( $store->exists(), 'An unreadable record still has to be deleted.' );
		$this->expectException( UnreadableSecret::class );
		$store->load();
	}

	public function test_only_a_stored_record_nobody_can_read_is_unreadable(): void {
		$store = $this->store();
		$this->assertTrue( $store->readable(), 'Nothing stored is nothing to forget.' );

		$store->save( $this->record()->to_array() );
		$this->assertTrue( $store->readable() );

		update_option( self::OPTION, 'ccg1:' . base64_encode( str_repeat( "\0", 24 ) . str_repeat( 'x', 40 ) ), false );
		$this->assertFalse( $store->readable(), 'Encrypted with another key.' );
	}

	public function test_an_empty_option_is_no_record(): void {
		update_option( self::OPTION, '', false );

		$this->assertNull( $this->store()->load() );
	}

	public function test_delete_forgets_the_record(): void {
		$store = $this->store();
		$store->save( $this->record()->to_array() );

		$store->delete();

		$this->assertFalse( $store->exists() );
		$this->assertNull( $store->load( true ) );
	}

	/**
	 * @return EncryptedRecordStore<TokenRecord>
	 */
	private function store(): EncryptedRecordStore {
		return new EncryptedRecordStore( new OptionStore(), $this->encryption(), self::OPTION, TokenRecord::from_array( ... ) );
	}

	private function encryption(): Encryption {
		return new Encryption( new EncryptionKey() );
	}

	private function record(): TokenRecord {
		return new TokenRecord( 'ya29.test-access', 2000000000, 'test-refresh', array( 'https://www.googleapis.com/auth/drive.readonly' ), null, 'Alex', 'alex@example.com', 1700000000 );
	}
}
