<?php
/**
 * My Drive where Drive will not resolve the "root" alias to an id.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Google;

final class GoogleMyDriveAliasTest extends GoogleTestCase {

	public function test_my_drive_is_its_alias_where_drive_will_not_resolve_it(): void {
		$this->store_grant();
		$not_found = array(
			'error' => array(
				'code'    => 404,
				'message' => 'File not found: root.',
				'errors'  => array(
					array(
						'domain'  => 'global',
						'reason'  => 'notFound',
						'message' => 'File not found: root.',
					),
				),
			),
		);
		$this->google->on( 'GET ' . self::API . '/drive/v3/files/root', FakeGoogle::json( 404, $not_found ) );
		$this->google->on( 'GET ' . self::API . '/drive/v3/drives', FakeGoogle::json( 200, array( 'drives' => array() ) ) );

		$source = $this->module->source();
		$top    = $source->list( $source->root() );

		$this->assertSame( array( '/root' => array( 'root', 'My Drive', '/My Drive' ) ), $top->folders );
		$this->assertTrue( $source->accepts_reference( 'root' ) );
	}
}
