<?php
/**
 * Saves new Dropbox app credentials and drops a grant they invalidate.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

use CustomerCloudGallery\Providers\Problem;
use CustomerCloudGallery\Providers\ProviderException;

final class CredentialsUpdate {

	public function __construct(
		private CredentialsStore $credentials,
		private TokenStore $tokens,
		private HealthStore $health
	) {}

	/**
	 * An empty secret keeps the stored one. A different App key belongs to a
	 * different app, so its grant is forgotten (and a secret is required);
	 * a grant nobody can decrypt any more is forgotten too.
	 *
	 * @throws ProviderException When no usable App secret would be stored.
	 */
	public function apply( string $app_key, string $app_secret, string $access_type ): void {
		$summary     = $this->credentials->summary();
		$key_changed = null === $summary || $summary['app_key'] !== $app_key;

		if ( '' === $app_secret && ( $key_changed || ! $this->credentials->secret_readable() ) ) {
			throw new ProviderException( $this->secret_required( null !== $summary && ! $key_changed ), 400 );
		}

		$this->credentials->save( $app_key, '' === $app_secret ? null : $app_secret, $access_type );

		if ( $key_changed || ! $this->tokens->readable() ) {
			$this->tokens->delete();
			$this->health->clear();
		}
	}

	private function secret_required( bool $stored_but_unreadable ): Problem {
		return new Problem(
			'app_secret_required',
			$stored_but_unreadable
				? __( 'The stored App secret can no longer be read (the site’s security keys changed).', 'customer-cloud-gallery' )
				: __( 'The App secret is required with a new App key.', 'customer-cloud-gallery' ),
			__( 'Copy the App secret from your app’s Settings tab in the Dropbox App Console (click Show), paste it here and press Save credentials.', 'customer-cloud-gallery' ),
			Problem::ACTION_SAVE_CREDENTIALS
		);
	}
}
