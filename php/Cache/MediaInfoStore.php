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

	/**
	 * @return array<string, array{0: int, 1: int, 2: int}> File id => [taken, width, height]; 0 when unknown.
	 */
	public function get( string $folder_key ): array {
		$stored = get_transient( $this->key( $folder_key ) );
		return is_array( $stored ) ? $stored : array();
	}

	/**
	 * @param array<string, array{0: int, 1: int, 2: int}> $learned
	 */
	public function add( string $folder_key, array $learned ): void {
		if ( array() === $learned ) {
			return;
		}
		set_transient( $this->key( $folder_key ), $learned + $this->get( $folder_key ), self::KEEP_SECONDS );
	}

	private function key( string $folder_key ): string {
		return Keys::MEDIA_PREFIX . md5( $folder_key );
	}
}
