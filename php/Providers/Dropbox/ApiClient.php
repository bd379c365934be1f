<?php
/**
 * Dropbox API v2 RPC routes, called with a given access token.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

/**
 * Stateless: it neither stores nor refreshes tokens (AuthorizedCalls does).
 * Later issues add list_folder/continue, get_metadata and thumbnails here.
 */
final class ApiClient {

	private const TIMEOUT = 20;

	public function __construct( private Endpoints $endpoints, private Transport $transport ) {}

	/**
	 * Needs the account_info.read scope.
	 *
	 * @throws DropboxError
	 */
	public function get_current_account( string $access_token ): Account {
		return Account::from_json( $this->rpc( $access_token, 'users/get_current_account', null ) );
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
	 * A void argument is sent as the literal JSON "null": an empty body with
	 * a JSON content type is a 400 at Dropbox.
	 *
	 * @param array<string, mixed>|null $argument
	 *
	 * @return array<string, mixed>
	 *
	 * @throws DropboxError
	 */
	private function rpc( string $access_token, string $route, ?array $argument ): array {
		$response = $this->transport->post(
			$this->endpoints->rpc( $route ),
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
