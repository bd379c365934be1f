<?php
/**
 * Saves or forgets the Google OAuth client, and drops a grant it invalidates.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Providers\Problem;
use CustomerCloudGallery\Providers\ProviderException;

final class CredentialsUpdate {

	public function __construct(
		private CredentialsStore $credentials,
		private TokenStore $tokens,
		private HealthStore $health,
		private Disconnection $disconnection
	) {}

	/**
	 * An empty secret keeps the stored one (a rotated secret keeps the
	 * grant, as Google does). A different Client ID is a different OAuth
	 * client, so its grant is forgotten (and a secret is required); a grant
	 * nobody can decrypt any more is forgotten too.
	 *
	 * @throws ProviderException When no usable Client secret would be stored.
	 */
	public function apply( string $client_id, string $client_secret ): void {
		$summary       = $this->credentials->summary();
		$client_change = null === $summary || $summary['client_id'] !== $client_id;

		if ( '' === $client_secret && ( $client_change || ! $this->credentials->secret_readable() ) ) {
			throw new ProviderException( $this->secret_required( null !== $summary && ! $client_change ), 400 );
		}

		$this->credentials->save( $client_id, '' === $client_secret ? null : $client_secret );

		if ( $client_change || ! $this->tokens->readable() ) {
			$this->tokens->delete();
			$this->health->clear();
		}
	}

	/**
	 * Forgets the OAuth client: the grant is revoked at Google (best
	 * effort) and deleted, then the credentials.
	 *
	 * @return Problem|null Set when revoking at Google could not be confirmed.
	 */
	public function remove(): ?Problem {
		$problem = $this->disconnection->run();
		$this->credentials->delete();
		return $problem;
	}

	private function secret_required( bool $stored_but_unreadable ): Problem {
		return new Problem(
			'client_secret_required',
			$stored_but_unreadable
				? __( 'The stored Client secret can no longer be read (the site’s security keys changed).', 'customer-cloud-gallery' )
				: __( 'The Client secret is required with a new Client ID.', 'customer-cloud-gallery' ),
			__( 'Copy the Client secret from the Google Cloud console (APIs & Services → Credentials → your OAuth client), paste it here and press Save credentials.', 'customer-cloud-gallery' ),
			Problem::ACTION_SAVE_CREDENTIALS
		);
	}
}
