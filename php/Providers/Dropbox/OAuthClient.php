<?php
/**
 * Dropbox's OAuth 2 endpoints: authorize URL, code exchange, refresh, revoke.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

use CustomerCloudGallery\Http\Transport;
use CustomerCloudGallery\OAuth\TokenEndpoint;

final class OAuthClient {

	private const REVOKE_TIMEOUT = 10;

	/** @var TokenEndpoint<TokenGrant> */
	private TokenEndpoint $token_endpoint;

	/**
	 * Dropbox's token endpoint needs nothing beyond the standard form.
	 */
	public function __construct( private Endpoints $endpoints, private Transport $transport ) {
		$this->token_endpoint = new TokenEndpoint( $transport, $endpoints->token(), TokenGrant::from_response( ... ), ErrorClassifier::token( ... ) );
	}

	/**
	 * No "scope" parameter: the grant then carries exactly what the app has
	 * submitted in the App Console, and the token response tells us what that
	 * was, so a missing permission is reported precisely instead of failing.
	 */
	public function authorize_url( string $app_key, string $redirect_uri, string $state, string $code_challenge ): string {
		return $this->endpoints->authorize() . '?' . http_build_query(
			array(
				'client_id'             => $app_key,
				'response_type'         => 'code',
				'redirect_uri'          => $redirect_uri,
				'state'                 => $state,
				'token_access_type'     => 'offline',
				'code_challenge'        => $code_challenge,
				'code_challenge_method' => 'S256',
			),
			'',
			'&',
			PHP_QUERY_RFC3986
		);
	}

	/**
	 * @throws DropboxError
	 */
	public function exchange_code( Credentials $credentials, string $code, string $code_verifier, string $redirect_uri ): TokenGrant {
		return $this->token_endpoint->exchange_code( $credentials->app_key, $credentials->app_secret, $code, $code_verifier, $redirect_uri );
	}

	/**
	 * The answer carries no new refresh token: Dropbox does not rotate them.
	 *
	 * @throws DropboxError
	 */
	public function refresh( Credentials $credentials, string $refresh_token ): TokenGrant {
		return $this->token_endpoint->refresh( $credentials->app_key, $credentials->app_secret, $refresh_token );
	}

	/**
	 * Revoking the access token also disables the refresh token it came from.
	 *
	 * @throws DropboxError
	 */
	public function revoke( string $access_token ): void {
		$response = $this->transport->request(
			'POST',
			$this->endpoints->rpc( 'auth/token/revoke' ),
			array(
				'Authorization' => 'Bearer ' . $access_token,
				'Content-Type'  => 'application/json',
			),
			'null',
			self::REVOKE_TIMEOUT,
			array( $access_token )
		);
		if ( 200 !== $response->status ) {
			throw ErrorClassifier::api( $response, array( $access_token ) );
		}
	}
}
