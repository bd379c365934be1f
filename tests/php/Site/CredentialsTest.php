<?php
/**
 * POST and DELETE /connections/dropbox/credentials.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Site;

use CustomerCloudGallery\Providers\OAuthApp\TokenRecord;
use CustomerCloudGallery\Tests\TestCase;

final class CredentialsTest extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		$this->act_as( 'admin' );
	}

	public function test_saving_makes_the_connection_ready_and_trims_pasted_values(): void {
		$response = $this->save( array( 'appKey' => "  key1\n", 'appSecret' => ' secret1 ', 'accessType' => 'full' ) );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'ready', $response->get_data()['status'] );
		$this->assertSame( 'key1', $response->get_data()['credentials']['appKey'] );
		$this->assertSame( 'secret1', $this->dropbox_parts()->credentials()->load()?->secret );
	}

	public function test_an_empty_secret_keeps_the_stored_one(): void {
		$this->save( array( 'appKey' => 'key1', 'appSecret' => 'secret1', 'accessType' => 'full' ) );
		$response = $this->save( array( 'appKey' => 'key1', 'accessType' => 'app_folder' ) );

		$this->assertSame( 200, $response->get_status() );
		$this->assertTrue( $response->get_data()['credentials']['secretStored'] );
		$this->assertSame( 'app_folder', $response->get_data()['credentials']['accessType'] );
		$this->assertSame( 'secret1', $this->dropbox_parts()->credentials()->load()?->secret );
	}

	public function test_a_secret_is_required_first(): void {
		$response = $this->save( array( 'appKey' => 'key1', 'appSecret' => '', 'accessType' => 'full' ) );

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'ccg_app_secret_required', $response->get_data()['code'] );
	}

	public function test_a_different_app_key_forgets_the_grant(): void {
		$this->save( array( 'appKey' => 'key1', 'appSecret' => 'secret1', 'accessType' => 'full' ) );
		$this->dropbox_parts()->tokens()->save( new TokenRecord( 'sl.a', time() + 3600, 'r', array( 'files.metadata.read', 'files.content.read' ), 'dbid:1', 'Jane', 'jane@example.com', time() ) );

		$same_key = $this->save( array( 'appKey' => 'key1', 'accessType' => 'full' ) );
		$this->assertSame( 'connected', $same_key->get_data()['status'], 'Re-saving the same app keeps the connection.' );

		$new_key = $this->save( array( 'appKey' => 'key2', 'appSecret' => 'secret2', 'accessType' => 'full' ) );
		$this->assertSame( 'ready', $new_key->get_data()['status'] );
		$this->assertFalse( $this->dropbox_parts()->tokens()->exists() );
	}

	public function test_delete_forgets_the_app_and_its_grant_for_administrators_only(): void {
		$this->save( array( 'appKey' => 'key1', 'appSecret' => 'secret1', 'accessType' => 'full' ) );
		$this->dropbox_parts()->tokens()->save( new TokenRecord( 'sl.a', time() + 3600, 'r', array( 'files.metadata.read', 'files.content.read' ), 'dbid:1', 'Jane', 'jane@example.com', time() ) );

		$this->act_as( 'editor' );
		$this->assertSame( 403, $this->rest( 'DELETE', '/connections/dropbox/credentials' )->get_status() );
		$this->assertTrue( $this->dropbox_parts()->tokens()->exists() );

		$this->act_as( 'admin' );
		$response = $this->rest( 'DELETE', '/connections/dropbox/credentials' );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'unconfigured', $response->get_data()['status'] );
		$this->assertFalse( $this->dropbox_parts()->tokens()->exists() );
		$this->assertNull( $this->dropbox_parts()->credentials()->summary() );
	}

	/**
	 * @dataProvider invalid_bodies
	 *
	 * @param array<string, mixed> $body
	 */
	public function test_invalid_bodies_are_refused( array $body ): void {
		$response = $this->save( $body );

		$this->assertSame( 400, $response->get_status() );
		$this->assertContains( $response->get_data()['code'], array( 'rest_invalid_param', 'rest_missing_callback_param' ) );
	}

	/**
	 * @return array<string, array{array<string, mixed>}>
	 */
	public static function invalid_bodies(): array {
		return array(
			'no app key'          => array( array( 'appSecret' => 's', 'accessType' => 'full' ) ),
			'blank app key'       => array( array( 'appKey' => '   ', 'appSecret' => 's', 'accessType' => 'full' ) ),
			'space inside key'    => array( array( 'appKey' => 'a b', 'appSecret' => 's', 'accessType' => 'full' ) ),
			'unknown access type' => array( array( 'appKey' => 'k', 'appSecret' => 's', 'accessType' => 'team' ) ),
			'no access type'      => array( array( 'appKey' => 'k', 'appSecret' => 's' ) ),
			'key not a string'    => array( array( 'appKey' => array( 'k' ), 'appSecret' => 's', 'accessType' => 'full' ) ),
		);
	}

	/**
	 * @param array<string, mixed> $body
	 */
	private function save( array $body ): \WP_REST_Response {
		return $this->rest( 'POST', '/connections/dropbox/credentials', $body );
	}
}
