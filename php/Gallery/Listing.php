<?php
/**
 * A folder's direct contents, as cached.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

/**
 * The rows stay plain arrays, here only (they are what the transient
 * stores): a 5,000-photo folder is a few MB this way, where objects per
 * photo would be several times that. Nothing outside this class reads a
 * row; rendering and warming ask page() for the photos they show, as Photo
 * objects. Rows are keyed by something unique in the folder (Dropbox:
 * path_lower, so a cursor's changes apply in place; Drive: the file id).
 *
 * @phpstan-type FileRow array{0: string, 1: string, 2: string, 3: int, 4: int, 5: int, 6?: int, 7?: int}
 *   id, name, revision (changes when the photo does), size, modified,
 *   taken (or the best guess: Dropbox's client_modified), then width and
 *   height when the listing knows them (Drive's does)
 * @phpstan-type FolderRow array{0: string, 1: string, 2: string} id, name, display path
 *
 * The source decides which files are photos (Drive by MIME type, Dropbox by
 * its thumbnail rule): $files holds only photos. The rest are counted, in
 * $other_files for a source that lists afresh each time (Drive), or kept by
 * key in $other_keys for one whose cursor reports changes by key (Dropbox),
 * so a deleted non-photo file is forgotten too.
 *
 * An incomplete listing is one whose pages are still being fetched: $cursor
 * is where to continue (a Dropbox cursor, a Drive page token), and its rows
 * are only what is known so far, so its counts are lower bounds and never to
 * be shown as final. Rows keep the order the provider delivered them in, and
 * later pages only append, which is what lets visitors page through a
 * listing while it grows without a photo moving between pages.
 */
final class Listing {

	/**
	 * 3: $files holds photos only. (2 added the complete flag: a version-1
	 * listing may have been cut short by a page cap.) Older ones are listed again.
	 */
	public const VERSION = 3;

	/**
	 * @param array<string, FolderRow> $folders
	 * @param array<string, FileRow>   $files      Photos only.
	 * @param int|null                 $other_files Files that are not photos, when counted (Drive).
	 * @param array<string, true>      $other_keys  Files that are not photos, by key (Dropbox).
	 */
	public function __construct(
		public readonly Folder $folder,
		public readonly array $folders,
		public readonly array $files,
		public readonly string $cursor,
		public readonly int $fetched_at,
		public readonly ?int $other_files = null,
		public readonly bool $complete = true,
		public readonly array $other_keys = array()
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
			true === ( $data['complete'] ?? false ),
			is_array( $data['otherKeys'] ?? null ) ? $data['otherKeys'] : array()
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public function to_array(): array {
		return array(
			'v'         => self::VERSION,
			'folder'    => $this->folder->to_array(),
			'folders'   => $this->folders,
			'files'     => $this->files,
			'cursor'    => $this->cursor,
			'fetched'   => $this->fetched_at,
			'others'    => $this->other_files,
			'otherKeys' => $this->other_keys,
			'complete'  => $this->complete,
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
	 * The rows of the files that can be shown, keyed as in $files, in
	 * listing order: what the sources' own tests compare with what they
	 * built. Everything else asks for photo_count(), photo_ids() or page().
	 *
	 * @return array<string, FileRow>
	 */
	public function photos(): array {
		return $this->files;
	}

	public function photo_count(): int {
		return count( $this->photos() );
	}

	/**
	 * @return list<string> The provider's file ids of the photos, in listing order.
	 */
	public function photo_ids(): array {
		return array_column( $this->photos(), 0 );
	}

	/**
	 * Whether the listing holds this revision of the photo: what a cache miss
	 * of an image URL must find before anything is fetched.
	 */
	public function holds( string $file_id, string $revision ): bool {
		foreach ( $this->files as $row ) {
			if ( $row[0] === $file_id ) {
				return $row[2] === $revision;
			}
		}
		return false;
	}

	/**
	 * Whether both show the same photos, whatever their order: what decides
	 * that the pages showing the gallery must be purged.
	 */
	public function same_photos( Listing $other ): bool {
		$rows = static function ( Listing $listing ): array {
			$by_id = array_column( $listing->files, null, 0 );
			ksort( $by_id );
			return array_values( $by_id );
		};
		return count( $this->files ) === count( $other->files ) && $rows( $this ) === $rows( $other );
	}

	/**
	 * @return array<string, string> File id => revision, of every photo.
	 */
	public function revisions(): array {
		return array_column( $this->files, 2, 0 );
	}

	public function other_file_count(): int {
		return $this->other_files ?? count( $this->other_keys );
	}

	/**
	 * The photos at $offset.. in $order, or in listing order (null). Only
	 * these become objects; the sort works on the rows.
	 *
	 * @param array<string, array{0: int, 1: int, 2: int}> $media File id => [taken, width, height]
	 *                                                           (MediaInfoStore): sorts by the date
	 *                                                           taken once known, and gives the
	 *                                                           pixel size over the listing's.
	 *
	 * @return list<Photo>
	 */
	public function page( int $offset, int $count, ?PhotoOrder $order = null, array $media = array() ): array {
		$rows = null === $order ? $this->photos() : $this->sorted( $order, $media );
		return self::objects( array_slice( $rows, max( 0, $offset ), max( 0, $count ) ), $media );
	}

	/**
	 * The run of $length photos, in $order, that holds the photo: the
	 * runs are aligned (0.., $length.., …), so whichever of them a visitor's
	 * browser asks for first, every request names the same run.
	 *
	 * @param array<string, array{0: int, 1: int, 2: int}> $media As for page().
	 *
	 * @return array{0: int, 1: list<Photo>} The run's first position and its photos;
	 *                                       [-1, []] when the listing does not hold the photo.
	 */
	public function run_of( string $file_id, int $length, ?PhotoOrder $order = null, array $media = array() ): array {
		$rows = array_values( null === $order ? $this->photos() : $this->sorted( $order, $media ) );
		$at   = array_search( $file_id, array_column( $rows, 0 ), true );
		if ( false === $at ) {
			return array( -1, array() );
		}
		$start = intdiv( (int) $at, max( 1, $length ) ) * max( 1, $length );
		return array( $start, self::objects( array_slice( $rows, $start, max( 1, $length ) ), $media ) );
	}

	/**
	 * The photo's run when a window of $window photos, in $order, is
	 * fetched as $runs runs side by side: run k holds the window's photos
	 * k, k + $runs, k + 2 × $runs, … So the first photos of a page, which a
	 * browser asks for first and at once, each start another run, and the
	 * runs are fetched in parallel by the requests that ask.
	 *
	 * @param array<string, array{0: int, 1: int, 2: int}> $media As for page().
	 *
	 * @return array{0: int, 1: int, 2: list<Photo>} The window's first position, the run's
	 *                                               number in it, and its photos;
	 *                                               [-1, -1, []] when the listing does
	 *                                               not hold the photo.
	 */
	public function interleaved_run_of( string $file_id, int $window, int $runs, ?PhotoOrder $order = null, array $media = array() ): array {
		list( $start, $run, $all ) = $this->window_runs( $file_id, $window, $runs, $order, $media );
		return array( $start, $run, $all[ $run ] ?? array() );
	}

	/**
	 * Every run of the photo's window, split as interleaved_run_of() does.
	 *
	 * @param array<string, array{0: int, 1: int, 2: int}> $media As for page().
	 *
	 * @return array{0: int, 1: int, 2: array<int, list<Photo>>} The window's first position, the
	 *                                                         photo's run, and the photos of
	 *                                                         each run by number (a short last
	 *                                                         window may have fewer runs);
	 *                                                         [-1, -1, []] when the listing does
	 *                                                         not hold the photo.
	 */
	public function window_runs( string $file_id, int $window, int $runs, ?PhotoOrder $order = null, array $media = array() ): array {
		$rows   = array_values( null === $order ? $this->photos() : $this->sorted( $order, $media ) );
		$at     = array_search( $file_id, array_column( $rows, 0 ), true );
		$window = max( 1, $window );
		$runs   = max( 1, $runs );
		if ( false === $at ) {
			return array( -1, -1, array() );
		}
		$start  = intdiv( (int) $at, $window ) * $window;
		$picked = array();
		for ( $position = $start; $position < min( $start + $window, count( $rows ) ); $position++ ) {
			$picked[ ( $position - $start ) % $runs ][] = $rows[ $position ];
		}
		return array( $start, ( (int) $at - $start ) % $runs, array_map( static fn ( array $run ): array => self::objects( $run, $media ), $picked ) );
	}

	/**
	 * @param array<int|string, FileRow>                  $rows
	 * @param array<string, array{0: int, 1: int, 2: int}> $media
	 *
	 * @return list<Photo>
	 */
	private static function objects( array $rows, array $media ): array {
		$page = array();
		foreach ( $rows as $row ) {
			$known  = $media[ $row[0] ] ?? array( 0, (int) ( $row[6] ?? 0 ), (int) ( $row[7] ?? 0 ) );
			$page[] = new Photo( $row[0], $row[1], $row[2], $row[3], $row[4], $known[0] ?: $row[5] ?: $row[4], $known[1], $known[2] );
		}
		return $page;
	}

	/**
	 * Until the date taken is known (background warming asks the provider
	 * where its listing does not say), "taken" uses the listing's best guess,
	 * then the modified date. Ties go by name, so pages never shuffle.
	 *
	 * @param array<string, array{0: int, 1: int, 2: int}> $media
	 *
	 * @return list<FileRow>
	 */
	private function sorted( PhotoOrder $order, array $media ): array {
		$rows      = array_values( $this->photos() );
		$direction = $order->descending ? -1 : 1;
		$by_name   = static fn ( array $a, array $b ): int => strnatcasecmp( $a[1], $b[1] );
		$compare   = match ( $order->by ) {
			PhotoOrder::TAKEN    => static fn ( array $a, array $b ): int => ( ( ( $media[ $a[0] ][0] ?? 0 ) ?: $a[5] ?: $a[4] ) <=> ( ( $media[ $b[0] ][0] ?? 0 ) ?: $b[5] ?: $b[4] ) ) ?: $by_name( $a, $b ),
			PhotoOrder::MODIFIED => static fn ( array $a, array $b ): int => ( $a[4] <=> $b[4] ) ?: $by_name( $a, $b ),
			default              => $by_name,
		};
		usort( $rows, static fn ( array $a, array $b ): int => $direction * $compare( $a, $b ) );
		return $rows;
	}
}
