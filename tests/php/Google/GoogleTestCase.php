<?php
/**
 * Base class for the Google Drive unit tests: a module of the test's own,
 * with Google faked in-process and no real sleeping, so they need no sandbox.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Google;

use CustomerCloudGallery\Cache\Locks;
use CustomerCloudGallery\Providers\Google\Backoff;
use CustomerCloudGallery\Providers\Google\Endpoints;
use CustomerCloudGallery\Providers\Google\GoogleModule;
use CustomerCloudGallery\Providers\Google\Scopes;
use CustomerCloudGallery\Providers\OAuthApp\TokenRecord;
use CustomerCloudGallery\Storage\Encryption;
use CustomerCloudGallery\Storage\EncryptionKey;
use CustomerCloudGallery\Storage\OptionStore;
use CustomerCloudGallery\Tests\Support\ProviderParts;
use CustomerCloudGallery\Tests\TestCase;

abstract class GoogleTestCase extends TestCase {

	protected const CLIENT_ID     = '123456789012-abcdefghijklmnop.apps.googleusercontent.com';
	protected const CLIENT_SECRET = 'GOCSPX-test-secret-0123456789';
	protected const ACCESS_TOKEN  = 'ya29.a0-current-access-token';
	protected const REFRESH_TOKEN = '1//04-refresh-token-abcdef';

	protected const AUTH  = 'accounts.google.com';
	protected const TOKEN = 'oauth2.googleapis.com';
	protected const API   = 'www.googleapis.com';

	protected FakeGoogle $google;

	protected GoogleModule $module;

	/** @var ProviderParts<\CustomerCloudGallery\Providers\Google\ApiClient> The module's parts, on the same stored state. */
	protected ProviderParts $parts;

	/** @var list<float> Seconds the backoff would have slept. */
	protected array $sleeps = array();

	protected function setUp(): void {
		parent::setUp();
		$this->google = new FakeGoogle();
		$this->add_filter( 'pre_http_request', array( $this->google, 'intercept' ) );
		$this->sleeps = array();
		$this->module = $this->module();
	}

	/**
	 * Google's production hosts, answered by the fake.
	 */
	protected function module( bool $any_thumbnail_host = false, float $jitter = 0.5 ): GoogleModule {
		$endpoints   = new Endpoints( 'https://' . self::AUTH, 'https://' . self::TOKEN, 'https://' . self::API, $any_thumbnail_host );
		$backoff     = new Backoff(
			function ( float $seconds ): void {
				$this->sleeps[] = $seconds;
			},
			static fn (): float => $jitter
		);
		$this->parts = ProviderParts::google( $endpoints, $backoff );
		return new GoogleModule( new OptionStore(), new Encryption( new EncryptionKey() ), new Locks(), $endpoints, $backoff );
	}

	/**
	 * A connected account whose Drive is the studio's (FakeDrive::studio()).
	 */
	protected function studio_drive(): FakeDrive {
		$this->store_grant();
		return ( new FakeDrive( $this->google ) )->studio();
	}

	protected function save_credentials(): void {
		$this->parts->credentials_update()->apply( self::CLIENT_ID, self::CLIENT_SECRET );
	}

	/**
	 * A stored grant, as a connect would leave it.
	 *
	 * @param list<string> $scopes
	 */
	protected function store_grant( int $expires_in = 3000, int $age = 60, array $scopes = array( Scopes::DRIVE_READONLY ), ?string $refresh_token = self::REFRESH_TOKEN ): void {
		$this->save_credentials();
		$this->parts->tokens()->save( new TokenRecord( self::ACCESS_TOKEN, time() + $expires_in, $refresh_token, $scopes, null, 'Alex Photographer', 'alex@example.com', time() - $age ) );
	}

	/**
	 * The token endpoint answering a refresh with $access_token.
	 */
	protected function token_endpoint_refreshes( string $access_token = 'ya29.a0-refreshed' ): void {
		$this->google->on(
			'POST ' . self::TOKEN . '/token',
			FakeGoogle::json(
				200,
				array(
					'access_token' => $access_token,
					'expires_in'   => 3599,
					'scope'        => Scopes::DRIVE_READONLY,
					'token_type'   => 'Bearer',
				)
			)
		);
	}

	/**
	 * @param array<string, mixed> $request
	 */
	protected static function bearer( array $request ): string {
		return (string) ( $request['headers']['Authorization'] ?? '' );
	}
}
