<?php
/**
 * Example Cloud's OAuth endpoints and account lookup.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\ExampleProvider;

use CustomerCloudGallery\Http\HttpResponse;
use CustomerCloudGallery\Http\Transport;
use CustomerCloudGallery\OAuth\TokenEndpoint;
use CustomerCloudGallery\Providers\OAuthApp\Account;
use CustomerCloudGallery\Providers\OAuthApp\AccountLookup;
use CustomerCloudGallery\Providers\OAuthApp\AppCredentials;
use CustomerCloudGallery\Providers\OAuthApp\OAuthEndpoints;
use CustomerCloudGallery\Providers\OAuthApp\TokenGrant;
use CustomerCloudGallery\Providers\OAuthApp\TokenRecord;
use CustomerCloudGallery\Providers\ProviderError;

/**
 * Its consent "page" approves at once: the authorize URL is the site's own
 * callback with a code, so Connect completes the real OAuth callback.
 */
final class ExampleOAuth implements OAuthEndpoints, AccountLookup {

	/** @var TokenEndpoint<TokenGrant> */
	private TokenEndpoint $token_endpoint;

	private Transport $transport;

	public function __construct() {
		$this->transport      = new Transport( static fn ( string $summary ): ExampleError => new ExampleError( ProviderError::UNAVAILABLE, 0, $summary ) );
		$this->token_endpoint = new TokenEndpoint(
			$this->transport,
			ExampleCloud::HOST . '/oauth2/token',
			static fn ( ?array $json, int $status ): TokenGrant => TokenGrant::from_response( $json, 3600 ) ?? throw new ExampleError( ProviderError::UNEXPECTED, $status ),
			static fn ( HttpResponse $response ): ExampleError => new ExampleError( ProviderError::INVALID_GRANT, $response->status, 'refused' )
		);
	}

	public function authorize_url( AppCredentials $credentials, string $redirect_uri, string $state, string $code_challenge ): string {
		return add_query_arg(
			array(
				'code'  => ExampleCloud::CODE,
				'state' => rawurlencode( $state ),
			),
			$redirect_uri
		);
	}

	public function token_endpoint(): TokenEndpoint {
		return $this->token_endpoint;
	}

	public function may_revoke_replaced( TokenRecord $replaced, TokenRecord $current ): bool {
		return true;
	}

	public function revoke_grant( TokenRecord $record, ?AppCredentials $credentials ): void {
		$this->revoke_token( $record->access_token );
	}

	public function revoke_token( string $token ): void {
		$response = $this->transport->request( 'POST', ExampleCloud::HOST . '/oauth2/revoke', array(), http_build_query( array( 'token' => $token ) ), 10, array( $token ) );
		if ( 200 !== $response->status ) {
			throw new ExampleError( ProviderError::UNEXPECTED, $response->status );
		}
	}

	public function account( string $access_token ): Account {
		return new Account( 'example-account', ExampleCloud::ACCOUNT['name'], ExampleCloud::ACCOUNT['email'] );
	}
}
