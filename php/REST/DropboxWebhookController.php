<?php
/**
 * GET and POST /webhooks/dropbox: the URI pasted into the App Console's "Webhook URIs".
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\REST;

use Closure;
use CustomerCloudGallery\Providers\Dropbox\WebhookRefresh;
use WP_Error;
use WP_HTTP_Response;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Public on purpose: Dropbox's servers call it without a WordPress login.
 * The verification GET only echoes what it was sent, as plain text that no
 * browser sniffs into HTML (Dropbox's webhook reference asks for both
 * headers, against reflected XSS). A notification POST is trusted only when
 * its X-Dropbox-Signature is the HMAC-SHA256 of the raw body keyed with the
 * App secret, which only Dropbox and this site know; anything else is 403
 * and changes nothing. A signed notification schedules refreshes and
 * returns: Dropbox retries a request that takes over ten seconds.
 */
final class DropboxWebhookController extends WP_REST_Controller {

	/**
	 * @param Closure(): ?string $secret  The App secret, null when none is stored or readable.
	 * @param Closure(): ?string $account The connected account's id, null when not connected.
	 */
	public function __construct( private Closure $secret, private Closure $account, private WebhookRefresh $refresh ) {
		$this->namespace = RestApi::NAMESPACE;
		$this->rest_base = 'webhooks/dropbox';
	}

	public static function url(): string {
		return rest_url( RestApi::NAMESPACE . '/webhooks/dropbox' );
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'challenge' ),
					// Authenticated by nothing: it echoes, it reads and changes nothing.
					'permission_callback' => '__return_true',
					'args'                => array(
						'challenge' => array(
							'type'     => 'string',
							'required' => true,
						),
					),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'notify' ),
					// Authenticated by the signature, checked in notify() against the raw body.
					'permission_callback' => '__return_true',
				),
			)
		);
	}

	/**
	 * @param WP_REST_Request $request Full details about the request.
	 */
	public function challenge( WP_REST_Request $request ): WP_REST_Response {
		add_filter( 'rest_pre_serve_request', array( $this, 'serve_plain' ), 10, 4 );
		$response = new WP_REST_Response( (string) $request['challenge'], 200 );
		$response->header( 'Content-Type', 'text/plain; charset=utf-8' );
		$response->header( 'X-Content-Type-Options', 'nosniff' );
		return $response;
	}

	/**
	 * The REST server would send the challenge JSON-encoded, quotes and all;
	 * Dropbox compares the body with the challenge byte for byte.
	 *
	 * @param bool             $served  Whether the request has already been served.
	 * @param WP_HTTP_Response $result  The response.
	 * @param WP_REST_Request  $request The request.
	 */
	public function serve_plain( $served, $result, $request ): bool {
		if ( $served || ! $request instanceof WP_REST_Request || '/' . $this->namespace . '/' . $this->rest_base !== $request->get_route() || 'GET' !== $request->get_method() ) {
			return (bool) $served;
		}
		echo (string) $result->get_data(); // phpcs:ignore WordPress.Security.EscapeOutput -- text/plain with nosniff, as Dropbox requires; never parsed as HTML.
		return true;
	}

	/**
	 * @param WP_REST_Request $request Full details about the request.
	 */
	public function notify( WP_REST_Request $request ): WP_REST_Response|WP_Error {
		$body   = $request->get_body();
		$secret = ( $this->secret )();
		$signed = (string) $request->get_header( 'x_dropbox_signature' );
		if ( null === $secret || '' === $signed || ! hash_equals( hash_hmac( 'sha256', $body, $secret ), strtolower( $signed ) ) ) {
			return new WP_Error( 'ccg_webhook_signature', __( 'The notification is not signed with this site’s Dropbox App secret.', 'customer-cloud-gallery' ), array( 'status' => 403 ) );
		}
		$account   = ( $this->account )();
		$scheduled = 0;
		if ( null !== $account && in_array( $account, self::accounts( $body ), true ) ) {
			$scheduled = $this->refresh->schedule();
			// This request is the visit that runs WP-Cron, once it has answered:
			// WordPress 7.x spawns it at shutdown anyway, 6.x only at wp_loaded,
			// before anything was scheduled. spawn_cron()'s lock makes a second call a no-op.
			add_action( 'shutdown', 'wp_cron' );
		}
		return new WP_REST_Response( array( 'scheduled' => $scheduled ), 200 );
	}

	/**
	 * @return list<string>
	 */
	private static function accounts( string $body ): array {
		$json     = json_decode( $body, true );
		$accounts = is_array( $json ) && is_array( $json['list_folder'] ?? null ) ? ( $json['list_folder']['accounts'] ?? null ) : null;
		return is_array( $accounts ) ? array_values( array_filter( $accounts, 'is_string' ) ) : array();
	}
}
