<?php
/**
 * Where one provider's app credentials, grant and health are stored.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

final class StorageKeys {

	/**
	 * @param string $credentials Option: the client id in plain text, the secret encrypted.
	 * @param string $token       Option: the encrypted grant (TokenRecord).
	 * @param string $health      Option: plain facts learned about the grant (HealthStore).
	 * @param string $refresh_lock Lock name: one token refresh at a time, per provider.
	 */
	public function __construct(
		public readonly string $credentials,
		public readonly string $token,
		public readonly string $health,
		public readonly string $refresh_lock
	) {}
}
