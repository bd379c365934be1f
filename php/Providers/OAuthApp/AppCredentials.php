<?php
/**
 * The admin's own OAuth app, readable: client id, secret and settings.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

final class AppCredentials {

	/**
	 * @param string                $client_id Dropbox's App key, Google's Client ID.
	 * @param string                $secret    Decrypted; never leaves the server.
	 * @param array<string, string> $settings  The choices, by stored key (Dropbox: access_type).
	 */
	public function __construct(
		public readonly string $client_id,
		public readonly string $secret,
		public readonly array $settings = array()
	) {}
}
