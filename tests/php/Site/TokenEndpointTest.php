<?php
/**
 * The code exchange and refresh requests both providers' OAuthClients send.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Site;

use CustomerCloudGallery\Http\HttpResponse;
use CustomerCloudGallery\Http\Transport;
use CustomerCloudGallery\OAuth\TokenEndpoint;
use CustomerCloudGallery\Providers\OAuthApp\AppCredentials;
use CustomerCloudGallery\Tests\TestCase;
use RuntimeException;
use stdClass;

final class TokenEndpointTest extends TestCase {

	private const URL = 'https://token.example.test/oauth2/token';

	/** @var list<array{url: string, args: array<string, mixed>}> */
	private array $sent = array();

	/** @var array<string, mixed> */
	private array $answer = array();

	/** @var list<array{HttpResponse, list<string>}> What the refusal classifier was given. */
	private array $refusals = array();

	protected function setUp(): void {
		parent::setUp();
		$this->add_filter(
			'pre_http_request',
			function ( mixed $preempt, array $args, string $url ): array {
				$this->sent[] = array(
					'url'  => $url,
					'args' => $args,
				);
				return $this->answer;
			}
		);
		$this->answer( 200, '{"access_token": "at-1", "expires_in": 3600}' );
	}

	public function test_a_code_is_redeemed_with_its_verifier_and_the_client_in_the_form(): void {
		$grant = $this->endpoint( array( 'Cache-Control' => 'no-store' ) )->exchange_code( new AppCredentials( 'client-1', 'secret-1' ), 'code-1', 'verifier-1', 'https://site.test/callback' );

		$this->assertSame( array( array( 'access_token' => 'at-1', 'expires_in' => 3600 ), 200 ), $grant->read );
		$this->assertCount( 1, $this->sent );
		$args = $this->sent[0]['args'];
		$this->assertSame( self::URL, $this->sent[0]['url'] );
		$this->assertSame( 'POST', $args['method'] );
		$this->assertSame( 15, $args['timeout'] );
		$this->assertSame(
			array(
				'Content-Type'  => 'application/x-www-form-urlencoded',
				'Cache-Control' => 'no-store',
			),
			$args['headers']
		);
		$this->assertSame(
			'grant_type=authorization_code&code=code-1&redirect_uri=https%3A%2F%2Fsite.test%2Fcallback&code_verifier=verifier-1&client_id=client-1&client_secret=secret-1',
			$args['body']
		);
	}

	public function test_a_refresh_sends_the_refresh_token_and_the_client(): void {
		$this->endpoint()->refresh( new AppCredentials( 'client-1', 'secret-1' ), 'rt-1' );

		$this->assertSame( array( 'Content-Type' => 'application/x-www-form-urlencoded' ), $this->sent[0]['args']['headers'] );
		$this->assertSame( 'grant_type=refresh_token&refresh_token=rt-1&client_id=client-1&client_secret=secret-1', $this->sent[0]['args']['body'] );
	}

	public function test_an_error_answer_is_classified_with_every_secret_the_request_carried(): void {
		$this->answer( 400, '{"error": "invalid_grant"}' );

		try {
			$this->endpoint()->exchange_code( new AppCredentials( 'client-1', 'secret-1' ), 'code-1', 'verifier-1', 'https://site.test/callback' );
			$this->fail( 'A refusal must throw.' );
		} catch ( RuntimeException $error ) {
			$this->assertSame( 'refused', $error->getMessage() );
		}
		$this->assertCount( 1, $this->refusals );
		list( $response, $secrets ) = $this->refusals[0];
		$this->assertSame( 400, $response->status );
		$this->assertSame( array( 'code-1', 'verifier-1', 'secret-1' ), $secrets );

		try {
			$this->endpoint()->refresh( new AppCredentials( 'client-1', 'secret-1' ), 'rt-1' );
			$this->fail( 'A refusal must throw.' );
		} catch ( RuntimeException ) {
			$this->assertSame( array( 'rt-1', 'secret-1' ), $this->refusals[1][1] );
		}
	}

	/**
	 * @param array<string, string> $headers
	 *
	 * @return TokenEndpoint<stdClass>
	 */
	private function endpoint( array $headers = array() ): TokenEndpoint {
		return new TokenEndpoint(
			new Transport( static fn ( string $summary ): RuntimeException => new RuntimeException( $summary ) ),
			self::URL,
			static function ( ?array $json, int $status ): stdClass {
				$grant       = new stdClass();
				$grant->read = array( $json, $status );
				return $grant;
			},
			function ( HttpResponse $response, array $secrets ): RuntimeException {
				$this->refusals[] = array( $response, $secrets );
				return new RuntimeException( 'refused' );
			},
			$headers
		);
	}

	private function answer( int $status, string $body ): void {
		$this->answer = array(
			'response' => array(
				'code'    => $status,
				'message' => '',
			),
			'headers'  => array( 'content-type' => 'application/json' ),
			'body'     => $body,
		);
	}
}
