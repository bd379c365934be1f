<?php
/**
 * Asks the provider whose grant an access token is.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

use CustomerCloudGallery\Providers\ProviderError;

interface AccountLookup {

	/**
	 * @throws ProviderError
	 */
	public function account( string $access_token ): Account;
}
