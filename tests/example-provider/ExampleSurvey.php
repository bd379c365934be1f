<?php
/**
 * What "Test connection" looks at in Example Cloud.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\ExampleProvider;

use CustomerCloudGallery\Providers\OAuthApp\GrantSurvey;
use CustomerCloudGallery\Providers\OAuthApp\TokenRecord;

final class ExampleSurvey implements GrantSurvey {

	/** Its folders hold no photos, so thumbnails stay untested. */
	public function survey( TokenRecord $record, int $photos ): array {
		return array( array_map( static fn ( array $folder ): string => $folder[2], ExampleSource::children( '' ) ), true, array() );
	}

	public function unknown_account(): string {
		return 'Example Cloud answered; the account is unknown.';
	}

	public function no_folders(): string {
		return 'It sees no folders.';
	}
}
