<?php
/**
 * Base class for tests against the sandbox Dropbox.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests;

use CustomerCloudGallery\OAuth\RedirectUri;
use CustomerCloudGallery\Providers\OAuthApp\TokenRecord;
use CustomerCloudGallery\Tests\Support\ConsentScreen;
use CustomerCloudGallery\Tests\Support\Http;
use CustomerCloudGallery\Tests\Support\Sandbox;

/**
 * Each test registers its own app in the sandbox's App Console (a unique
 * key), so tests never see each other's grants; faults and request counts
 * are cleared around every test.
 */
abstract class SandboxTestCase extends TestCase {

	protected const ALL_SCOPES = array( 'account_info.read', 'files.metadata.read', 'files.content.read' );

	protected Sandbox $sandbox;

	/** @var array{key: string, secret: string, name: string} */
	protected array $app;

	protected function setUp(): void {
		parent::setUp();
		// These tests are the proof of the Dropbox code: fail, never skip,
		// when the sandbox is missing (npm test always provides it).
		$sandbox = Sandbox::from_environment();
		if ( null === $sandbox ) {
			$this->fail( 'Set CCG_SANDBOX_CONTROL to the sandbox Dropbox control API (npm test does).' );
		}
		if ( ! defined( 'CCG_DROPBOX_API_BASE' ) ) {
			$this->fail( 'The site at CCG_WP_PATH must define CCG_DROPBOX_*_BASE pointing at the sandbox (npm test does).' );
		}
		$this->sandbox = $sandbox;
		$this->sandbox->clear_faults();
		$this->sandbox->reset_request_counts();
	}

	protected function tearDown(): void {
		if ( isset( $this->sandbox ) ) {
			$this->sandbox->clear_faults();
			if ( isset( $this->app ) ) {
				$this->sandbox->delete_app( $this->app['key'] );
			}
		}
		parent::tearDown();
	}

	/**
	 * Registers an app with this site's exact redirect URI.
	 *
	 * @param list<string> $scopes The scopes "submitted" on the Permissions tab.
	 */
	protected function register_app( array $scopes = self::ALL_SCOPES, string $access_type = 'full' ): void {
		$suffix    = strtolower( wp_generate_password( 10, false ) );
		$this->app = array(
			'key'    => 'phpunit' . $suffix,
			'secret' => 'secret' . strtolower( wp_generate_password( 16, false ) ),
			'name'   => 'PHPUnit Gallery ' . $suffix,
		);
		$this->sandbox->register_app(
			$this->app + array(
				'redirectUris' => array( RedirectUri::for_provider( 'dropbox' ) ),
				'accessType'   => $access_type,
				'scopes'       => $scopes,
			)
		);
	}

	protected function save_credentials( ?string $secret = null, string $access_type = 'full' ): void {
		$this->act_as( 'admin' );
		$response = $this->rest(
			'POST',
			'/connections/dropbox/credentials',
			array(
				'appKey'     => $this->app['key'],
				'appSecret'  => $secret ?? $this->app['secret'],
				'accessType' => $access_type,
			)
		);
		$this->assertSame( 200, $response->get_status() );
	}

	/**
	 * What the admin does: press Connect Dropbox, approve on Dropbox's consent
	 * screen, come back to the site.
	 *
	 * @return array<string, string> The result query of the redirect to Settings (ccg_oauth, ccg_code).
	 */
	protected function connect( string $decision = 'allow' ): array {
		return $this->return_to_site( ConsentScreen::decide( $this->authorize_url(), $decision ) );
	}

	protected function authorize_url(): string {
		$this->act_as( 'admin' );
		$response = $this->rest( 'POST', '/connections/dropbox/authorize' );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return $response->get_data()['authorizeUrl'];
	}

	/**
	 * @param array<string, string> $query What Dropbox appended to the redirect URI.
	 *
	 * @return array<string, string>
	 */
	protected function return_to_site( array $query ): array {
		$this->act_as( 'admin' );
		$url = $this->services()->callback_handler()->process( $this->services()->providers()->get( 'dropbox' ), $query, get_current_user_id() );
		$this->assertStringStartsWith( admin_url( 'admin.php?page=customer-cloud-gallery&' ), $url );
		parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $result );
		unset( $result['page'] );
		return $result;
	}

	protected function stored_grant(): TokenRecord {
		$record = $this->dropbox_parts()->tokens()->load( true );
		$this->assertNotNull( $record, 'No grant is stored.' );
		return $record;
	}

	/**
	 * Asks the sandbox directly whether an access token still works.
	 */
	protected function dropbox_accepts( string $access_token ): bool {
		$response = Http::request(
			'POST',
			CCG_DROPBOX_API_BASE . '/2/users/get_current_account',
			array(
				'Authorization' => 'Bearer ' . $access_token,
				'Content-Type'  => 'application/json',
			),
			'null'
		);
		return 200 === $response['status'];
	}

	/**
	 * A Google Cloud client of the sandbox, its redirect URI this site's.
	 *
	 * @return array{clientId: string, clientSecret: string, name: string}
	 */
	protected function register_google_client( string $name ): array {
		if ( ! defined( 'CCG_GOOGLE_API_BASE' ) ) {
			$this->fail( 'The site at CCG_WP_PATH must define CCG_GOOGLE_*_BASE pointing at the sandbox (npm test does).' );
		}
		return $this->sandbox->register_google_client(
			array(
				'name'         => $name . ' ' . strtolower( wp_generate_password( 8, false ) ),
				'redirectUris' => array( RedirectUri::for_provider( 'google' ) ),
			)
		);
	}

	/**
	 * Connects Google Drive with $client as an administrator would: Settings'
	 * credentials, Connect, the consent screen, the callback. The current user
	 * is the administrator afterwards.
	 *
	 * @param array{clientId: string, clientSecret: string, name: string} $client
	 */
	protected function connect_google_as_admin( array $client ): void {
		$this->act_as( 'admin' );
		$saved = $this->rest(
			'POST',
			'/connections/google/credentials',
			array(
				'clientId'     => $client['clientId'],
				'clientSecret' => $client['clientSecret'],
			)
		);
		$this->assertSame( 200, $saved->get_status(), (string) wp_json_encode( $saved->get_data() ) );
		$start = $this->rest( 'POST', '/connections/google/authorize' );
		$this->assertSame( 200, $start->get_status(), (string) wp_json_encode( $start->get_data() ) );
		$back = ConsentScreen::decide_google( $start->get_data()['authorizeUrl'] );
		$this->services()->callback_handler()->process( $this->services()->providers()->get( 'google' ), $back, get_current_user_id() );
		$this->assertTrue( $this->services()->providers()->get( 'google' )->connection()->is_connected(), 'Google Drive is connected.' );
	}
}
