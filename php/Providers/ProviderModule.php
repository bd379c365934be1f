<?php
/**
 * One provider's whole object graph, behind a few entry points.
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
 * Services::modules() (or, from outside the plugin, one filter on
 * `customer_cloud_gallery_provider_modules`). docs/development.md, "Adding a
 * third provider", walks through it.
 */
interface ProviderModule {

	/** The provider's id, known without building anything. */
	public function id(): string;

	/** Connect, status, test, disconnect. */
	public function provider(): Provider;

	/** Folders, listings, thumbnails and media info for galleries. */
	public function source(): Source;

	/**
	 * The provider's REST controllers (saving and forgetting its app
	 * credentials: OAuth-app providers return a REST\CredentialsController).
	 *
	 * @return list<WP_REST_Controller>
	 */
	public function rest_controllers( ConnectionPresenter $presenter ): array;
}
