<?php
/**
 * The OAuth state: random, single use, bound to one user, ten minutes.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Site;

use CustomerCloudGallery\OAuth\PendingAuthorization;
use CustomerCloudGallery\Tests\TestCase;

final class StateTest extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		$this->act_as( 'admin' );
		$this->rest( 'POST', '/connections/dropbox/credentials', array( 'appKey' => 'key1', 'appSecret' => 'secret1', 'accessType' => 'full' ) );
	}

	public function test_authorize_url_carries_state_and_pkce_and_no_scope(): void {
		$url = $this->rest( 'POST', '/connections/dropbox/authorize' )->get_data()['authorizeUrl'];

		parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $query );
		$this->assertStringEndsWith( '/oauth2/authorize', (string) strtok( $url, '?' ) );
		$this->assertSame( 'key1', $query['client_id'] );
		$this->assertSame( 'code', $query['response_type'] );
		$this->assertSame( admin_url( 'admin-post.php?action=ccg_oauth_dropbox' ), $query['redirect_uri'] );
		$this->assertSame( 'offline', $query['token_access_type'] );
		$this->assertSame( 'S256', $query['code_challenge_method'] );
		$this->assertMatchesRegularExpression( '/^[A-Za-z0-9_-]{43}$/', $query['code_challenge'] );
		$this->assertMatchesRegularExpression( '/^[A-Za-z0-9_-]{43,}$/', $query['state'], 'At least 32 random bytes, URL-safe.' );
		$this->assertArrayNotHasKey( 'scope', $query );
	}

	public function test_state_is_stored_hashed_with_user_and_verifier(): void {
		$state   = $this->start();
		$pending = $this->services()->state_store()->consume( $state );

		$this->assertNotNull( $pending );
		$this->assertSame( 'dropbox', $pending->provider );
		$this->assertSame( $this->user( 'admin' )->ID, $pending->user_id );
		$this->assertGreaterThanOrEqual( 43, strlen( $pending->code_verifier ) );
		$this->assertLessThanOrEqual( 128, strlen( $pending->code_verifier ) );

		global $wpdb;
		$this->assertSame( '0', $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name LIKE %s OR option_value LIKE %s", '%' . $wpdb->esc_like( $state ) . '%', '%' . $wpdb->esc_like( $state ) . '%' ) ) );
	}

	public function test_a_state_works_once(): void {
		$state = $this->start();

		$this->assertSame( 'access_denied', $this->return_to_site( array( 'state' => $state, 'error' => 'access_denied' ) ) );
		$this->assertSame( 'state_invalid', $this->return_to_site( array( 'state' => $state, 'error' => 'access_denied' ) ) );
	}

	public function test_unknown_and_missing_states_are_refused(): void {
		$this->assertSame( 'state_invalid', $this->return_to_site( array( 'state' => 'forged', 'code' => 'x' ) ) );
		$this->assertSame( 'state_invalid', $this->return_to_site( array( 'code' => 'x' ) ) );
	}

	public function test_a_state_expires_after_ten_minutes(): void {
		// Starting a new authorization sweeps expired states, so the fresh one goes in first.
		$this->services()->state_store()->put( 'fresh-state', new PendingAuthorization( 'dropbox', $this->user( 'admin' )->ID, str_repeat( 'v', 64 ), time() - 590 ) );
		$this->services()->state_store()->put( 'old-state', new PendingAuthorization( 'dropbox', $this->user( 'admin' )->ID, str_repeat( 'v', 64 ), time() - 601 ) );

		$this->assertSame( 'state_expired', $this->return_to_site( array( 'state' => 'old-state', 'code' => 'x' ) ) );
		$this->assertSame( 'access_denied', $this->return_to_site( array( 'state' => 'fresh-state', 'error' => 'access_denied' ) ) );
	}

	public function test_starting_again_sweeps_expired_states(): void {
		$this->services()->state_store()->put( 'abandoned', new PendingAuthorization( 'dropbox', $this->user( 'admin' )->ID, str_repeat( 'v', 64 ), time() - 601 ) );
		$this->start();

		$this->assertNull( $this->services()->state_store()->consume( 'abandoned' ) );
	}

	public function test_a_state_is_bound_to_the_user_who_started(): void {
		$state = $this->start();

		$this->assertSame( 'state_user_mismatch', $this->return_to_site( array( 'state' => $state, 'code' => 'x' ), 'editor' ) );
	}

	public function test_cancelling_changes_nothing_and_says_so_once(): void {
		$before = $this->rest( 'GET', '/connections/dropbox' )->get_data();
		$url    = $this->services()->callback_handler()->process( $this->services()->providers()->get( 'dropbox' ), array( 'state' => $this->start(), 'error' => 'access_denied', 'error_description' => 'The user chose not to give your app access.' ), $this->user( 'admin' )->ID );

		$this->assertSame( admin_url( 'admin.php?page=customer-cloud-gallery&ccg_oauth=error&ccg_code=access_denied' ), $url );
		$this->assertSame( $before, $this->rest( 'GET', '/connections/dropbox' )->get_data() );

		$notice = $this->services()->flash_notices()->take( $this->user( 'admin' )->ID );
		$this->assertNotNull( $notice );
		$this->assertSame( 'You cancelled on Dropbox’s consent screen — nothing was changed.', $notice->message );
		$this->assertNull( $this->services()->flash_notices()->take( $this->user( 'admin' )->ID ), 'The notice shows once.' );
	}

	private function start(): string {
		$url = $this->rest( 'POST', '/connections/dropbox/authorize' )->get_data()['authorizeUrl'];
		parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $query );
		return $query['state'];
	}

	/**
	 * @param array<string, string> $query
	 *
	 * @return string The result code in the redirect.
	 */
	private function return_to_site( array $query, string $as = 'admin' ): string {
		$url = $this->services()->callback_handler()->process( $this->services()->providers()->get( 'dropbox' ), $query, $this->user( $as )->ID );
		parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $result );
		return $result['ccg_code'] ?? $result['ccg_oauth'];
	}
}
