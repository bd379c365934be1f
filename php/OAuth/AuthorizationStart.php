<?php
/**
 * Starts a connect flow: a fresh state and PKCE pair, then the consent URL.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\OAuth;

use CustomerCloudGallery\Providers\Provider;
use CustomerCloudGallery\Providers\ProviderException;

final class AuthorizationStart {

	public function __construct( private StateStore $states ) {}

	/**
	 * The state is stored only once the provider could build its URL, so a
	 * refused start (no credentials) leaves nothing behind.
	 *
	 * @throws ProviderException When the provider cannot start (not configured).
	 */
	public function begin( Provider $provider, int $user_id ): string {
		$state    = Pkce::state();
		$verifier = Pkce::verifier();
		$url      = $provider->authorization_url( $state, Pkce::challenge( $verifier ), RedirectUri::for_provider( $provider->id() ) );

		$this->states->put( $state, new PendingAuthorization( $provider->id(), $user_id, $verifier, time() ) );
		return $url;
	}
}
