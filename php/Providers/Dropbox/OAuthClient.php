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
use CustomerCloudGallery\Providers\OAuthApp\AppCredentials;
use CustomerCloudGallery\Providers\OAuthApp\OAuthEndpoints;
use CustomerCloudGallery\Providers\OAuthApp\TokenGrant;
use CustomerCloudGallery\Providers\OAuthApp\TokenRecord;

final class OAuthClient implements OAuthEndpoints {

	private const REVOKE_TIMEOUT = 10;

	/** Dropbox's short-lived access tokens last four hours. */
	private const DEFAULT_LIFETIME = 14400;

	/** @var TokenEndpoint<TokenGrant> */
	private TokenEndpoint $token_endpoint;

	/**
	 * Dropbox's token endpoint needs nothing beyond the standard form.
	 */
	public function __construct( private Endpoints $endpoints, private Transport $transport ) {
		$this->token_endpoint = new TokenEndpoint( $transport, $endpoints->token(), self::grant( ... ), ErrorClassifier::token( ... ) );
	}

	/**
	 * No "scope" parameter: the grant then carries exactly what the app has
	 * submitted in the App Console, and the token response tells us what that
	 * was, so a missing permission is reported precisely instead of failing.
	 */
	public function authorize_url( AppCredentials $credentials, string $redirect_uri, string $state, string $code_challenge ): string {
		return $this->endpoints->authorize() . '?' . http_build_query(
			array(
				'client_id'             => $credentials->client_id,
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
	 * A refresh's answer carries no new refresh token: Dropbox does not rotate them.
	 *
	 * @return TokenEndpoint<TokenGrant>
	 */
	public function token_endpoint(): TokenEndpoint {
		return $this->token_endpoint;
	}

	/**
	 * auth/token/revoke "disables the access token used to authenticate the
	 * call ... that refresh token, as well as any other access tokens for
	 * that refresh token" (Dropbox's API spec): another consent's refresh
	 * token is untouched, so a replaced grant can always go.
	 */
	public function may_revoke_replaced( TokenRecord $replaced, TokenRecord $current ): bool {
		return true;
	}

	/**
	 * auth/token/revoke is an API call: it needs a live access token of the
	 * grant, so an expired one is refreshed first (with the grant's own
	 * refresh token: the stored grant may be another one by now).
	 *
	 * @throws DropboxError
	 */
	public function revoke_grant( TokenRecord $record, ?AppCredentials $credentials ): void {
		$renew = null === $record->refresh_token || null === $credentials
			? null
			: fn (): string => $this->token_endpoint->refresh( $credentials, (string) $record->refresh_token )->access_token;
		if ( null !== $renew && $record->expires_within( 60, time() ) ) {
			$this->revoke_token( $renew() );
			return;
		}
		try {
			$this->revoke_token( $record->access_token );
		} catch ( DropboxError $error ) {
			if ( null === $renew || ! in_array( $error->kind, array( DropboxError::EXPIRED, DropboxError::INVALID_TOKEN ), true ) ) {
				throw $error;
			}
			$this->revoke_token( $renew() );
		}
	}

	/**
	 * Revoking the access token also disables the refresh token it came from.
	 *
	 * @throws DropboxError
	 */
	public function revoke_token( string $access_token ): void {
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

	/**
	 * @param array<string, mixed>|null $json
	 *
	 * @throws DropboxError When the body is not a token response.
	 */
	private static function grant( ?array $json, int $http_status ): TokenGrant {
		return TokenGrant::from_response( $json, self::DEFAULT_LIFETIME )
			?? throw new DropboxError( DropboxError::UNEXPECTED, $http_status, 'The token response carried no access_token.' );
	}
}
