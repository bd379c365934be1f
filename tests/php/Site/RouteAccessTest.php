<?php
/**
 * Every route, dispatched as every role: who gets in and who does not.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Site;

use CustomerCloudGallery\Providers\OAuthApp\TokenRecord;
use CustomerCloudGallery\Tests\TestCase;

final class RouteAccessTest extends TestCase {

	private const VIEWERS  = array( 'contributor', 'author', 'editor', 'admin' );
	private const MANAGERS = array( 'admin' );
	private const ROLES    = array( null, 'subscriber', 'contributor', 'author', 'editor', 'admin' );

	/**
	 * @return array<string, array{string, string, array<string, mixed>, list<string>}>
	 */
	public static function routes(): array {
		return array(
			'list connections' => array( 'GET', '/connections', array(), self::VIEWERS ),
			'one connection'   => array( 'GET', '/connections/dropbox', array(), self::VIEWERS ),
			'save credentials' => array( 'POST', '/connections/dropbox/credentials', array( 'appKey' => 'k', 'appSecret' => 's', 'accessType' => 'full' ), self::MANAGERS ),
			'start connecting' => array( 'POST', '/connections/dropbox/authorize', array(), self::MANAGERS ),
			'disconnect'       => array( 'POST', '/connections/dropbox/disconnect', array(), self::MANAGERS ),
			'test connection'  => array( 'POST', '/connections/dropbox/test', array(), self::MANAGERS ),
			'browse folders'   => array( 'GET', '/folders', array(), self::VIEWERS ),
			'read settings'    => array( 'GET', '/settings', array(), self::MANAGERS ),
			'save settings'    => array( 'POST', '/settings', array( 'galleryRoot' => array( 'dropbox' => null ) ), self::MANAGERS ),
		);
	}

	/**
	 * @dataProvider routes
	 *
	 * @param array<string, mixed> $body
	 * @param list<string>         $allowed
	 */
	public function test_route_admits_exactly_the_right_roles( string $method, string $route, array $body, array $allowed ): void {
		// Without a gallery folder, /folders refuses everyone but administrators
		// in its callback (LeastPrivilegeTest); here only the permission check is tested.
		$this->services()->gallery_root()->set( 'dropbox', new \CustomerCloudGallery\Gallery\Folder( 'id:routeaccessroot0000000', 'Clients', '/Clients', '/clients' ) );
		foreach ( self::ROLES as $role ) {
			$this->act_as( $role );
			$response = $this->rest( $method, $route, $body );
			$who      = $role ?? 'a visitor';

			if ( null !== $role && in_array( $role, $allowed, true ) ) {
				$this->assertNotContains( $response->get_status(), array( 401, 403 ), "{$method} {$route} must admit {$who}." );
				continue;
			}
			$this->assertSame( null === $role ? 401 : 403, $response->get_status(), "{$method} {$route} must refuse {$who}." );
			$this->assertSame( 'ccg_forbidden', $response->get_data()['code'] );
		}
	}

	public function test_readers_get_no_account_or_scopes(): void {
		$this->act_as( 'admin' );
		$this->rest( 'POST', '/connections/dropbox/credentials', array( 'appKey' => 'key1', 'appSecret' => 'secret1', 'accessType' => 'full' ) );
		$this->dropbox_parts()->tokens()->save( new TokenRecord( 'sl.a', time() + 3600, 'r', array( 'files.metadata.read', 'files.content.read' ), 'dbid:1', 'Jane Photographer', 'jane@example.com', time() ) );

		foreach ( array( 'editor', 'author', 'contributor' ) as $role ) {
			$this->act_as( $role );
			$reader = $this->rest( 'GET', '/connections/dropbox' )->get_data();
			$this->assertSame( 'connected', $reader['status'], "A {$role} learns that Dropbox works." );
			$this->assertNull( $reader['account'], "…but not whose account it is ({$role})." );
			$this->assertSame( array(), $reader['grantedScopes'] );
			$this->assertStringNotContainsString( 'jane@example.com', (string) wp_json_encode( $this->rest( 'GET', '/connections' )->get_data() ) );
		}

		$this->act_as( 'admin' );
		$admin = $this->rest( 'GET', '/connections/dropbox' )->get_data();
		$this->assertSame( array( 'name' => 'Jane Photographer', 'email' => 'jane@example.com' ), $admin['account'] );
		$this->assertSame( array( 'files.metadata.read', 'files.content.read' ), $admin['grantedScopes'] );
	}

	public function test_readers_get_no_credentials_or_redirect_uri(): void {
		$this->act_as( 'admin' );
		$this->rest( 'POST', '/connections/dropbox/credentials', array( 'appKey' => 'key1', 'appSecret' => 'secret1', 'accessType' => 'app_folder' ) );

		$this->act_as( 'editor' );
		$editor = $this->rest( 'GET', '/connections/dropbox' )->get_data();
		$this->assertFalse( $editor['canManage'] );
		$this->assertNull( $editor['credentials'] );
		$this->assertNull( $editor['redirectUri'] );

		$this->act_as( 'admin' );
		$admin = $this->rest( 'GET', '/connections/dropbox' )->get_data();
		$this->assertTrue( $admin['canManage'] );
		$this->assertSame(
			array(
				'appKey'       => 'key1',
				'secretStored' => true,
				'accessType'   => 'app_folder',
			),
			$admin['credentials']
		);
		$this->assertSame( admin_url( 'admin-post.php?action=ccg_oauth_dropbox' ), $admin['redirectUri'] );
	}

	public function test_unknown_providers_do_not_match_a_route(): void {
		$this->act_as( 'admin' );
		$this->assertSame( 404, $this->rest( 'GET', '/connections/icloud' )->get_status() );
	}

	public function test_responses_follow_the_schema(): void {
		$this->act_as( 'admin' );
		$response = $this->rest( 'GET', '/connections' );
		$item     = $this->rest( 'OPTIONS', '/connections/dropbox' )->get_data()['schema'];

		$this->assertNotEmpty( $response->get_data() );
		foreach ( $response->get_data() as $connection ) {
			$this->assertSame( array_keys( $item['properties'] ), array_keys( $connection ) );
			$this->assertTrue( rest_validate_value_from_schema( $connection, $item ) );
		}
	}
}
