<?php
/**
 * The admin's own Google Cloud OAuth client: Client ID and Client secret.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

final class Credentials {

	public function __construct(
		public readonly string $client_id,
		public readonly string $client_secret
	) {}
}
