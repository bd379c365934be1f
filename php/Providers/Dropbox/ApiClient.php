<?php
/**
 * Dropbox API v2 RPC routes, called with a given access token.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

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
			$this->rpc(
				$access_token,
				'files/list_folder',
				array(
					'path'                           => $path,
					'limit'                          => $limit,
					'include_non_downloadable_files' => false,
				)
			)
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
		$arguments = array();
		foreach ( $entries as $entry ) {
			$arguments[] = $entry + array( 'format' => 'jpeg' );
		}
		$json    = $this->rpc( $access_token, 'files/get_thumbnail_batch', array( 'entries' => $arguments ), true );
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
			array(
				'Authorization' => 'Bearer ' . $access_token,
				'Content-Type'  => 'application/json',
			),
			null === $argument ? 'null' : (string) wp_json_encode( $argument ),
			self::TIMEOUT,
			array( $access_token )
		);
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
