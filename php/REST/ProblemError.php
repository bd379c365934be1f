<?php
/**
 * Turns a provider Problem into a REST error.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\REST;

use CustomerCloudGallery\Providers\ProviderException;
use WP_Error;

final class ProblemError {

	/**
	 * Code "ccg_<problem code>"; the fix and action ride along in the error
	 * data so the Settings screen can show them.
	 */
	public static function from( ProviderException $exception ): WP_Error {
		$problem = $exception->problem;
		return new WP_Error(
			'ccg_' . $problem->code,
			$problem->message,
			array(
				'status' => $exception->http_status,
				'fix'    => $problem->fix,
				'action' => $problem->action,
			)
		);
	}
}
