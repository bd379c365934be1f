<?php
/**
 * A provider's OAuth-app parts and API client, wired for a test the way its
 * module wires them.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Support;

use CustomerCloudGallery\Cache\Locks;
use CustomerCloudGallery\Http\Transport;
use CustomerCloudGallery\Providers\Dropbox;
use CustomerCloudGallery\Providers\Google;
use CustomerCloudGallery\Providers\OAuthApp\AccessTokens;
use CustomerCloudGallery\Providers\OAuthApp\AuthorizedCalls;
use CustomerCloudGallery\Providers\OAuthApp\CredentialsStore;
use CustomerCloudGallery\Providers\OAuthApp\CredentialsUpdate;
use CustomerCloudGallery\Providers\OAuthApp\HealthStore;
use CustomerCloudGallery\Providers\OAuthApp\OAuthAppParts;
use CustomerCloudGallery\Providers\OAuthApp\TokenStore;
use CustomerCloudGallery\Storage\Encryption;
use CustomerCloudGallery\Storage\EncryptionKey;
use CustomerCloudGallery\Storage\OptionStore;

/**
 * The plugin's modules keep these parts to themselves; tests reach the same
 * stored state (options, locks) through instances of their own, so nothing
 * in the plugin exists only for tests.
 *
 * @template A of object
 */
final class ProviderParts {

	/**
	 * @param A $api
	 */
	private function __construct( private OAuthAppParts $app, private object $api ) {}

	/**
	 * @return self<Dropbox\ApiClient>
	 */
	public static function dropbox(): self {
		$endpoints = Dropbox\Endpoints::from_constants();
		$transport = new Transport( Dropbox\DropboxError::unreachable( ... ) );
		$api       = new Dropbox\ApiClient( $endpoints, $transport );
		return new self(
			new OAuthAppParts( new Dropbox\DropboxDescription(), new Dropbox\Diagnosis(), new OptionStore(), new Encryption( new EncryptionKey() ), new Locks(), static fn () => new Dropbox\OAuthClient( $endpoints, $transport ), static fn () => $api ),
			$api
		);
	}

	/**
	 * @return self<Google\ApiClient>
	 */
	public static function google( Google\Endpoints $endpoints, Google\Backoff $backoff ): self {
		$transport = new Transport( Google\GoogleError::unreachable( ... ) );
		$api       = new Google\ApiClient( $endpoints, $transport );
		return new self(
			new OAuthAppParts( new Google\GoogleDescription(), new Google\Diagnosis(), new OptionStore(), new Encryption( new EncryptionKey() ), new Locks(), static fn () => new Google\OAuthClient( $endpoints, $transport ), static fn () => $api, $backoff->run( ... ) ),
			$api
		);
	}

	/**
	 * @return A
	 */
	public function api(): object {
		return $this->api;
	}

	public function tokens(): TokenStore {
		return $this->app->tokens();
	}

	public function credentials(): CredentialsStore {
		return $this->app->credentials();
	}

	public function credentials_update(): CredentialsUpdate {
		return $this->app->credentials_update();
	}

	public function health(): HealthStore {
		return $this->app->health();
	}

	public function access_tokens(): AccessTokens {
		return $this->app->access_tokens();
	}

	public function calls(): AuthorizedCalls {
		return $this->app->calls();
	}
}
