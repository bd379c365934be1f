<?php
/**
 * Connecting Google Drive: the consent URL, the code exchange, what is
 * stored, and what the admin is told when Google's answer is not enough.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Google;

use CustomerCloudGallery\OAuth\RedirectUri;
use CustomerCloudGallery\Providers\Connection;
use CustomerCloudGallery\Providers\Google\Scopes;
use CustomerCloudGallery\Providers\ProviderException;
use CustomerCloudGallery\Storage\Keys;

final class GoogleAuthorizationTest extends GoogleTestCase {

	public function test_the_consent_url_asks_for_read_only_offline_access_with_pkce(): void {
		$this->save_credentials();
		$redirect = RedirectUri::for_provider( 'google' );

		$url = $this->module->provider()->authorization_url( 'state-123', 'challenge-456', $redirect );

		$this->assertStringStartsWith( 'https://' . self::AUTH . '/o/oauth2/v2/auth?', $url );
		parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $query );
		$this->assertSame(
			array(
				'client_id'              => self::CLIENT_ID,
				'redirect_uri'           => admin_url( 'admin-post.php?action=ccg_oauth_google' ),
				'response_type'          => 'code',
				'scope'                  => 'https://www.googleapis.com/auth/drive.readonly',
				'access_type'            => 'offline',
				'prompt'                 => 'consent',
				'include_granted_scopes' => 'false',
				'state'                  => 'state-123',
				'code_challenge'         => 'challenge-456',
				'code_challenge_method'  => 'S256',
			),
			$query
		);
	}

	public function test_no_consent_url_without_credentials(): void {
		try {
			$this->module->provider()->authorization_url( 's', 'c', RedirectUri::for_provider( 'google' ) );
			$this->fail( 'A consent URL needs a Client ID.' );
		} catch ( ProviderException $exception ) {
			$this->assertSame( 'not_configured', $exception->problem->code );
		}
	}

	public function test_the_code_exchange_stores_the_grant_encrypted_with_its_account(): void {
		$this->save_credentials();
		$this->google->on( 'POST ' . self::TOKEN . '/token', $this->grant( self::REFRESH_TOKEN ) );
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

		$connection = $this->module->provider()->complete_authorization( 'code-4/0AX', 'verifier-xyz', RedirectUri::for_provider( 'google' ) );

		$token_request = $this->google->sent( 'POST ' . self::TOKEN . '/token' )[0];
		$this->assertSame(
			array(
				'grant_type'    => 'authorization_code',
				'code'          => 'code-4/0AX',
				'redirect_uri'  => admin_url( 'admin-post.php?action=ccg_oauth_google' ),
				'code_verifier' => 'verifier-xyz',
				'client_id'     => self::CLIENT_ID,
				'client_secret' => self::CLIENT_SECRET,
			),
			FakeGoogle::form( $token_request )
		);
		$this->assertSame( 'application/x-www-form-urlencoded;charset=UTF-8', $token_request['headers']['Content-Type'] );
		$about = $this->google->sent( 'GET ' . self::API . '/drive/v3/about' )[0];
		$this->assertSame( 'user(displayName,emailAddress)', $about['query']['fields'] );
		$this->assertSame( 'Bearer ' . self::ACCESS_TOKEN, self::bearer( $about ) );

		$this->assertSame( Connection::STATUS_CONNECTED, $connection->status );
		$this->assertNull( $connection->problem );
		$this->assertSame(
			array(
				'name'  => 'Alex Photographer',
				'email' => 'alex@example.com',
			),
			$connection->account
		);
		$this->assertSame( array( Scopes::DRIVE_READONLY ), $connection->granted_scopes );
		$this->assertSame(
			array(
				'clientId'     => self::CLIENT_ID,
				'secretStored' => true,
			),
			$connection->credentials
		);

		$this->forget_cached_options();
		$stored = (string) get_option( Keys::GOOGLE_TOKEN );
		$this->assertStringStartsWith( 'ccg1:', $stored, 'The grant is encrypted at rest.' );
		$this->assertStringNotContainsString( self::ACCESS_TOKEN, $stored );
		$this->assertStringNotContainsString( self::REFRESH_TOKEN, $stored );
		$this->assertStringNotContainsString( self::CLIENT_SECRET, (string) wp_json_encode( get_option( Keys::GOOGLE_CREDENTIALS ) ) );
		$this->assertSame( self::REFRESH_TOKEN, $this->parts->tokens()->load( true )?->refresh_token );
	}

	/**
	 * Reconnects, Google's about naming $email as the account.
	 */
	private function reconnect_as( string $email ): void {
		$this->store_grant();
		$this->google->on( 'POST ' . self::TOKEN . '/token', $this->grant( 'new-refresh-token' ) );
		$this->google->on( 'GET ' . self::API . '/drive/v3/about', FakeGoogle::json( 200, array( 'user' => array( 'displayName' => 'Someone', 'emailAddress' => $email ) ) ) );
		$this->google->on( 'POST ' . self::TOKEN . '/revoke', FakeGoogle::bytes( 200, '{}' ) );
		$this->module->provider()->complete_authorization( 'code', 'verifier', RedirectUri::for_provider( 'google' ) );
		$this->assertSame( 'new-refresh-token', $this->parts->tokens()->load( true )?->refresh_token );
	}

	public function test_reconnecting_another_account_revokes_the_replaced_grant(): void {
		$this->reconnect_as( 'studio@example.com' );

		$revoke = $this->google->sent( 'POST ' . self::TOKEN . '/revoke' );
		$this->assertCount( 1, $revoke );
		$this->assertSame( array( 'token' => self::REFRESH_TOKEN ), FakeGoogle::form( $revoke[0] ) );
	}

	public function test_reconnecting_the_same_account_keeps_the_grant_google_shares_with_the_new_one(): void {
		$this->reconnect_as( 'Alex@example.com' );

		$this->assertSame( array(), $this->google->sent( 'POST ' . self::TOKEN . '/revoke' ), 'Revoking would end the new grant too.' );
	}

	public function test_no_refresh_token_stores_nothing_and_says_how_to_get_one(): void {
		$this->save_credentials();
		$this->google->on( 'POST ' . self::TOKEN . '/token', $this->grant( null ) );
		$this->google->on( 'POST ' . self::TOKEN . '/revoke', FakeGoogle::bytes( 200, '{}' ) );

		try {
			$this->module->provider()->complete_authorization( 'code', 'verifier', RedirectUri::for_provider( 'google' ) );
			$this->fail( 'A grant without a refresh token must not be stored.' );
		} catch ( ProviderException $exception ) {
			$this->assertSame( 'no_refresh_token', $exception->problem->code );
			$this->assertStringContainsString( 'myaccount.google.com/permissions', $exception->problem->fix );
			$this->assertSame( 'connect', $exception->problem->action );
		}
		$this->assertFalse( $this->parts->tokens()->exists() );
		$this->assertSame( Connection::STATUS_READY, $this->module->provider()->connection()->status );
		$revoke = $this->google->sent( 'POST ' . self::TOKEN . '/revoke' );
		$this->assertCount( 1, $revoke, 'The useless access token is given back.' );
		$this->assertSame( array( 'token' => self::ACCESS_TOKEN ), FakeGoogle::form( $revoke[0] ) );
	}

	public function test_an_unticked_drive_box_needs_attention(): void {
		$this->save_credentials();
		$this->google->on( 'POST ' . self::TOKEN . '/token', $this->grant( self::REFRESH_TOKEN, 'openid' ) );

		$connection = $this->module->provider()->complete_authorization( 'code', 'verifier', RedirectUri::for_provider( 'google' ) );

		$this->assertSame( Connection::STATUS_NEEDS_ATTENTION, $connection->status );
		$this->assertSame( 'missing_scope', $connection->problem?->code );
		$this->assertStringContainsString( 'tick the box that lets the app see and download your Google Drive files', (string) $connection->problem?->fix );
		$this->assertSame( array( Scopes::DRIVE_READONLY ), $connection->missing_scopes );
		$this->assertSame( 0, $this->google->count( 'GET ' . self::API ), 'Drive is not asked with a grant that cannot read it.' );
	}

	public function test_full_drive_access_counts_as_read_access(): void {
		$this->save_credentials();
		$this->google->on( 'POST ' . self::TOKEN . '/token', $this->grant( self::REFRESH_TOKEN, Scopes::DRIVE ) );
		$this->google->on( 'GET ' . self::API . '/drive/v3/about', FakeGoogle::json( 200, array( 'user' => array( 'emailAddress' => 'alex@example.com' ) ) ) );

		$connection = $this->module->provider()->complete_authorization( 'code', 'verifier', RedirectUri::for_provider( 'google' ) );

		$this->assertSame( Connection::STATUS_CONNECTED, $connection->status );
		$this->assertSame( 'alex@example.com', $connection->account['name'] ?? null, 'Without a display name the email stands in.' );
	}

	public function test_a_disabled_drive_api_is_reported_at_connect(): void {
		$this->save_credentials();
		$this->google->on( 'POST ' . self::TOKEN . '/token', $this->grant( self::REFRESH_TOKEN ) );
		$this->google->on(
			'GET ' . self::API . '/drive/v3/about',
			FakeGoogle::drive_error(
				403,
				'accessNotConfigured',
				'Google Drive API has not been used in project 123 before or it is disabled.',
				array(
					'status'  => 'PERMISSION_DENIED',
					'details' => array(
						array(
							'@type'  => 'type.googleapis.com/google.rpc.ErrorInfo',
							'reason' => 'SERVICE_DISABLED',
						),
					),
				)
			)
		);

		$connection = $this->module->provider()->complete_authorization( 'code', 'verifier', RedirectUri::for_provider( 'google' ) );

		$this->assertSame( Connection::STATUS_NEEDS_ATTENTION, $connection->status );
		$this->assertSame( 'api_disabled', $connection->problem?->code );
		$this->assertStringContainsString( 'APIs & Services → Library → Google Drive API → Enable', (string) $connection->problem?->fix );
		$this->assertNull( $connection->account );
	}

	public function test_a_wrong_client_secret_says_to_copy_both_again(): void {
		$this->save_credentials();
		$this->google->on(
			'POST ' . self::TOKEN . '/token',
			FakeGoogle::json(
				401,
				array(
					'error'             => 'invalid_client',
					'error_description' => 'The OAuth client was not found.',
				)
			)
		);

		try {
			$this->module->provider()->complete_authorization( 'code', 'verifier', RedirectUri::for_provider( 'google' ) );
			$this->fail( 'A refused client must be reported.' );
		} catch ( ProviderException $exception ) {
			$this->assertSame( 'invalid_client', $exception->problem->code );
			$this->assertStringContainsString( 'Copy the Client ID and Client secret again', $exception->problem->fix );
			$this->assertStringNotContainsString( self::CLIENT_SECRET, $exception->getMessage() );
		}
		$this->assertFalse( $this->parts->tokens()->exists() );
	}

	public function test_a_redirect_uri_mismatch_names_the_exact_uri(): void {
		$this->save_credentials();
		$this->google->on(
			'POST ' . self::TOKEN . '/token',
			FakeGoogle::json(
				400,
				array(
					'error'             => 'redirect_uri_mismatch',
					'error_description' => 'Bad Request',
				)
			)
		);

		try {
			$this->module->provider()->complete_authorization( 'code', 'verifier', RedirectUri::for_provider( 'google' ) );
			$this->fail( 'A mismatch must be reported.' );
		} catch ( ProviderException $exception ) {
			$this->assertSame( 'redirect_uri_mismatch', $exception->problem->code );
			$this->assertStringContainsString( admin_url( 'admin-post.php?action=ccg_oauth_google' ), $exception->problem->fix );
		}
	}

	public function test_disconnect_revokes_the_refresh_token_and_forgets_the_grant(): void {
		$this->store_grant();
		$this->google->on( 'POST ' . self::TOKEN . '/revoke', FakeGoogle::bytes( 200, '' ) );

		$connection = $this->module->provider()->disconnect();

		$revoke = $this->google->sent( 'POST ' . self::TOKEN . '/revoke' );
		$this->assertCount( 1, $revoke );
		$this->assertSame( array( 'token' => self::REFRESH_TOKEN ), FakeGoogle::form( $revoke[0] ) );
		$this->assertSame( Connection::STATUS_READY, $connection->status );
		$this->assertNull( $connection->problem );
		$this->assertFalse( $this->parts->tokens()->exists() );
	}

	public function test_disconnect_forgets_the_grant_even_when_google_is_down(): void {
		$this->store_grant();
		$this->google->on( 'POST ' . self::TOKEN . '/revoke', FakeGoogle::bytes( 503, 'Service Unavailable' ) );

		$connection = $this->module->provider()->disconnect();

		$this->assertFalse( $this->parts->tokens()->exists() );
		$this->assertSame( 'unreachable', $connection->problem?->code );
		$this->assertStringContainsString( 'myaccount.google.com/permissions', (string) $connection->problem?->fix );
	}

	public function test_an_already_revoked_grant_disconnects_quietly(): void {
		$this->store_grant();
		$this->google->on(
			'POST ' . self::TOKEN . '/revoke',
			FakeGoogle::json(
				400,
				array(
					'error'             => 'invalid_token',
					'error_description' => 'Token expired or revoked',
				)
			)
		);

		$this->assertNull( $this->module->provider()->disconnect()->problem );
		$this->assertFalse( $this->parts->tokens()->exists() );
	}

	/**
	 * @return array<string, mixed>
	 */
	private function grant( ?string $refresh_token, string $scope = Scopes::DRIVE_READONLY ): array {
		$body = array(
			'access_token' => self::ACCESS_TOKEN,
			'expires_in'   => 3599,
			'scope'        => $scope,
			'token_type'   => 'Bearer',
		);
		if ( null !== $refresh_token ) {
			$body['refresh_token'] = $refresh_token;
		}
		return FakeGoogle::json( 200, $body );
	}
}
