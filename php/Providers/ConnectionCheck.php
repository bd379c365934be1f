<?php
/**
 * "Test connection": calls the provider with the stored grant.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers;

interface ConnectionCheck {

	/** Calls the provider with the stored grant and reports what it sees. */
	public function run(): TestResult;
}
