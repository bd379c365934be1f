<?php
/**
 * The two token requests every OAuth provider here answers: redeeming an
 * authorization code, and refreshing.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\OAuth;

use Closure;
use CustomerCloudGallery\Http\HttpResponse;
use CustomerCloudGallery\Http\Transport;
use CustomerCloudGallery\Providers\OAuthApp\AppCredentials;
use Throwable;

/**
 * RFC 6749 §4.1.3 with the PKCE verifier of RFC 7636 §4.5, and §6. The
 * client ID and secret travel in the form body, the encoding Dropbox's SDKs
 * and Google's own libraries use. What differs per provider is passed in:
 * the URL, extra headers, how an answer becomes a grant and how an error
 * answer is classified.
 *
 * @template T of object
 */
final class TokenEndpoint {

	private const TIMEOUT = 15;

	/**
	 * @param string                                        $url     The provider's token endpoint.
	 * @param Closure(array<string, mixed>|null, int): T    $grant   Reads a 200 answer's JSON (and status).
	 * @param Closure(HttpResponse, list<string>): Throwable $refusal Classifies any other answer; gets the
	 *                                                               secrets to redact from its summary.
	 * @param array<string, string>                         $headers Sent with the form; a Content-Type here
	 *                                                               replaces the plain form type.
	 */
	public function __construct(
		private Transport $transport,
		private string $url,
		private Closure $grant,
		private Closure $refusal,
		private array $headers = array()
	) {}

	/**
	 * @return T
	 *
	 * @throws Throwable The provider's error: a refusal, or no answer at all.
	 */
	public function exchange_code( AppCredentials $app, string $code, string $code_verifier, string $redirect_uri ): object {
		return $this->request(
			$app,
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
	 * @return T
	 *
	 * @throws Throwable The provider's error: a refusal, or no answer at all.
	 */
	public function refresh( AppCredentials $app, string $refresh_token ): object {
		return $this->request(
			$app,
			array(
				'grant_type'    => 'refresh_token',
				'refresh_token' => $refresh_token,
			),
			array( $refresh_token )
		);
	}

	/**
	 * @param array<string, string> $params
	 * @param list<string>          $secrets What this request carries that no error summary may repeat.
	 *
	 * @return T
	 *
	 * @throws Throwable
	 */
	private function request( AppCredentials $app, array $params, array $secrets ): object {
		$secrets[] = $app->secret;
		$response  = $this->transport->request(
			'POST',
			$this->url,
			array_merge( array( 'Content-Type' => 'application/x-www-form-urlencoded' ), $this->headers ),
			http_build_query(
				$params + array(
					'client_id'     => $app->client_id,
					'client_secret' => $app->secret,
				),
				'',
				'&'
			),
			self::TIMEOUT,
			$secrets
		);
		if ( 200 !== $response->status ) {
			throw ( $this->refusal )( $response, $secrets );
		}
		return ( $this->grant )( $response->json_object(), $response->status );
	}
}
