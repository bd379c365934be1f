<?php
/**
 * Date taken and dimensions of a folder's photos, as warming learns them.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Cache;

use CustomerCloudGallery\Storage\Keys;

/**
 * list_folder carries neither, so background warming asks get_metadata
 * (include_media_info) a few photos at a time, within rate limits. One
 * transient per folder keeps a page view at one read.
 */
final class MediaInfoStore {

	private const KEEP_SECONDS = 30 * DAY_IN_SECONDS;

	public function __construct( private ProviderTransients $transients ) {}

	/**
	 * @return array<string, array{0: int, 1: int, 2: int}> File id => [taken, width, height]; 0 when unknown.
	 */
	public function get( string $provider, string $folder_key ): array {
		$stored = get_transient( $this->key( $provider, $folder_key ) );
		return is_array( $stored ) ? $stored : array();
	}

	/**
	 * @param array<string, array{0: int, 1: int, 2: int}> $learned
	 */
	public function add( string $provider, string $folder_key, array $learned ): void {
		if ( array() === $learned ) {
			return;
		}
		set_transient( $this->transients->name_to_write( Keys::MEDIA_PREFIX, $provider, $folder_key ), $learned + $this->get( $provider, $folder_key ), self::KEEP_SECONDS );
	}

	/**
	 * @return int|null How many were deleted; null when a persistent object cache held them.
	 */
	public function purge( string $provider ): ?int {
		return $this->transients->purge( $provider, array( Keys::MEDIA_PREFIX ) );
	}

	private function key( string $provider, string $folder_key ): string {
		return $this->transients->name( Keys::MEDIA_PREFIX, $provider, $folder_key );
	}
}
