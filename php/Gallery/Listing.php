<?php
/**
 * A folder's direct contents, as cached.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

/**
 * Kept as plain arrays (what the transient stores): a 5,000-photo folder is a
 * few MB this way, where objects per photo would be several times that.
 * Rows are keyed by something unique in the folder (Dropbox: path_lower, so a
 * cursor's changes apply in place; Drive: the file id).
 *
 * @phpstan-type FileRow array{0: string, 1: string, 2: string, 3: int, 4: int, 5: int, 6?: int, 7?: int}
 *   id, name, revision (changes when the photo does), size, modified,
 *   taken (or the best guess: Dropbox's client_modified), then width and
 *   height when the listing knows them (Drive's does)
 * @phpstan-type FolderRow array{0: string, 1: string, 2: string} id, name, display path
 *
 * A source that decides itself which files are photos (Drive knows MIME
 * types) stores only photos in $files and the count of the rest in
 * $other_files; otherwise (null) photos() filters by Thumbnailable.
 *
 * An incomplete listing is one whose pages are still being fetched: $cursor
 * is where to continue (a Dropbox cursor, a Drive page token), and its rows
 * are only what is known so far, so its counts are lower bounds and never to
 * be shown as final. Rows keep the order the provider delivered them in, and
 * later pages only append, which is what lets visitors page through a
 * listing while it grows without a photo moving between pages.
 */
final class Listing {

	/** 2: the complete flag; a version-1 listing may have been cut short by a page cap, so it is listed again. */
	public const VERSION = 2;

	/**
	 * @param array<string, array{0: string, 1: string, 2: string}>                    $folders
	 * @param array<string, array{0: string, 1: string, 2: string, 3: int, 4: int, 5: int}> $files
	 */
	public function __construct(
		public readonly Folder $folder,
		public readonly array $folders,
		public readonly array $files,
		public readonly string $cursor,
		public readonly int $fetched_at,
		public readonly ?int $other_files = null,
		public readonly bool $complete = true
	) {}

	/**
	 * @param array<string, mixed> $data What to_array() gave.
	 */
	public static function from_array( array $data ): ?self {
		if ( self::VERSION !== ( $data['v'] ?? null ) || ! is_array( $data['folder'] ?? null ) ) {
			return null;
		}
		return new self(
			Folder::from_array( $data['folder'] ),
			is_array( $data['folders'] ?? null ) ? $data['folders'] : array(),
			is_array( $data['files'] ?? null ) ? $data['files'] : array(),
			(string) ( $data['cursor'] ?? '' ),
			(int) ( $data['fetched'] ?? 0 ),
			isset( $data['others'] ) ? (int) $data['others'] : null,
			true === ( $data['complete'] ?? false )
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public function to_array(): array {
		return array(
			'v'        => self::VERSION,
			'folder'   => $this->folder->to_array(),
			'folders'  => $this->folders,
			'files'    => $this->files,
			'cursor'   => $this->cursor,
			'fetched'  => $this->fetched_at,
			'others'   => $this->other_files,
			'complete' => $this->complete,
		);
	}

	public function age(): int {
		return max( 0, time() - $this->fetched_at );
	}

	/**
	 * Immediate subfolders in natural, case-insensitive name order.
	 *
	 * @return list<Folder>
	 */
	public function subfolders(): array {
		$folders = array();
		foreach ( $this->folders as $path_lower => $row ) {
			$folders[] = new Folder( $row[0], $row[1], $row[2], (string) $path_lower );
		}
		usort( $folders, static fn ( Folder $a, Folder $b ): int => strnatcasecmp( $a->name, $b->name ) );
		return $folders;
	}

	/**
	 * Files Dropbox can thumbnail, keyed by path_lower, in listing order.
	 *
	 * @return array<string, array{0: string, 1: string, 2: string, 3: int, 4: int, 5: int}>
	 */
	public function photos(): array {
		if ( null !== $this->other_files ) {
			return $this->files;
		}
		return array_filter( $this->files, static fn ( array $row ): bool => Thumbnailable::accepts( $row[1], $row[3] ) );
	}

	public function other_file_count(): int {
		if ( null !== $this->other_files ) {
			return $this->other_files;
		}
		return count( $this->files ) - count( $this->photos() );
	}
}
