<?php
/**
 * Drive v3 routes, called with a given access token.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Http\HttpResponse;
use CustomerCloudGallery\Http\Transport;
use CustomerCloudGallery\Providers\OAuthApp\Account;
use CustomerCloudGallery\Providers\OAuthApp\AccountLookup;

/**
 * Stateless: it neither stores nor refreshes tokens (AuthorizedCalls does).
 * Every call names its fields: without them Drive answers a bare minimum.
 * Answers stay decoded arrays, never objects per file, so a page of 1,000
 * files costs what its JSON does.
 */
final class ApiClient implements AccountLookup {

	private const TIMEOUT = 20;

	/** A listing page can be 1,000 files with metadata. */
	private const LIST_TIMEOUT = 30;

	public function __construct( private Endpoints $endpoints, private Transport $transport ) {}

	/**
	 * about.get: the name and email of the account the grant belongs to.
	 *
	 * @throws GoogleError
	 */
	public function account( string $access_token ): Account {
		$json = $this->get( $access_token, $this->endpoints->drive( 'about', array( 'fields' => 'user(displayName,emailAddress)' ) ) );
		$user = is_array( $json['user'] ?? null ) ? $json['user'] : array();
		return new Account(
			'',
			is_string( $user['displayName'] ?? null ) ? $user['displayName'] : '',
			is_string( $user['emailAddress'] ?? null ) ? $user['emailAddress'] : ''
		);
	}

	/**
	 * files.get; $file_id may be the alias "root" (My Drive's root folder).
	 *
	 * @return array<string, mixed>
	 *
	 * @throws GoogleError
	 */
	public function file( string $access_token, string $file_id, string $fields ): array {
		return $this->get( $access_token, $this->file_url( $file_id, $fields ) );
	}

	/**
	 * files.get of several files, sent together (Transport::request_all).
	 *
	 * @param array<array-key, string> $file_ids
	 *
	 * @return array<array-key, array<string, mixed>|GoogleError> By the keys of $file_ids; a
	 *                                                           failure is its file's entry.
	 */
	public function files_each( string $access_token, array $file_ids, string $fields ): array {
		$urls = array();
		foreach ( $file_ids as $key => $file_id ) {
			$urls[ $key ] = $this->file_url( $file_id, $fields );
		}
		return $this->get_each( $access_token, $urls, self::resource( ... ) );
	}

	/**
	 * One page of files.list.
	 *
	 * @param array<string, string|int> $query q, fields, pageSize, orderBy, corpora, driveId…
	 *
	 * @return array<string, mixed>
	 *
	 * @throws GoogleError
	 */
	public function files( string $access_token, array $query, string $page_token = '' ): array {
		return $this->get( $access_token, $this->files_url( $query, $page_token ), self::LIST_TIMEOUT );
	}

	/**
	 * A page of files.list and, in the same round trip, files.get of one
	 * folder (Transport::request_all), each exactly as files() and file()
	 * send it: a folder's listing and the climb to its top go side by side.
	 *
	 * @param list<string>              $which 'page', 'file' or both.
	 * @param array<string, string|int> $query As for files().
	 *
	 * @return array<string, array<string, mixed>|GoogleError> By the keys of $which; a failure is its entry.
	 */
	public function files_and_file( string $access_token, array $which, array $query, string $page_token, string $file_id, string $fields ): array {
		$urls = array();
		if ( in_array( 'page', $which, true ) ) {
			$urls['page'] = $this->files_url( $query, $page_token );
		}
		if ( in_array( 'file', $which, true ) ) {
			$urls['file'] = $this->file_url( $file_id, $fields );
		}
		return $this->get_each( $access_token, $urls, self::resource( ... ), self::LIST_TIMEOUT );
	}

	/**
	 * @param array<string, string|int> $query
	 */
	private function files_url( array $query, string $page_token ): string {
		$query += array(
			'supportsAllDrives'         => 'true',
			'includeItemsFromAllDrives' => 'true',
		);
		if ( '' !== $page_token ) {
			$query['pageToken'] = $page_token;
		}
		return $this->endpoints->drive( 'files', $query );
	}

	/**
	 * One page of the shared drives this account is a member of.
	 *
	 * @return array<string, mixed>
	 *
	 * @throws GoogleError
	 */
	public function drives( string $access_token, int $page_size, string $page_token = '' ): array {
		$query = array(
			'fields'   => 'nextPageToken,drives(id,name)',
			'pageSize' => $page_size,
		);
		if ( '' !== $page_token ) {
			$query['pageToken'] = $page_token;
		}
		return $this->get( $access_token, $this->endpoints->drive( 'drives', $query ) );
	}

	/**
	 * @return array<string, mixed> The shared drive's id and name.
	 *
	 * @throws GoogleError
	 */
	public function drive( string $access_token, string $drive_id ): array {
		return $this->get( $access_token, $this->endpoints->drive( 'drives/' . rawurlencode( $drive_id ), array( 'fields' => 'id,name' ) ) );
	}

	/**
	 * changes.getStartPageToken of the user's corpus (My Drive and the
	 * shared drives they belong to, with supportsAllDrives).
	 *
	 * @throws GoogleError
	 */
	public function start_page_token( string $access_token ): string {
		$json = $this->get(
			$access_token,
			$this->endpoints->drive(
				'changes/startPageToken',
				array(
					'fields'            => 'startPageToken',
					'supportsAllDrives' => 'true',
				)
			)
		);
		return is_string( $json['startPageToken'] ?? null ) ? $json['startPageToken'] : '';
	}

	/**
	 * One page of changes.list from a page token, shared drives included.
	 *
	 * @return array<string, mixed>
	 *
	 * @throws GoogleError BAD_REQUEST when Drive no longer takes the token.
	 */
	public function changes( string $access_token, string $page_token, string $fields, int $page_size ): array {
		return $this->get(
			$access_token,
			$this->endpoints->drive(
				'changes',
				array(
					'pageToken'                 => $page_token,
					'pageSize'                  => $page_size,
					'fields'                    => $fields,
					'supportsAllDrives'         => 'true',
					'includeItemsFromAllDrives' => 'true',
				)
			),
			self::LIST_TIMEOUT
		);
	}

	/**
	 * A thumbnailLink's bytes, fetched with the Bearer header (links of
	 * private files need it). The caller vets the host first.
	 *
	 * @throws GoogleError NOT_FOUND when the answer is not an image.
	 */
	public function thumbnail( string $access_token, string $url ): string {
		$response = $this->transport->request( 'GET', $url, array( 'Authorization' => 'Bearer ' . $access_token ), null, self::TIMEOUT, array( $access_token ) );
		return self::image( $response, $access_token );
	}

	/**
	 * Several thumbnailLinks' bytes, fetched together; the caller vets every
	 * host first.
	 *
	 * @param array<array-key, string> $urls
	 *
	 * @return array<array-key, string|GoogleError> By the keys of $urls.
	 */
	public function thumbnails_each( string $access_token, array $urls ): array {
		return $this->get_each( $access_token, $urls, self::image( ... ) );
	}

	/**
	 * @template T
	 *
	 * @param array<array-key, string>            $urls
	 * @param callable(HttpResponse, string): T $read Reads one answer; throws GoogleError.
	 *
	 * @return array<array-key, T|GoogleError>
	 */
	private function get_each( string $access_token, array $urls, callable $read, int $timeout = self::TIMEOUT ): array {
		$requests = array();
		foreach ( $urls as $key => $url ) {
			$requests[ $key ] = array(
				'method'  => 'GET',
				'url'     => $url,
				'headers' => array( 'Authorization' => 'Bearer ' . $access_token ),
			);
		}
		$answers = array();
		foreach ( $this->transport->request_all( $requests, $timeout, array( $access_token ) ) as $key => $response ) {
			if ( ! $response instanceof HttpResponse ) {
				// The transport's own unreachable error is a GoogleError: nothing else is expected.
				$answers[ $key ] = $response instanceof GoogleError ? $response : throw $response;
				continue;
			}
			try {
				$answers[ $key ] = $read( $response, $access_token );
			} catch ( GoogleError $error ) {
				$answers[ $key ] = $error;
			}
		}
		return $answers;
	}

	/**
	 * @return array<string, mixed>
	 *
	 * @throws GoogleError
	 */
	private static function resource( HttpResponse $response, string $access_token ): array {
		if ( 200 !== $response->status ) {
			throw ErrorClassifier::api( $response, array( $access_token ) );
		}
		$json = $response->json_object();
		if ( null === $json ) {
			throw new GoogleError( GoogleError::UNEXPECTED, $response->status, 'Drive answered with something other than JSON.' );
		}
		return $json;
	}

	/**
	 * @throws GoogleError NOT_FOUND when the answer is not an image.
	 */
	private static function image( HttpResponse $response, string $access_token ): string {
		if ( 200 !== $response->status ) {
			throw ErrorClassifier::api( $response, array( $access_token ) );
		}
		$type = strtolower( (string) $response->header( 'content-type' ) );
		if ( '' === $response->body || ( '' !== $type && ! str_starts_with( $type, 'image/' ) ) ) {
			throw new GoogleError( GoogleError::NOT_FOUND, $response->status, 'The thumbnail link answered something other than an image.' );
		}
		return $response->body;
	}

	private function file_url( string $file_id, string $fields ): string {
		return $this->endpoints->drive(
			'files/' . rawurlencode( $file_id ),
			array(
				'fields'            => $fields,
				'supportsAllDrives' => 'true',
			)
		);
	}

	/**
	 * @return array<string, mixed>
	 *
	 * @throws GoogleError
	 */
	private function get( string $access_token, string $url, int $timeout = self::TIMEOUT ): array {
		$response = $this->transport->request(
			'GET',
			$url,
			array( 'Authorization' => 'Bearer ' . $access_token ),
			null,
			$timeout,
			array( $access_token )
		);
		if ( 200 !== $response->status ) {
			throw ErrorClassifier::api( $response, array( $access_token ) );
		}
		$json = $response->json_object();
		if ( null === $json ) {
			throw new GoogleError( GoogleError::UNEXPECTED, $response->status, 'Drive answered with something other than JSON.' );
		}
		return $json;
	}
}
