<?php
/**
 * Saves or forgets the admin's app credentials, and drops a grant they invalidate.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

use CustomerCloudGallery\Providers\Problem;
use CustomerCloudGallery\Providers\ProviderException;

final class CredentialsUpdate {

	public function __construct(
		private CredentialsStore $credentials,
		private TokenStore $tokens,
		private Disconnection $disconnection,
		private ProviderDiagnosis $diagnosis
	) {}

	/**
	 * An empty secret keeps the stored one (a rotated secret keeps the
	 * grant, as the providers do). A different client id is a different
	 * app, so its grant is revoked (best effort, with the old app's
	 * credentials, before they are replaced) and forgotten, and a secret is
	 * required; a grant nobody can decrypt any more is forgotten too.
	 *
	 * @param array<string, string> $settings The choices, by stored key.
	 *
	 * @throws ProviderException When no usable secret would be stored.
	 */
	public function apply( string $client_id, string $secret, array $settings = array() ): void {
		$summary       = $this->credentials->summary();
		$client_change = null === $summary || $summary['client_id'] !== $client_id;

		if ( '' === $secret && ( $client_change || ! $this->credentials->secret_readable() ) ) {
			throw new ProviderException( $this->diagnosis->secret_required( null !== $summary && ! $client_change ), 400 );
		}

		if ( $client_change || ! $this->tokens->readable() ) {
			$this->disconnection->run();
		}
		$this->credentials->save( $client_id, '' === $secret ? null : $secret, $settings );
	}

	/**
	 * Forgets the app: the grant is revoked at the provider (best effort)
	 * and deleted, then the credentials.
	 *
	 * @return Problem|null Set when revoking at the provider could not be confirmed.
	 */
	public function remove(): ?Problem {
		$problem = $this->disconnection->run();
		$this->credentials->delete();
		return $problem;
	}
}
