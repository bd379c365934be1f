<?php
/**
 * One provider's whole object graph, behind three entry points.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers;

use CustomerCloudGallery\Gallery\Source;
use CustomerCloudGallery\REST\ConnectionPresenter;
use WP_REST_Controller;

/**
 * Services asks each module for these and knows nothing else about the
 * provider: adding a provider is a new folder with a module, and one line in
 * Services::modules().
 */
interface ProviderModule {

	/** Connect, status, test, disconnect. */
	public function provider(): Provider;

	/** Folders, listings, thumbnails and media info for galleries. */
	public function source(): Source;

	/**
	 * REST controllers only this provider has (saving its app credentials).
	 *
	 * @return list<WP_REST_Controller>
	 */
	public function rest_controllers( ConnectionPresenter $presenter ): array;
}
