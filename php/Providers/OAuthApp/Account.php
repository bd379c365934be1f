<?php
/**
 * The account a grant belongs to, as the provider tells it.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

final class Account {

	/**
	 * @param string $id Empty when the provider does not say (Drive's about.get).
	 */
	public function __construct(
		public readonly string $id,
		public readonly string $name,
		public readonly string $email
	) {}
}
