<?php
/**
 * The full "Connect Dropbox" journey against the sandbox: consent, code
 * exchange, scopes, account, and what goes wrong.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Dropbox;

use CustomerCloudGallery\Providers\Dropbox\DropboxError;
use CustomerCloudGallery\Tests\SandboxTestCase;
use CustomerCloudGallery\Tests\Support\ConsentScreen;
use CustomerCloudGallery\Tests\Support\Http;

final class ConnectFlowTest extends SandboxTestCase {

	public function test_connecting_stores_the_grant_with_account_and_scopes(): void {
		$this->register_app();
		$this->save_credentials();

		$this->assertSame( array( 'ccg_oauth' => 'connected' ), $this->connect() );

		$connection = $this->rest( 'GET', '/connections/dropbox' )->get_data();
		$this->assertSame( 'connected', $connection['status'] );
		$this->assertSame(
			array(
				'name'  => 'Alex Photographer',
				'email' => 'alex.photographer@example.com',
			),
			$connection['account']
		);
		$this->assertSame( 'full', $connection['accessType'] );
		$this->assertEqualsCanonicalizing( self::ALL_SCOPES, $connection['grantedScopes'] );
		$this->assertSame( array(), $connection['missingScopes'] );
		$this->assertNull( $connection['problem'] );
		$this->assertNotFalse( \DateTimeImmutable::createFromFormat( DATE_ATOM, $connection['connectedAt'] ) );

		$grant = $this->stored_grant();
		$this->assertNotNull( $grant->refresh_token, 'token_access_type=offline brings a refresh token.' );
		$this->assertTrue( $this->sandbox->grants( $this->app['key'] )[0]['hasRefreshToken'] );

		$notice = $this->services()->flash_notices()->take( get_current_user_id() );
		$this->assertSame( 'success', $notice?->status );
		$this->assertSame( 'Dropbox is connected as Alex Photographer (alex.photographer@example.com).', $notice?->message );
	}

	public function test_connection_test_lists_top_level_folders(): void {
		$this->register_app();
		$this->save_credentials();
		$this->connect();

		$result = $this->rest( 'POST', '/connections/dropbox/test' )->get_data();

		$this->assertTrue( $result['ok'], $result['message'] );
		$this->assertNotEmpty( $result['visibleFolders'] );
		foreach ( $result['visibleFolders'] as $folder ) {
			$this->assertStringStartsWith( '/', $folder );
		}
		$this->assertStringContainsString( 'Alex Photographer', $result['message'] );
		$this->assertSame( 'connected', $result['connection']['status'] );
		// The top level holds no photo: then breadth first, at most five
		// folders, to one that has (/Edge Cases), and one thumbnail of it.
		$this->assertGreaterThan( 1, $this->sandbox->requests( 'files/list_folder' ) );
		$this->assertLessThanOrEqual( 6, $this->sandbox->requests( 'files/list_folder' ) );
		$this->assertSame( 1, $this->sandbox->requests( 'files/get_thumbnail_v2' ) );
		$this->assertMatchesRegularExpression( '#It fetched a thumbnail of /Edge Cases/[^/]+\.\w+\.#', $result['message'] );
	}

	public function test_scopes_not_submitted_are_diagnosed_right_after_connecting(): void {
		$this->register_app( array( 'files.metadata.read' ) );
		$this->save_credentials();

		$this->assertSame(
			array(
				'ccg_oauth' => 'error',
				'ccg_code'  => 'missing_scope',
			),
			$this->connect()
		);

		$connection = $this->rest( 'GET', '/connections/dropbox' )->get_data();
		$this->assertSame( 'needs_attention', $connection['status'] );
		$this->assertSame( array( 'files.content.read' ), $connection['missingScopes'] );
		$this->assertSame( 'missing_scope', $connection['problem']['code'] );
		$this->assertStringContainsString( 'files.content.read', $connection['problem']['message'] );
		$this->assertSame(
			'In the Dropbox App Console, open your app’s Permissions tab, tick files.metadata.read and files.content.read, press Submit, then Disconnect and Connect Dropbox again.',
			$connection['problem']['fix']
		);
		$this->assertSame( 'reconnect', $connection['problem']['action'] );
		$this->assertSame( 'warning', $this->services()->flash_notices()->take( get_current_user_id() )?->status );
	}

	public function test_a_scope_dropbox_refuses_at_call_time_is_remembered(): void {
		$this->register_app( array( 'files.content.read' ) );
		$this->save_credentials();
		$this->connect();
		$this->sandbox->reset_request_counts();

		try {
			$this->dropbox_parts()->calls()->call( fn ( string $token ) => $this->dropbox_parts()->api()->list_folder( $token, '', 5 ) );
			$this->fail( 'Listing needs files.metadata.read.' );
		} catch ( DropboxError $error ) {
			$this->assertSame( DropboxError::MISSING_SCOPE, $error->kind );
			$this->assertSame( 'files.metadata.read', $error->required_scope );
		}

		$this->forget_cached_options();
		$connection = $this->rest( 'GET', '/connections/dropbox' )->get_data();
		$this->assertSame( 'needs_attention', $connection['status'] );
		$this->assertSame( array( 'files.metadata.read' ), $connection['missingScopes'] );
		$this->assertSame( 0, $this->sandbox->requests( 'oauth2/token' ), 'A missing scope is not a reason to refresh.' );
	}

	public function test_a_wrong_app_secret_is_reported_as_invalid_client(): void {
		$this->register_app();
		$this->save_credentials( 'not-the-secret' );

		$this->assertSame(
			array(
				'ccg_oauth' => 'error',
				'ccg_code'  => 'invalid_client',
			),
			$this->connect()
		);
		$this->assertSame( 'ready', $this->rest( 'GET', '/connections/dropbox' )->get_data()['status'], 'Nothing was stored.' );

		$notice = $this->services()->flash_notices()->take( get_current_user_id() );
		$this->assertSame( 'error', $notice?->status );
		$this->assertStringContainsString( 'check the App secret on your app’s Settings tab (click Show) and Save credentials again', (string) $notice?->fix );
	}

	public function test_a_code_used_elsewhere_is_invalid_grant(): void {
		$this->register_app();
		$this->save_credentials();
		$query = ConsentScreen::decide( $this->authorize_url() );

		// Someone redeems the code first (a replayed or intercepted redirect).
		$stolen = Http::request(
			'POST',
			CCG_DROPBOX_API_BASE . '/oauth2/token',
			array( 'Content-Type' => 'application/x-www-form-urlencoded' ),
			http_build_query(
				array(
					'grant_type'    => 'authorization_code',
					'code'          => $query['code'],
					'client_id'     => $this->app['key'],
					'client_secret' => $this->app['secret'],
				)
			)
		);
		$this->assertSame( 400, $stolen['status'], 'Without the PKCE verifier the thief gets nothing.' );

		$this->assertSame(
			array(
				'ccg_oauth' => 'error',
				'ccg_code'  => 'invalid_grant',
			),
			$this->return_to_site( $query )
		);
	}

	public function test_cancelling_on_the_consent_screen_changes_nothing(): void {
		$this->register_app();
		$this->save_credentials();

		$this->assertSame(
			array(
				'ccg_oauth' => 'error',
				'ccg_code'  => 'access_denied',
			),
			$this->connect( 'cancel' )
		);
		$this->assertSame( 'ready', $this->rest( 'GET', '/connections/dropbox' )->get_data()['status'] );
		$this->assertSame( array(), $this->sandbox->grants( $this->app['key'] ) );
	}

	public function test_an_app_folder_app_says_what_it_can_see(): void {
		$this->register_app( self::ALL_SCOPES, 'app_folder' );
		$this->save_credentials( null, 'app_folder' );
		$this->assertSame( array( 'ccg_oauth' => 'connected' ), $this->connect() );

		$connection = $this->rest( 'GET', '/connections/dropbox' )->get_data();
		$this->assertSame( 'connected', $connection['status'] );
		$this->assertSame( 'app_folder', $connection['accessType'] );
		$this->assertSame( 'app_folder', $connection['problem']['code'] );
		$this->assertNull( $connection['problem']['action'] );
		$this->assertStringContainsString( '/Apps/<your app name>/', $connection['problem']['message'] );

		$result = $this->rest( 'POST', '/connections/dropbox/test' )->get_data();
		$this->assertTrue( $result['ok'], $result['message'] );
		$this->assertStringContainsString( '/Apps/<your app name>/', $result['message'] );
	}

	public function test_the_redirect_uri_shown_is_the_one_dropbox_checks(): void {
		$this->register_app();
		$this->sandbox->register_app(
			$this->app + array(
				'redirectUris' => array( 'http://localhost/elsewhere' ),
				'accessType'   => 'full',
				'scopes'       => self::ALL_SCOPES,
			)
		);
		$this->save_credentials();

		// Dropbox refuses on its own page; the plugin never hears back.
		$page = Http::request( 'GET', $this->authorize_url() );
		$this->assertSame( 400, $page['status'] );
		$this->assertStringContainsString( 'redirect_uri', $page['body'] );
		$this->assertSame( admin_url( 'admin-post.php?action=ccg_oauth_dropbox' ), $this->rest( 'GET', '/connections/dropbox' )->get_data()['redirectUri'] );
	}
}
