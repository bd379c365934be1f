<?php
/**
 * A provider operation failed in a way the admin can act on.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers;

use RuntimeException;

final class ProviderException extends RuntimeException {

	/**
	 * @param Problem $problem     What went wrong and how to fix it.
	 * @param int     $http_status The status a REST response should carry.
	 */
	public function __construct( public readonly Problem $problem, public readonly int $http_status = 409 ) {
		parent::__construct( $problem->message );
	}
}
