<?php
/**
 * One entry of a Dropbox folder listing (or a get_metadata answer).
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

final class FolderEntry {

	/**
	 * @param string $tag        "file", "folder" or "deleted".
	 * @param string $path       The cased path (relative to the app folder for App folder apps).
	 * @param string $path_lower Dropbox's lower-cased path: what boundaries compare.
	 * @param int    $modified   server_modified as a Unix time (files only, else 0).
	 * @param int    $client_modified client_modified as a Unix time (files only, else 0).
	 */
	public function __construct(
		public readonly string $tag,
		public readonly string $name,
		public readonly string $path,
		public readonly string $id,
		public readonly string $path_lower = '',
		public readonly string $rev = '',
		public readonly int $size = 0,
		public readonly int $modified = 0,
		public readonly int $client_modified = 0
	) {}

	/**
	 * @param array<string, mixed> $json A Metadata union member (with or without its ".tag").
	 */
	public static function from_json( array $json, string $default_tag = '' ): self {
		$name = is_string( $json['name'] ?? null ) ? $json['name'] : '';
		$path = is_string( $json['path_display'] ?? null ) ? $json['path_display'] : '/' . $name;
		return new self(
			is_string( $json['.tag'] ?? null ) ? $json['.tag'] : $default_tag,
			$name,
			$path,
			is_string( $json['id'] ?? null ) ? $json['id'] : '',
			is_string( $json['path_lower'] ?? null ) ? $json['path_lower'] : mb_strtolower( $path ),
			is_string( $json['rev'] ?? null ) ? $json['rev'] : '',
			is_numeric( $json['size'] ?? null ) ? (int) $json['size'] : 0,
			self::time( $json['server_modified'] ?? null ),
			self::time( $json['client_modified'] ?? null )
		);
	}

	public function is_folder(): bool {
		return 'folder' === $this->tag;
	}

	public function is_file(): bool {
		return 'file' === $this->tag;
	}

	private static function time( mixed $value ): int {
		if ( ! is_string( $value ) ) {
			return 0;
		}
		$time = strtotime( $value );
		return false === $time ? 0 : $time;
	}
}
