<?php
/**
 * The Dropbox calls of the conformance scenario, made through the plugin's
 * own OAuth and API clients with the transport WordPress gives them.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Conformance;

use CustomerCloudGallery\Downloads\DropboxContentRoutes;
use CustomerCloudGallery\Http\StreamingTransport;
use CustomerCloudGallery\Http\Transport;
use CustomerCloudGallery\Providers\Dropbox\ApiClient;
use CustomerCloudGallery\Providers\OAuthApp\AppCredentials;
use CustomerCloudGallery\Providers\Dropbox\DropboxError;
use CustomerCloudGallery\Providers\Dropbox\Endpoints;
use CustomerCloudGallery\Providers\Dropbox\OAuthClient;
use InvalidArgumentException;

/**
 * Built as DropboxModule builds them (its OAuth client is private to it).
 */
final class DropboxSteps {

	private OAuthClient $oauth;
	private ApiClient $api;
	private AppCredentials $credentials;

	/** @var array<string, string> */
	private array $values = array();

	/**
	 * @param array<string, string> $setup key, secret, redirectUri, code, verifier.
	 */
	public function __construct( private array $setup ) {
		$endpoints         = Endpoints::from_constants();
		$transport         = new Transport( DropboxError::unreachable( ... ) );
		$this->oauth       = new OAuthClient( $endpoints, $transport );
		$this->api         = new ApiClient( $endpoints, $transport );
		$this->credentials = new AppCredentials( $setup['key'], $setup['secret'], array( 'access_type' => 'full' ) );
	}

	/**
	 * @param array<string, mixed> $args
	 */
	public function run( string $step, array $args ): void {
		$token = $this->values['access_token_refreshed'] ?? $this->values['access_token'] ?? '';
		switch ( $step ) {
			case 'exchange_code':
				$grant                          = $this->oauth->token_endpoint()->exchange_code( $this->credentials, $this->setup['code'], $this->setup['verifier'], $this->setup['redirectUri'] );
				$this->values['access_token']   = $grant->access_token;
				$this->values['refresh_token']  = (string) $grant->refresh_token;
				return;
			case 'refresh':
				$this->values['access_token_refreshed'] = $this->oauth->token_endpoint()->refresh( $this->credentials, $this->values['refresh_token'] ?? '' )->access_token;
				return;
			case 'get_current_account':
				$this->api->account( $token );
				return;
			case 'list_folder':
				$this->values['cursor'] = $this->api->list_folder( $token, (string) $args['path'], (int) $args['limit'] )->cursor;
				return;
			case 'list_folder_continue':
				$this->values['cursor_2'] = $this->api->list_folder_continue( $token, $this->values['cursor'] ?? '' )->cursor;
				return;
			case 'get_metadata':
				$this->api->get_metadata( $token, (string) $args['path'] );
				return;
			case 'get_media_info':
				$this->api->get_media_info( $token, (string) $args['path'] );
				return;
			case 'get_thumbnail':
				$this->api->get_thumbnail( $token, (string) $args['path'], (string) $args['size'], (string) $args['mode'] );
				return;
			case 'get_thumbnail_batch':
				$this->api->get_thumbnail_batch( $token, (array) $args['entries'] );
				return;
			case 'download':
				( new DropboxContentRoutes( Endpoints::from_constants(), new StreamingTransport( DropboxError::unreachable( ... ) ) ) )->send( $token, (string) $args['path'], 'original', null, new DiscardSink() );
				return;
			case 'revoke':
				$this->oauth->revoke_token( $token );
				return;
		}
		throw new InvalidArgumentException( "No Dropbox step {$step}." );
	}

	/** @return array<string, string> */
	public function values(): array {
		return $this->values;
	}
}
