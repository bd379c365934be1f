<?php
/**
 * The Google calls of the conformance scenario, made through the plugin's
 * own OAuth and Drive clients with the transport WordPress gives them.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Conformance;

use CustomerCloudGallery\Http\Transport;
use CustomerCloudGallery\Providers\Google\ApiClient;
use CustomerCloudGallery\Providers\OAuthApp\AppCredentials;
use CustomerCloudGallery\Providers\Google\DriveThumbnails;
use CustomerCloudGallery\Providers\Google\Endpoints;
use CustomerCloudGallery\Providers\Google\GoogleError;
use CustomerCloudGallery\Providers\Google\OAuthClient;
use InvalidArgumentException;

/**
 * Built as GoogleModule builds them (its OAuth client is private to it).
 */
final class GoogleSteps {

	private OAuthClient $oauth;
	private ApiClient $api;
	private AppCredentials $credentials;

	/** @var array<string, string> */
	private array $values = array();

	/** The thumbnailLink files_get found. */
	private string $link = '';

	/** The first shared drive drives_list found; the same on both sides. */
	private string $drive_id = '';

	/**
	 * @param array<string, string> $setup clientId, secret, redirectUri, code, verifier.
	 */
	public function __construct( private array $setup ) {
		$endpoints         = Endpoints::from_constants();
		$transport         = new Transport( GoogleError::unreachable( ... ) );
		$this->oauth       = new OAuthClient( $endpoints, $transport );
		$this->api         = new ApiClient( $endpoints, $transport );
		$this->credentials = new AppCredentials( $setup['clientId'], $setup['secret'] );
	}

	/**
	 * @param array<string, mixed> $args
	 */
	public function run( string $step, array $args ): void {
		$token = $this->values['access_token_refreshed'] ?? $this->values['access_token'] ?? '';
		switch ( $step ) {
			case 'exchange_code':
				$grant                         = $this->oauth->token_endpoint()->exchange_code( $this->credentials, $this->setup['code'], $this->setup['verifier'], $this->setup['redirectUri'] );
				$this->values['access_token']  = $grant->access_token;
				$this->values['refresh_token'] = (string) $grant->refresh_token;
				return;
			case 'refresh':
				$this->values['access_token_refreshed'] = $this->oauth->token_endpoint()->refresh( $this->credentials, $this->values['refresh_token'] ?? '' )->access_token;
				return;
			case 'about':
				$this->api->account( $token );
				return;
			case 'files_list':
				$page                       = $this->api->files( $token, (array) $args['query'] );
				$this->values['page_token'] = (string) ( $page['nextPageToken'] ?? '' );
				return;
			case 'files_list_next':
				$this->api->files( $token, (array) $args['query'], $this->values['page_token'] ?? '' );
				return;
			case 'files_get':
				$file                           = $this->api->file( $token, (string) $args['fileId'], (string) $args['fields'] );
				$this->link = (string) ( $file['thumbnailLink'] ?? '' );
				// Links are signed per request: only their size suffix is compared.
				$this->values['thumbnail_link'] = (string) preg_replace( '/=s\d+(-[A-Za-z0-9-]*)?$/', '', (string) wp_parse_url( $this->link, PHP_URL_PATH ) );
				return;
			case 'drives_list':
				$drives         = $this->api->drives( $token, (int) $args['pageSize'] )['drives'] ?? array();
				$this->drive_id = is_array( $drives ) ? (string) ( $drives[0]['id'] ?? '' ) : '';
				return;
			case 'drives_get':
				$this->api->drive( $token, $this->drive_id );
				return;
			case 'changes_start':
				$this->values['start_page_token'] = $this->api->start_page_token( $token );
				return;
			case 'changes_list':
				$this->api->changes( $token, $this->values['start_page_token'] ?? '', (string) $args['fields'], (int) $args['pageSize'] );
				return;
			case 'thumbnail':
				$this->api->thumbnail( $token, DriveThumbnails::sized( $this->link, (int) $args['longEdge'] ) );
				return;
			case 'files_get_each':
				self::settled( $this->api->files_each( $token, array_fill( 0, (int) $args['count'], (string) $args['fileId'] ), (string) $args['fields'] ) );
				return;
			case 'thumbnails_each':
				self::settled( $this->api->thumbnails_each( $token, array_fill( 0, (int) $args['count'], DriveThumbnails::sized( $this->link, (int) $args['longEdge'] ) ) ) );
				return;
			case 'revoke':
				$this->oauth->revoke_token( $this->values['refresh_token'] ?? '' );
				return;
		}
		throw new InvalidArgumentException( "No Google step {$step}." );
	}

	/**
	 * A batch step fails as a single call would: with its first error.
	 *
	 * @param array<array-key, mixed> $answers
	 */
	private static function settled( array $answers ): void {
		foreach ( $answers as $answer ) {
			if ( $answer instanceof GoogleError ) {
				throw $answer;
			}
		}
	}

	/** @return array<string, string> */
	public function values(): array {
		return $this->values;
	}
}
