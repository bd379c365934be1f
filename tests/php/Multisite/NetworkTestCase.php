<?php
/**
 * Base class of the network tests: the subsites by path, their users, and
 * requests to them over HTTP as a given user, the way their browsers and
 * REST clients reach them.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Multisite;

use CustomerCloudGallery\Storage\Cleanup;
use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Tests\Support\Http;
use CustomerCloudGallery\Tests\TestCase;
use WP_Application_Passwords;
use WP_Session_Tokens;
use WP_Site;

/**
 * The parent isolates the main site's rows; this also empties each
 * subsite's before and after every test (the stage restores the network's
 * snapshot before the suite, so nothing worth keeping is there).
 */
abstract class NetworkTestCase extends TestCase {

	/** @var array<string, string> Application passwords by login, for this process. */
	private static array $passwords = array();

	protected function setUp(): void {
		parent::setUp();
		$this->wipe_subsites();
	}

	protected function tearDown(): void {
		$this->wipe_subsites();
		parent::tearDown();
	}

	/**
	 * @param string $slug "site-a" or "site-b" (tools/production-stack/multisite.ts).
	 */
	protected function blog( string $slug ): WP_Site {
		$site = get_site_by_path( (string) get_network()->domain, '/' . $slug . '/' );
		$this->assertInstanceOf( WP_Site::class, $site, "The network needs the subsite /{$slug}/." );
		$this->assertSame( '/' . $slug . '/', $site->path );
		return $site;
	}

	/**
	 * The subsite's address, from the network's own (WP_BASE_URL).
	 */
	protected function url( string $slug, string $path ): string {
		return rtrim( (string) getenv( 'WP_BASE_URL' ), '/' ) . '/' . $slug . '/' . ltrim( $path, '/' );
	}

	/**
	 * A REST request over HTTP, authenticated with an application password.
	 *
	 * @param array<string, mixed>|null $body
	 *
	 * @return array{status: int, data: mixed}
	 */
	protected function rest_as( string $login, string $method, string $slug, string $route, ?array $body = null ): array {
		$headers = array( 'Authorization' => 'Basic ' . base64_encode( $login . ':' . $this->application_password( $login ) ) );
		if ( null !== $body ) {
			$headers['Content-Type'] = 'application/json';
		}
		$response = Http::request( $method, $this->url( $slug, 'wp-json/customer-cloud-gallery/v1' . $route ), $headers, null === $body ? null : (string) wp_json_encode( $body ) );
		return array(
			'status' => $response['status'],
			'data'   => json_decode( $response['body'], true ),
		);
	}

	/**
	 * A wp-admin page over HTTP with the user's login cookie.
	 *
	 * @return array{status: int, headers: array<string, string>, body: string}
	 */
	protected function admin_page_as( string $login, string $slug, string $path ): array {
		$user       = $this->user( $login );
		$expiration = time() + HOUR_IN_SECONDS;
		$token      = WP_Session_Tokens::get_instance( $user->ID )->create( $expiration );
		$cookie     = wp_generate_auth_cookie( $user->ID, $expiration, 'auth', $token );
		return Http::request( 'GET', $this->url( $slug, 'wp-admin/' . $path ), array( 'Cookie' => AUTH_COOKIE . '=' . rawurlencode( $cookie ) ) );
	}

	/**
	 * The plugin's options rows of one site, by name.
	 *
	 * @return list<string>
	 */
	protected function plugin_option_names( int $blog_id ): array {
		global $wpdb;
		switch_to_blog( $blog_id );
		$names = $wpdb->get_col( $wpdb->prepare( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s", $wpdb->esc_like( Keys::PREFIX ) . '%', '%' . $wpdb->esc_like( '_transient_' . Keys::PREFIX ) . '%' ) );
		restore_current_blog();
		return array_values( array_map( 'strval', $names ) );
	}

	/**
	 * The value of an option as the database holds it now (no request cache).
	 */
	protected function stored_option( int $blog_id, string $name ): mixed {
		global $wpdb;
		switch_to_blog( $blog_id );
		$value = $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", $name ) );
		restore_current_blog();
		return null === $value ? null : maybe_unserialize( $value );
	}

	private function application_password( string $login ): string {
		if ( ! isset( self::$passwords[ $login ] ) ) {
			$created = WP_Application_Passwords::create_new_application_password( $this->user( $login )->ID, array( 'name' => 'ccg-multisite-tests-' . wp_generate_password( 6, false ) ) );
			$this->assertIsArray( $created, "An application password for {$login} (the network's environment type must be local, or the site HTTPS)." );
			self::$passwords[ $login ] = $created[0];
		}
		return self::$passwords[ $login ];
	}

	private function wipe_subsites(): void {
		global $wpdb;
		foreach ( get_sites( array( 'fields' => 'ids', 'site__not_in' => array( get_main_site_id() ) ) ) as $blog_id ) {
			switch_to_blog( (int) $blog_id );
			( new Cleanup() )->delete_site_data();
			foreach ( array( '', '_transient_', '_transient_timeout_' ) as $kind ) {
				$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( $kind . Keys::PREFIX ) . '%' ) );
			}
			restore_current_blog();
		}
		wp_cache_flush();
	}
}
