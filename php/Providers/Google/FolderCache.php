<?php
/**
 * Remembers resolved Drive folders, so walking up to the top is cheap.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Storage\Keys;

/**
 * One transient per folder id: its name, its parent and its shared drive,
 * for a day. A folder's own metadata is always read fresh when it is
 * opened; only its ancestors come from here, so a renamed or moved parent
 * shows in paths within a day.
 */
final class FolderCache {

	public const KEEP_SECONDS = DAY_IN_SECONDS;

	/**
	 * @return array{0: string, 1: string, 2: string}|null Name, parent id ("" at the top), shared drive id ("" in My Drive).
	 */
	public function get( string $id ): ?array {
		$node = get_transient( $this->key( $id ) );
		if ( ! is_array( $node ) || ! is_string( $node[0] ?? null ) || ! is_string( $node[1] ?? null ) || ! is_string( $node[2] ?? null ) ) {
			return null;
		}
		return array( $node[0], $node[1], $node[2] );
	}

	public function put( string $id, string $name, string $parent, string $drive ): void {
		$node = array( $name, $parent, $drive );
		if ( $this->get( $id ) !== $node ) {
			set_transient( $this->key( $id ), $node, self::KEEP_SECONDS );
		}
	}

	private function key( string $id ): string {
		return Keys::GOOGLE_FOLDER_PREFIX . md5( $id );
	}
}
