<?php
/**
 * Base class: isolates each test's plugin data and current user.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests;

use CustomerCloudGallery\Tests\Support\ProviderParts;

use CustomerCloudGallery\Plugin;
use CustomerCloudGallery\Services;
use CustomerCloudGallery\Storage\Cleanup;
use CustomerCloudGallery\Storage\Keys;
use WP_REST_Request;
use WP_REST_Response;
use WP_User;

/**
 * Isolation by snapshot and restore of the plugin's own rows (options and
 * user meta with the ccg_ prefix), not a database transaction: some tests
 * start other PHP processes that must see what this one wrote.
 */
abstract class TestCase extends \PHPUnit\Framework\TestCase {

	/** @var list<array{option_name: string, option_value: string, autoload: string}> */
	private array $saved_options = array();

	/** @var list<array{user_id: string, meta_key: string, meta_value: string}> */
	private array $saved_meta = array();

	/** @var list<array{string, callable, int}> */
	private array $filters = array();

	protected function setUp(): void {
		parent::setUp();
		$this->snapshot();
		$this->wipe();
		$this->pin_static_images_check( false );
		wp_set_current_user( 0 );
	}

	protected function tearDown(): void {
		foreach ( $this->filters as list( $hook, $callback, $priority ) ) {
			remove_filter( $hook, $callback, $priority );
		}
		$this->filters = array();
		$this->wipe();
		$this->restore();
		wp_set_current_user( 0 );
		parent::tearDown();
	}

	protected function services(): Services {
		return Plugin::services();
	}

	/**
	 * Dropbox's OAuth-app parts, on the same stored state as the plugin's.
	 *
	 * @return ProviderParts<\CustomerCloudGallery\Providers\Dropbox\ApiClient>
	 */
	protected function dropbox_parts(): ProviderParts {
		return ProviderParts::dropbox();
	}

	protected function user( string $login ): WP_User {
		$user = get_user_by( 'login', $login );
		$this->assertInstanceOf( WP_User::class, $user, "The test site needs a user named {$login}." );
		return $user;
	}

	/**
	 * @param string|null $login Null for a visitor who is not logged in.
	 */
	protected function act_as( ?string $login ): void {
		wp_set_current_user( null === $login ? 0 : $this->user( $login )->ID );
	}

	/**
	 * @param array<string, mixed> $body
	 */
	protected function rest( string $method, string $route, array $body = array() ): WP_REST_Response {
		$request = new WP_REST_Request( $method, '/customer-cloud-gallery/v1' . $route );
		if ( array() !== $body ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $body ) );
		}
		return rest_do_request( $request );
	}

	/**
	 * A filter removed again after the test.
	 */
	protected function add_filter( string $hook, callable $callback, int $priority = 10 ): void {
		add_filter( $hook, $callback, $priority, 99 );
		$this->filters[] = array( $hook, $callback, $priority );
	}

	/**
	 * Sets the result of the static images check (Images\FallbackProbe), so
	 * a check that WP-Cron would otherwise start in the background (the
	 * test site runs WP-Cron) cannot change image URLs in the middle of a
	 * test. Tests of the check run it themselves.
	 */
	protected function pin_static_images_check( bool $ok ): void {
		update_option(
			Keys::STATIC_IMAGES,
			array(
				'ok'      => $ok,
				'base'    => $this->services()->thumbnail_cache()->base_url(),
				'static'  => $ok,
				'checked' => time(),
				'detail'  => $ok ? '' : 'pinned by the tests',
			)
		);
	}

	/**
	 * Drops this process's cached options, as if a new request started.
	 */
	protected function forget_cached_options(): void {
		wp_cache_flush();
	}

	/**
	 * What uninstall deletes, and then every other "ccg_" row a test wrote
	 * (uninstall leaves rows it does not know; tests must not leak them).
	 */
	private function wipe(): void {
		global $wpdb;

		$cleanup = new Cleanup();
		$cleanup->delete_site_data();
		$cleanup->delete_user_data();
		foreach ( array( '', '_transient_', '_transient_timeout_' ) as $kind ) {
			$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( $kind . Keys::PREFIX ) . '%' ) );
		}
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->usermeta} WHERE meta_key LIKE %s", $wpdb->esc_like( Keys::PREFIX ) . '%' ) );
		wp_cache_flush();
	}

	private function snapshot(): void {
		global $wpdb;

		$like                = $wpdb->esc_like( Keys::PREFIX ) . '%';
		$this->saved_options = $wpdb->get_results( $wpdb->prepare( "SELECT option_name, option_value, autoload FROM {$wpdb->options} WHERE option_name LIKE %s", $like ), ARRAY_A );
		$this->saved_meta    = $wpdb->get_results( $wpdb->prepare( "SELECT user_id, meta_key, meta_value FROM {$wpdb->usermeta} WHERE meta_key LIKE %s", $like ), ARRAY_A );
	}

	private function restore(): void {
		global $wpdb;

		foreach ( $this->saved_options as $row ) {
			$wpdb->insert( $wpdb->options, $row );
		}
		foreach ( $this->saved_meta as $row ) {
			$wpdb->insert( $wpdb->usermeta, $row );
		}
		wp_cache_flush();
	}
}
