<?php
/**
 * The outcome of "Test connection".
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers;

final class TestResult {

	/**
	 * @param list<string> $visible_folders Top-level folders the connection can see.
	 */
	public function __construct(
		public readonly bool $ok,
		public readonly string $message,
		public readonly Connection $connection,
		public readonly array $visible_folders = array()
	) {}
}
