<?php
/**
 * Google's OAuth 2 endpoints: authorize URL, code exchange, refresh, revoke.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Http\Transport;

final class OAuthClient {

	private const TOKEN_TIMEOUT  = 15;
	private const REVOKE_TIMEOUT = 10;

	public function __construct( private Endpoints $endpoints, private Transport $transport ) {}

	/**
	 * Read-only Drive, offline access, and always prompt=consent: without
	 * it a repeat authorization returns no refresh token. Granted scopes are
	 * not merged with older grants (include_granted_scopes=false), so the
	 * token response's "scope" says exactly what this consent allowed.
	 */
	public function authorize_url( string $client_id, string $redirect_uri, string $state, string $code_challenge ): string {
		return $this->endpoints->authorize() . '?' . http_build_query(
			array(
				'client_id'              => $client_id,
				'redirect_uri'           => $redirect_uri,
				'response_type'          => 'code',
				'scope'                  => Scopes::DRIVE_READONLY,
				'access_type'            => 'offline',
				'prompt'                 => 'consent',
				'include_granted_scopes' => 'false',
				'state'                  => $state,
				'code_challenge'         => $code_challenge,
				'code_challenge_method'  => 'S256',
			),
			'',
			'&',
			PHP_QUERY_RFC3986
		);
	}

	/**
	 * @throws GoogleError
	 */
	public function exchange_code( Credentials $credentials, string $code, string $code_verifier, string $redirect_uri ): TokenGrant {
		return $this->token_request(
			$credentials,
			array(
				'grant_type'    => 'authorization_code',
				'code'          => $code,
				'redirect_uri'  => $redirect_uri,
				'code_verifier' => $code_verifier,
			),
			array( $code, $code_verifier )
		);
	}

	/**
	 * @throws GoogleError
	 */
	public function refresh( Credentials $credentials, string $refresh_token ): TokenGrant {
		return $this->token_request(
			$credentials,
			array(
				'grant_type'    => 'refresh_token',
				'refresh_token' => $refresh_token,
			),
			array( $refresh_token )
		);
	}

	/**
	 * Revoking the refresh token also invalidates its access tokens. Only a
	 * 200 is success, as in Google's own PHP client.
	 *
	 * @param string $token The refresh token (or, lacking one, the access token).
	 *
	 * @throws GoogleError
	 */
	public function revoke( string $token ): void {
		$response = $this->transport->request(
			'POST',
			$this->endpoints->revoke(),
			array(
				'Content-Type'  => 'application/x-www-form-urlencoded',
				'Cache-Control' => 'no-store',
			),
			http_build_query( array( 'token' => $token ), '', '&' ),
			self::REVOKE_TIMEOUT,
			array( $token )
		);
		if ( 200 !== $response->status ) {
			throw ErrorClassifier::token( $response, array( $token ) );
		}
	}

	/**
	 * Client ID and secret in the form body, as Google's own libraries send them.
	 *
	 * @param array<string, string> $params
	 * @param list<string>          $secrets
	 *
	 * @throws GoogleError
	 */
	private function token_request( Credentials $credentials, array $params, array $secrets ): TokenGrant {
		$secrets[] = $credentials->client_secret;
		$response  = $this->transport->request(
			'POST',
			$this->endpoints->token(),
			array(
				'Content-Type'  => 'application/x-www-form-urlencoded',
				'Cache-Control' => 'no-store',
			),
			http_build_query(
				$params + array(
					'client_id'     => $credentials->client_id,
					'client_secret' => $credentials->client_secret,
				),
				'',
				'&'
			),
			self::TOKEN_TIMEOUT,
			$secrets
		);
		if ( 200 !== $response->status ) {
			throw ErrorClassifier::token( $response, $secrets );
		}
		return TokenGrant::from_response( $response->json_object(), $response->status );
	}
}
