<?php
/**
 * Folders by path, for breadcrumbs; cached, since paths of parents rarely change.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

use CustomerCloudGallery\Storage\Keys;

final class FolderLookup {

	private const KEEP_SECONDS = DAY_IN_SECONDS;

	public function __construct( private DropboxListingSource $source ) {}

	/**
	 * The folders from $boundary down to $folder, both included.
	 *
	 * @return list<Folder>
	 */
	public function breadcrumb( Folder $boundary, Folder $folder ): array {
		$trail = array( $boundary );
		if ( $folder->path_lower === $boundary->path_lower ) {
			return $trail;
		}
		$segments = explode( '/', trim( $folder->path, '/' ) );
		$skip     = $boundary->is_root() ? 0 : count( explode( '/', trim( $boundary->path_lower, '/' ) ) );
		for ( $depth = $skip + 1; $depth < count( $segments ); $depth++ ) {
			$trail[] = $this->by_path( '/' . implode( '/', array_slice( $segments, 0, $depth ) ) );
		}
		$trail[] = $folder;
		return $trail;
	}

	/**
	 * Remembers a folder just listed, so its children's breadcrumbs need no lookup.
	 */
	public function remember( Folder $folder ): void {
		if ( $folder->is_root() ) {
			return;
		}
		$key = Keys::FOLDER_META_PREFIX . md5( $folder->path_lower );
		if ( false === get_transient( $key ) ) {
			set_transient( $key, $folder->to_array(), self::KEEP_SECONDS );
		}
	}

	/**
	 * Never fails the request: a parent that cannot be looked up shows by name.
	 */
	private function by_path( string $path ): Folder {
		$key    = Keys::FOLDER_META_PREFIX . md5( mb_strtolower( $path ) );
		$cached = get_transient( $key );
		if ( is_array( $cached ) ) {
			return Folder::from_array( $cached );
		}
		try {
			$folder = $this->source->folder( $path );
		} catch ( GalleryException ) {
			return new Folder( '', basename( $path ), $path, mb_strtolower( $path ) );
		}
		set_transient( $key, $folder->to_array(), self::KEEP_SECONDS );
		return $folder;
	}
}
