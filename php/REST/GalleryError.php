<?php
/**
 * Turns a GalleryException into a REST error with a stable code.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\REST;

use CustomerCloudGallery\Gallery\GalleryException;
use WP_Error;

final class GalleryError {

	public static function from( GalleryException $exception ): WP_Error {
		$data = array( 'status' => $exception->http_status );
		if ( null !== $exception->problem ) {
			$data['fix']    = $exception->problem->fix;
			$data['action'] = $exception->problem->action;
		}
		if ( null !== $exception->retry_after ) {
			$data['retryAfter'] = $exception->retry_after;
		}
		$error = new WP_Error( 'ccg_' . $exception->reason, $exception->getMessage(), $data );
		return $error;
	}
}
