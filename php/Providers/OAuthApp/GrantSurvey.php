<?php
/**
 * What one provider's "Test connection" looks at with a working grant.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

use CustomerCloudGallery\Providers\Problem;
use CustomerCloudGallery\Providers\ProviderError;
use CustomerCloudGallery\Storage\UnreadableSecret;

interface GrantSurvey {

	/**
	 * The top level's folders (display paths, sorted), whether that is all
	 * of them, and one photo's thumbnail fetched the way galleries fetch it
	 * (its display path, '' when the grant may not or there is none) or the
	 * problem that stopped it.
	 *
	 * @return array{0: list<string>, 1: bool, 2: string|Problem}
	 *
	 * @throws ProviderError
	 * @throws UnreadableSecret
	 */
	public function survey( TokenRecord $record ): array;

	/** What "Test connection" says when the account could not be read, and why. */
	public function unknown_account(): string;

	/** What an empty top level means for this provider. */
	public function no_folders(): string;
}
