<?php
/**
 * Puts a folder's photos in the block's order.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Rendering;

/**
 * Dropbox's listing order is unspecified, so every order is ours. Until the
 * date taken is known (background warming reads it), "taken" uses the date
 * the file was last modified on the photographer's computer (client_modified),
 * then Dropbox's server_modified. Ties go by name, so pages never shuffle.
 */
final class PhotoOrder {

	/**
	 * @param array<string, array{0: string, 1: string, 2: string, 3: int, 4: int, 5: int}> $photos
	 * @param array<string, array{0: int, 1: int, 2: int}>                                  $media  File id => [taken, width, height].
	 *
	 * @return list<array{0: string, 1: string, 2: string, 3: int, 4: int, 5: int}>
	 */
	public function sort( array $photos, string $by, string $order, array $media = array() ): array {
		$rows      = array_values( $photos );
		$direction = 'desc' === $order ? -1 : 1;
		$by_name   = static fn ( array $a, array $b ): int => strnatcasecmp( $a[1], $b[1] );
		$compare   = match ( $by ) {
			'taken' => static fn ( array $a, array $b ): int => ( ( ( $media[ $a[0] ][0] ?? 0 ) ?: $a[5] ?: $a[4] ) <=> ( ( $media[ $b[0] ][0] ?? 0 ) ?: $b[5] ?: $b[4] ) ) ?: $by_name( $a, $b ),
			'modified' => static fn ( array $a, array $b ): int => ( $a[4] <=> $b[4] ) ?: $by_name( $a, $b ),
			default => $by_name,
		};
		usort( $rows, static fn ( array $a, array $b ): int => $direction * $compare( $a, $b ) );
		return $rows;
	}
}
