<?php
/**
 * Dropbox API v2 RPC routes, called with a given access token.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

use CustomerCloudGallery\Http\HttpResponse;
use CustomerCloudGallery\Http\Transport;
use CustomerCloudGallery\Providers\OAuthApp\Account;
use CustomerCloudGallery\Providers\OAuthApp\AccountLookup;

/**
 * Stateless: it neither stores nor refreshes tokens (AuthorizedCalls does).
 */
final class ApiClient implements AccountLookup {

	private const TIMEOUT = 20;

	public function __construct( private Endpoints $endpoints, private Transport $transport ) {}

	/**
	 * users/get_current_account; needs the account_info.read scope.
	 *
	 * @throws DropboxError
	 */
	public function account( string $access_token ): Account {
		$json = $this->rpc( $access_token, 'users/get_current_account', null );
		$name = is_array( $json['name'] ?? null ) ? ( $json['name']['display_name'] ?? '' ) : '';
		return new Account(
			is_string( $json['account_id'] ?? null ) ? $json['account_id'] : '',
			is_string( $name ) ? $name : '',
			is_string( $json['email'] ?? null ) ? $json['email'] : ''
		);
	}

	/**
	 * Needs files.metadata.read. The root is "", never "/".
	 *
	 * @throws DropboxError
	 */
	public function list_folder( string $access_token, string $path, int $limit ): FolderPage {
		return FolderPage::from_json(
			$this->rpc( $access_token, 'files/list_folder', self::list_argument( $path, $limit ) )
		);
	}

	/**
	 * Needs files.metadata.read. The cursor must be the only field.
	 *
	 * @throws DropboxError
	 */
	public function list_folder_continue( string $access_token, string $cursor ): FolderPage {
		return FolderPage::from_json( $this->rpc( $access_token, 'files/list_folder/continue', array( 'cursor' => $cursor ) ) );
	}

	/**
	 * Needs files.metadata.read. Never for the root (""): Dropbox refuses it.
	 *
	 * @param string $path "/path", "id:…" or "rev:…".
	 *
	 * @throws DropboxError
	 */
	public function get_metadata( string $access_token, string $path ): FolderEntry {
		return FolderEntry::from_json( $this->rpc( $access_token, 'files/get_metadata', array( 'path' => $path ) ) );
	}

	/**
	 * Needs files.metadata.read. What Dropbox knows of a photo: date taken and
	 * dimensions (as displayed), all 0 while Dropbox is still reading it.
	 *
	 * @return array{taken: int, width: int, height: int}
	 *
	 * @throws DropboxError
	 */
	public function get_media_info( string $access_token, string $path ): array {
		$json       = $this->rpc(
			$access_token,
			'files/get_metadata',
			array(
				'path'               => $path,
				'include_media_info' => true,
			)
		);
		$media      = $json['media_info']['metadata'] ?? null;
		$dimensions = is_array( $media ) && is_array( $media['dimensions'] ?? null ) ? $media['dimensions'] : array();
		$taken      = is_array( $media ) && is_string( $media['time_taken'] ?? null ) ? strtotime( $media['time_taken'] ) : false;
		return array(
			'taken'  => false === $taken ? 0 : $taken,
			'width'  => (int) ( $dimensions['width'] ?? 0 ),
			'height' => (int) ( $dimensions['height'] ?? 0 ),
		);
	}

	/**
	 * Needs files.content.read. Download style, as the official SDK sends it:
	 * the argument travels in the Dropbox-API-Arg header (ASCII only:
	 * wp_json_encode escapes the rest), with no body and no Content-Type.
	 * Dropbox answers 400 to any non-empty Content-Type here, and the HTTP
	 * transports add one to every POST by themselves (cURL
	 * application/x-www-form-urlencoded, fsockopen the same with a charset)
	 * unless the request names the header: an empty value makes cURL send
	 * none and fsockopen send it empty, both of which Dropbox accepts.
	 *
	 * @throws DropboxError
	 */
	public function get_thumbnail( string $access_token, string $path, string $size, string $mode ): Thumbnail {
		$argument = array(
			'resource' => array(
				'.tag' => 'path',
				'path' => $path,
			),
			'format'   => 'jpeg',
			'size'     => $size,
			'mode'     => $mode,
		);
		$response = $this->transport->request(
			'POST',
			$this->endpoints->content( 'files/get_thumbnail_v2' ),
			array(
				'Authorization'   => 'Bearer ' . $access_token,
				'Dropbox-API-Arg' => (string) wp_json_encode( $argument ),
				'Content-Type'    => '',
			),
			null,
			self::TIMEOUT,
			array( $access_token )
		);
		if ( 200 !== $response->status ) {
			throw ErrorClassifier::api( $response, array( $access_token ) );
		}
		$result   = json_decode( (string) $response->header( 'dropbox-api-result' ), true );
		$metadata = is_array( $result ) && is_array( $result['file_metadata'] ?? null ) ? $result['file_metadata'] : array();
		return Thumbnail::from_metadata( $response->body, $metadata );
	}

	/**
	 * Needs files.content.read. RPC style on the content host, at most 25
	 * entries; per-entry failures come back as null.
	 *
	 * @param list<array{path: string, size: string, mode: string}> $entries
	 *
	 * @return list<Thumbnail|null> In the order asked.
	 *
	 * @throws DropboxError
	 */
	public function get_thumbnail_batch( string $access_token, array $entries ): array {
		return self::thumbnails_of( $this->rpc( $access_token, 'files/get_thumbnail_batch', self::batch_argument( $entries ), true ) );
	}

	/**
	 * Several get_thumbnail_batch calls sent at once (Transport::request_all),
	 * each exactly as get_thumbnail_batch() sends it. The answers are read one
	 * at a time, and each body is let go once read.
	 *
	 * @param array<array-key, list<array{path: string, size: string, mode: string}>> $batches
	 *
	 * @return array<array-key, list<Thumbnail|null>|DropboxError> By the keys of $batches; a
	 *                                                            failed call is its key's entry.
	 */
	public function get_thumbnail_batches( string $access_token, array $batches ): array {
		$calls = array();
		foreach ( $batches as $key => $entries ) {
			$calls[ $key ] = array( 'files/get_thumbnail_batch', self::batch_argument( $entries ), true );
		}
		$results = array();
		foreach ( $this->rpc_each( $access_token, $calls ) as $key => $json ) {
			$results[ $key ] = $json instanceof DropboxError ? $json : self::thumbnails_of( $json );
		}
		return $results;
	}

	/**
	 * A folder's metadata and the first page of its listing, asked at once
	 * (one round trip instead of two); each as get_metadata() and
	 * list_folder() ask for it.
	 *
	 * @param string $path "id:…" or "/path", never the root.
	 *
	 * @return array{metadata?: FolderEntry|DropboxError, page?: FolderPage|DropboxError} Only the keys of $which.
	 */
	public function metadata_and_list_folder( string $access_token, string $path, int $limit, array $which = array( 'metadata', 'page' ) ): array {
		$calls = array_intersect_key(
			array(
				'metadata' => array( 'files/get_metadata', array( 'path' => $path ), false ),
				'page'     => array( 'files/list_folder', self::list_argument( $path, $limit ), false ),
			),
			array_flip( $which )
		);
		$results = array();
		foreach ( $this->rpc_each( $access_token, $calls ) as $key => $json ) {
			if ( $json instanceof DropboxError ) {
				$results[ $key ] = $json;
				continue;
			}
			try {
				$results[ $key ] = 'metadata' === $key ? FolderEntry::from_json( $json ) : FolderPage::from_json( $json );
			} catch ( DropboxError $error ) {
				$results[ $key ] = $error;
			}
		}
		return $results;
	}

	/**
	 * Several RPC calls sent at once (Transport::request_all), each exactly
	 * as rpc() sends it. The answers are read one at a time, and each body is
	 * let go once read.
	 *
	 * @param array<array-key, array{0: string, 1: array<string, mixed>, 2: bool}> $calls Route, argument,
	 *                                                                                 content host.
	 *
	 * @return array<array-key, array<string, mixed>|DropboxError> By the keys of $calls.
	 */
	private function rpc_each( string $access_token, array $calls ): array {
		$requests = array();
		foreach ( $calls as $key => list( $route, $argument, $content_host ) ) {
			$requests[ $key ] = array(
				'method'  => 'POST',
				'url'     => $content_host ? $this->endpoints->content( $route ) : $this->endpoints->rpc( $route ),
				'headers' => self::rpc_headers( $access_token ),
				'body'    => (string) wp_json_encode( $argument ),
			);
		}
		$responses = $this->transport->request_all( $requests, self::TIMEOUT, array( $access_token ) );
		$results   = array();
		foreach ( array_keys( $responses ) as $key ) {
			$response = $responses[ $key ];
			unset( $responses[ $key ] );
			try {
				if ( ! $response instanceof HttpResponse ) {
					throw $response;
				}
				$results[ $key ] = self::rpc_answer( $response, $calls[ $key ][0], $access_token );
			} catch ( DropboxError $error ) {
				$results[ $key ] = $error;
			}
		}
		return $results;
	}

	/**
	 * @return array<string, mixed>
	 */
	private static function list_argument( string $path, int $limit ): array {
		return array(
			'path'                           => $path,
			'limit'                          => $limit,
			'include_non_downloadable_files' => false,
		);
	}

	/**
	 * @param list<array{path: string, size: string, mode: string}> $entries
	 *
	 * @return array{entries: list<array<string, string>>}
	 */
	private static function batch_argument( array $entries ): array {
		$arguments = array();
		foreach ( $entries as $entry ) {
			$arguments[] = $entry + array( 'format' => 'jpeg' );
		}
		return array( 'entries' => $arguments );
	}

	/**
	 * @param array<string, mixed> $json A get_thumbnail_batch answer.
	 *
	 * @return list<Thumbnail|null>
	 */
	private static function thumbnails_of( array $json ): array {
		$results = array();
		foreach ( is_array( $json['entries'] ?? null ) ? $json['entries'] : array() as $item ) {
			$bytes     = is_array( $item ) && 'success' === ( $item['.tag'] ?? '' ) && is_string( $item['thumbnail'] ?? null ) ? base64_decode( $item['thumbnail'], true ) : false;
			$results[] = false === $bytes ? null : Thumbnail::from_metadata( $bytes, is_array( $item['metadata'] ?? null ) ? $item['metadata'] : array() );
		}
		return $results;
	}

	/**
	 * A void argument is sent as the literal JSON "null": an empty body with
	 * a JSON content type is a 400 at Dropbox.
	 *
	 * @param array<string, mixed>|null $argument
	 *
	 * @return array<string, mixed>
	 *
	 * @throws DropboxError
	 */
	private function rpc( string $access_token, string $route, ?array $argument, bool $content_host = false ): array {
		$response = $this->transport->request(
			'POST',
			$content_host ? $this->endpoints->content( $route ) : $this->endpoints->rpc( $route ),
			self::rpc_headers( $access_token ),
			null === $argument ? 'null' : (string) wp_json_encode( $argument ),
			self::TIMEOUT,
			array( $access_token )
		);
		return self::rpc_answer( $response, $route, $access_token );
	}

	/**
	 * @return array<string, string>
	 */
	private static function rpc_headers( string $access_token ): array {
		return array(
			'Authorization' => 'Bearer ' . $access_token,
			'Content-Type'  => 'application/json',
		);
	}

	/**
	 * @return array<string, mixed>
	 *
	 * @throws DropboxError
	 */
	private static function rpc_answer( HttpResponse $response, string $route, string $access_token ): array {
		if ( 200 !== $response->status ) {
			throw ErrorClassifier::api( $response, array( $access_token ) );
		}
		$json = $response->json_object();
		if ( null === $json ) {
			throw new DropboxError( DropboxError::UNEXPECTED, $response->status, "Dropbox answered {$route} with something other than JSON." );
		}
		return $json;
	}
}
