<?php
/**
 * Google's OAuth 2 endpoints: authorize URL, code exchange, refresh, revoke.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Http\Transport;
use CustomerCloudGallery\OAuth\TokenEndpoint;
use CustomerCloudGallery\Providers\OAuthApp\AppCredentials;
use CustomerCloudGallery\Providers\OAuthApp\OAuthEndpoints;
use CustomerCloudGallery\Providers\OAuthApp\TokenGrant;
use CustomerCloudGallery\Providers\OAuthApp\TokenRecord;

final class OAuthClient implements OAuthEndpoints {

	private const REVOKE_TIMEOUT = 10;

	/** Google's access tokens last about an hour (expires_in 3599). */
	private const DEFAULT_LIFETIME = 3599;

	/**
	 * The form type as google-auth-library sends it. No Cache-Control: it
	 * governs the answer, and Google's token answers carry their own
	 * no-store; its own clients send none.
	 */
	private const FORM = array( 'Content-Type' => 'application/x-www-form-urlencoded;charset=UTF-8' );

	/** @var TokenEndpoint<TokenGrant> */
	private TokenEndpoint $token_endpoint;

	public function __construct( private Endpoints $endpoints, private Transport $transport ) {
		$this->token_endpoint = new TokenEndpoint( $transport, $endpoints->token(), self::grant( ... ), ErrorClassifier::token( ... ), self::FORM );
	}

	/**
	 * Read-only Drive, offline access, and always prompt=consent: without
	 * it a repeat authorization returns no refresh token. Granted scopes are
	 * not merged with older grants (include_granted_scopes=false), so the
	 * token response's "scope" says exactly what this consent allowed.
	 */
	public function authorize_url( AppCredentials $credentials, string $redirect_uri, string $state, string $code_challenge ): string {
		return $this->endpoints->authorize() . '?' . http_build_query(
			array(
				'client_id'              => $credentials->client_id,
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
	 * @return TokenEndpoint<TokenGrant>
	 */
	public function token_endpoint(): TokenEndpoint {
		return $this->token_endpoint;
	}

	/**
	 * Google's revocation ends the app's whole grant for that Google
	 * account, every token of it ("Revoking a token": the user's access is
	 * removed): a replaced grant of the same account shares it with the new
	 * one, so only another account's grant can go.
	 */
	public function may_revoke_replaced( TokenRecord $replaced, TokenRecord $current ): bool {
		// Drive's about names the account by its email address.
		$before = $replaced->account_id ?? $replaced->account_email;
		$after  = $current->account_id ?? $current->account_email;
		return null !== $before && null !== $after && strtolower( $before ) !== strtolower( $after );
	}

	/**
	 * Revokes the refresh token (which takes its access tokens with it)
	 * straight at the revoke endpoint: no API call, so no live access token
	 * is needed.
	 *
	 * @throws GoogleError
	 */
	public function revoke_grant( TokenRecord $record, ?AppCredentials $credentials ): void {
		$this->revoke_token( $record->refresh_token ?? $record->access_token );
	}

	/**
	 * Revoking the refresh token also invalidates its access tokens. Only a
	 * 200 is success, as in Google's own PHP client.
	 *
	 * @param string $token The refresh token (or, lacking one, the access token).
	 *
	 * @throws GoogleError
	 */
	public function revoke_token( string $token ): void {
		$response = $this->transport->request(
			'POST',
			$this->endpoints->revoke(),
			self::FORM,
			http_build_query( array( 'token' => $token ), '', '&' ),
			self::REVOKE_TIMEOUT,
			array( $token )
		);
		if ( 200 !== $response->status ) {
			throw ErrorClassifier::token( $response, array( $token ) );
		}
	}

	/**
	 * @param array<string, mixed>|null $json
	 *
	 * @throws GoogleError When the body is not a token response.
	 */
	private static function grant( ?array $json, int $http_status ): TokenGrant {
		return TokenGrant::from_response( $json, self::DEFAULT_LIFETIME )
			?? throw new GoogleError( GoogleError::UNEXPECTED, $http_status, 'The token response carried no access_token.' );
	}
}
