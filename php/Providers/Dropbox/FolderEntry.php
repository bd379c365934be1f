<?php
/**
 * One entry of a Dropbox folder listing.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

final class FolderEntry {

	/**
	 * @param string $tag  "file", "folder" or "deleted".
	 * @param string $path The cased path (relative to the app folder for App folder apps).
	 */
	public function __construct(
		public readonly string $tag,
		public readonly string $name,
		public readonly string $path,
		public readonly string $id
	) {}

	/**
	 * @param array<string, mixed> $json A Metadata union member with its ".tag".
	 */
	public static function from_json( array $json ): self {
		$name = is_string( $json['name'] ?? null ) ? $json['name'] : '';
		return new self(
			is_string( $json['.tag'] ?? null ) ? $json['.tag'] : '',
			$name,
			is_string( $json['path_display'] ?? null ) ? $json['path_display'] : '/' . $name,
			is_string( $json['id'] ?? null ) ? $json['id'] : ''
		);
	}

	public function is_folder(): bool {
		return 'folder' === $this->tag;
	}
}
