<?php
/**
 * What one provider's "Test connection" looks at with a working grant.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Providers\ProviderError;
use CustomerCloudGallery\Storage\UnreadableSecret;

interface GrantSurvey {

	/**
	 * The top level's folders (display paths, sorted), whether that is all
	 * of them, and up to $photos photos to fetch a thumbnail of (by display
	 * path), or null when the grant may not fetch photos.
	 *
	 * @return array{0: list<string>, 1: bool, 2: array<string, ImageRef>|null}
	 *
	 * @throws ProviderError
	 * @throws UnreadableSecret
	 */
	public function survey( TokenRecord $record, int $photos ): array;

	/** What "Test connection" says when the account could not be read, and why. */
	public function unknown_account(): string;

	/** What an empty top level means for this provider. */
	public function no_folders(): string;
}
