<?php
/**
 * Receives the provider's redirect on admin-post.php and finishes connecting.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\OAuth;

use Closure;
use CustomerCloudGallery\Admin\SettingsPage;
use CustomerCloudGallery\Capabilities;
use CustomerCloudGallery\Providers\Connection;
use CustomerCloudGallery\Providers\Provider;
use CustomerCloudGallery\Providers\ProviderException;
use CustomerCloudGallery\Providers\ProviderRegistry;

/**
 * The state check comes first for every outcome, cancellations included, so
 * a forged link can neither connect an account nor show the admin a message
 * of its choosing (it only earns "this sign-in link is not valid").
 */
final class CallbackHandler {

	/**
	 * @param list<string>              $provider_ids Known without building the providers.
	 * @param Closure(): ProviderRegistry $providers    Built when a callback arrives.
	 */
	public function __construct(
		private array $provider_ids,
		private Closure $providers,
		private StateStore $states,
		private FlashNotices $notices,
		private CallbackMessages $messages
	) {}

	public function register(): void {
		foreach ( $this->provider_ids as $id ) {
			$action = RedirectUri::ACTION_PREFIX . $id;
			add_action( 'admin_post_' . $action, fn () => $this->handle( ( $this->providers )()->get( $id ) ?? wp_die( '', '', array( 'response' => 404 ) ) ) );
			// Logged out meanwhile: log in, then come back to this very URL.
			add_action( 'admin_post_nopriv_' . $action, 'auth_redirect' );
		}
	}

	public function handle( Provider $provider ): never {
		if ( ! current_user_can( Capabilities::MANAGE_CONNECTIONS ) ) {
			wp_die(
				esc_html__( 'Sorry, only site administrators can connect cloud storage.', 'customer-cloud-gallery' ),
				esc_html__( 'Not allowed', 'customer-cloud-gallery' ),
				array( 'response' => 403 )
			);
		}
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- The single-use OAuth state is the CSRF check.
		$query = wp_unslash( $_GET );
		wp_safe_redirect( $this->process( $provider, is_array( $query ) ? $query : array(), get_current_user_id() ) );
		exit;
	}

	/**
	 * Finishes the flow and returns where to send the admin. Separate from
	 * handle() so tests can drive it without a redirect.
	 *
	 * @param array<string, mixed> $query The callback's query parameters.
	 */
	public function process( Provider $provider, array $query, int $user_id ): string {
		$notice = $this->outcome( $provider, $query, $user_id );
		$this->notices->put( $user_id, $notice );

		$result = Notice::SUCCESS === $notice->status
			? array( 'ccg_oauth' => 'connected' )
			: array(
				'ccg_oauth' => 'error',
				'ccg_code'  => $notice->code,
			);
		return add_query_arg( $result, SettingsPage::url() );
	}

	/**
	 * @param array<string, mixed> $query
	 */
	private function outcome( Provider $provider, array $query, int $user_id ): Notice {
		$param = static fn ( string $key ): string => is_string( $query[ $key ] ?? null ) ? sanitize_text_field( $query[ $key ] ) : '';

		$pending = $this->states->consume( $param( 'state' ) );
		if ( null === $pending || $pending->provider !== $provider->id() ) {
			return $this->messages->state_unknown( $provider );
		}
		if ( $pending->expired( time() ) ) {
			return $this->messages->state_expired( $provider );
		}
		if ( $pending->user_id !== $user_id ) {
			return $this->messages->state_other_user( $provider );
		}
		if ( '' !== $param( 'error' ) ) {
			return 'access_denied' === $param( 'error' )
				? $this->messages->cancelled( $provider )
				: $this->messages->refused( $provider, $param( 'error' ), $param( 'error_description' ) );
		}
		if ( '' === $param( 'code' ) ) {
			return $this->messages->no_code( $provider );
		}

		try {
			$connection = $provider->complete_authorization( $param( 'code' ), $pending->code_verifier, RedirectUri::for_provider( $provider->id() ) );
		} catch ( ProviderException $exception ) {
			return new Notice( Notice::ERROR, $exception->problem->message, $exception->problem->fix, $exception->problem->code );
		}
		return $this->connected( $connection );
	}

	private function connected( Connection $connection ): Notice {
		$problem = $connection->problem;
		if ( null !== $problem && null !== $problem->action ) {
			return new Notice( Notice::WARNING, $problem->message, $problem->fix, $problem->code );
		}
		$notice = $this->messages->connected( $connection );
		return null === $problem ? $notice : new Notice( Notice::SUCCESS, $notice->message . ' ' . $problem->message, $problem->fix, $problem->code );
	}
}
