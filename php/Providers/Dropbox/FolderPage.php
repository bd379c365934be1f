<?php
/**
 * One page of a Dropbox folder listing.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

final class FolderPage {

	/**
	 * @param list<FolderEntry> $entries
	 */
	public function __construct(
		public readonly array $entries,
		public readonly string $cursor,
		public readonly bool $has_more
	) {}

	/**
	 * @param array<string, mixed> $json A ListFolderResult.
	 */
	public static function from_json( array $json ): self {
		$entries = array();
		foreach ( is_array( $json['entries'] ?? null ) ? $json['entries'] : array() as $entry ) {
			if ( is_array( $entry ) ) {
				$entries[] = FolderEntry::from_json( $entry );
			}
		}
		return new self(
			$entries,
			is_string( $json['cursor'] ?? null ) ? $json['cursor'] : '',
			true === ( $json['has_more'] ?? false )
		);
	}

	/**
	 * @return list<string> Paths of the folders on this page.
	 */
	public function folder_paths(): array {
		$paths = array();
		foreach ( $this->entries as $entry ) {
			if ( $entry->is_folder() ) {
				$paths[] = $entry->path;
			}
		}
		return $paths;
	}
}
