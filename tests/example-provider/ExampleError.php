<?php
/**
 * Example Cloud's error class: the shared kinds only.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\ExampleProvider;

use CustomerCloudGallery\Providers\ProviderError;

final class ExampleError extends ProviderError {

	public function __construct( string $kind, int $http_status = 0, string $summary = '' ) {
		parent::__construct( $kind, $http_status, $summary, null, 'Example Cloud' );
	}
}
