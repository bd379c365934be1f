<?php
/**
 * The HTTP layer both providers send through.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Site;

use CustomerCloudGallery\Http\Transport;
use CustomerCloudGallery\Providers\Dropbox\DropboxError;
use CustomerCloudGallery\Providers\Google\GoogleError;
use CustomerCloudGallery\Tests\TestCase;
use RuntimeException;
use WP_Error;

use const CustomerCloudGallery\VERSION;

final class HttpTransportTest extends TestCase {

	/** @var list<array{url: string, args: array<string, mixed>}> */
	private array $sent = array();

	public function test_sends_the_method_and_never_follows_redirects(): void {
		$this->answer( array( 'response' => array( 'code' => 200, 'message' => 'OK' ), 'headers' => array(), 'body' => '{}' ) );

		( new Transport( DropboxError::unreachable( ... ) ) )->request( 'GET', 'https://api.example.test/x', array( 'Accept' => 'application/json' ), null, 7, array() );

		$this->assertCount( 1, $this->sent );
		$args = $this->sent[0]['args'];
		$this->assertSame( 'https://api.example.test/x', $this->sent[0]['url'] );
		$this->assertSame( 'GET', $args['method'] );
		$this->assertSame( 0, $args['redirection'], 'A Bearer header must not travel on to another host.' );
		$this->assertSame( 7, $args['timeout'] );
		$this->assertSame( 'CustomerCloudGallery/' . VERSION, $args['user-agent'] );
		$this->assertSame( array( 'Accept' => 'application/json' ), $args['headers'] );
	}

	public function test_header_names_are_lower_cased_and_a_repeated_header_keeps_its_last_value(): void {
		$this->answer(
			array(
				'response' => array( 'code' => 429, 'message' => 'Too Many Requests' ),
				'headers'  => array(
					'Retry-After'  => array( '1', '5' ),
					'Content-Type' => 'application/json',
				),
				'body'     => '{"error": "slow down"}',
			)
		);

		$response = ( new Transport( GoogleError::unreachable( ... ) ) )->request( 'POST', 'https://api.example.test/y', array(), 'null', 10, array() );

		$this->assertSame( 429, $response->status );
		$this->assertSame( '5', $response->header( 'retry-after' ) );
		$this->assertSame( 'application/json', $response->header( 'Content-Type' ) );
		$this->assertSame( array( 'error' => 'slow down' ), $response->json_object() );
	}

	public function test_no_answer_becomes_the_providers_own_error_with_secrets_redacted(): void {
		$this->answer( new WP_Error( 'http_request_failed', 'cURL error 7: refused while sending Authorization: Bearer sl.unlisted code=SECRET-CODE' ) );
		$transport = new Transport( DropboxError::unreachable( ... ) );

		try {
			$transport->request( 'POST', 'https://api.example.test/z', array(), null, 10, array( 'SECRET-CODE' ) );
			$this->fail( 'An unreachable host must throw.' );
		} catch ( DropboxError $error ) {
			$this->assertSame( DropboxError::UNAVAILABLE, $error->kind );
			$this->assertSame( 0, $error->http_status );
			$this->assertSame( 'cURL error 7: refused while sending Authorization: Bearer [redacted] code=[redacted]', $error->summary );
		}
	}

	public function test_the_error_type_is_the_callers_choice(): void {
		$this->answer( new WP_Error( 'http_request_failed', 'timed out' ) );
		$transport = new Transport( static fn ( string $summary ): RuntimeException => new RuntimeException( 'custom: ' . $summary ) );

		$this->expectException( RuntimeException::class );
		$this->expectExceptionMessage( 'custom: timed out' );
		$transport->request( 'GET', 'https://api.example.test/w', array(), null, 10, array() );
	}

	public function test_several_requests_are_each_sent_as_one_would_be_and_answered_by_their_keys(): void {
		$this->add_filter(
			'pre_http_request',
			function ( mixed $preempt, array $args, string $url ): array|WP_Error {
				$this->sent[] = array(
					'url'  => $url,
					'args' => $args,
				);
				if ( str_ends_with( $url, '/down' ) ) {
					return new WP_Error( 'http_request_failed', 'cURL error 7 while sending Bearer ya29.secret-token' );
				}
				return array(
					'response' => array( 'code' => str_ends_with( $url, '/gone' ) ? 404 : 200, 'message' => '' ),
					'headers'  => array( 'Content-Type' => 'text/plain' ),
					'body'     => 'answer of ' . $url,
				);
			}
		);
		$requests = array();
		foreach ( array( 'z' => 'ok', 'a' => 'gone', 'm' => 'down' ) as $key => $path ) {
			$requests[ $key ] = array(
				'method'  => 'GET',
				'url'     => 'https://api.example.test/' . $path,
				'headers' => array( 'Authorization' => 'Bearer ya29.secret-token' ),
			);
		}

		$answers = ( new Transport( GoogleError::unreachable( ... ) ) )->request_all( $requests, 9, array( 'ya29.secret-token' ) );

		$this->assertSame( array( 'z', 'a', 'm' ), array_keys( $answers ), 'In the order asked.' );
		$this->assertSame( 'answer of https://api.example.test/ok', $answers['z']->body );
		$this->assertSame( 'text/plain', $answers['z']->header( 'content-type' ) );
		$this->assertSame( 404, $answers['a']->status );
		$this->assertInstanceOf( GoogleError::class, $answers['m'], 'No answer is the provider\'s error, returned rather than thrown.' );
		$this->assertSame( GoogleError::UNAVAILABLE, $answers['m']->kind );
		$this->assertSame( 'cURL error 7 while sending Bearer [redacted]', $answers['m']->summary );
		$this->assertCount( 3, $this->sent );
		foreach ( $this->sent as $sent ) {
			$this->assertSame( 'GET', $sent['args']['method'] );
			$this->assertSame( 0, $sent['args']['redirection'], 'A Bearer header must not travel on to another host.' );
			$this->assertSame( 9, $sent['args']['timeout'] );
			$this->assertSame( 'CustomerCloudGallery/' . VERSION, $sent['args']['user-agent'] );
			$this->assertSame( array( 'Authorization' => 'Bearer ya29.secret-token' ), $sent['args']['headers'] );
		}
	}

	public function test_several_requests_over_the_network_never_follow_redirects(): void {
		// Logged out, /wp-admin/ redirects to the login page.
		$admin = admin_url();
		$login = wp_login_url();

		$answers = ( new Transport( GoogleError::unreachable( ... ) ) )->request_all(
			array(
				array(
					'method'  => 'GET',
					'url'     => $admin,
					'headers' => array(),
				),
				array(
					'method'  => 'GET',
					'url'     => $login,
					'headers' => array(),
				),
				array(
					'method'  => 'GET',
					'url'     => 'http://127.0.0.1:1/nothing-listens-here',
					'headers' => array(),
				),
			),
			10,
			array()
		);

		$this->assertSame( 302, $answers[0]->status, 'The redirect itself comes back.' );
		$this->assertStringContainsString( 'wp-login.php', (string) $answers[0]->header( 'location' ) );
		$this->assertSame( 200, $answers[1]->status );
		$this->assertStringContainsString( 'user_login', $answers[1]->body );
		$this->assertInstanceOf( GoogleError::class, $answers[2] );
		$this->assertSame( 0, $answers[2]->http_status );
	}

	/**
	 * Answers every HTTP request of the test with $answer, and records it.
	 *
	 * @param array<string, mixed>|WP_Error $answer
	 */
	private function answer( array|WP_Error $answer ): void {
		$this->add_filter(
			'pre_http_request',
			function ( mixed $preempt, array $args, string $url ) use ( $answer ): array|WP_Error {
				$this->sent[] = array(
					'url'  => $url,
					'args' => $args,
				);
				return $answer;
			}
		);
	}
}
