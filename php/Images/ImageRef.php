<?php
/**
 * One thumbnail of one revision of one photo, as shown by a gallery of one folder.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Images;

/**
 * The folder is the cache key of the listing the photo was shown from
 * (Gallery\FolderListings::key()): on a cache miss, the image is fetched only
 * while that listing, inside the gallery folder, still holds this revision
 * of the photo. "" for a thumbnail that is never given a URL (Test
 * connection's probe) or for the top of the account. The order is the
 * gallery's (Gallery\PhotoOrder::code(), "" for the listed order): with the
 * folder, it says which photos were shown beside this one, so a miss can
 * fetch them in the same provider call (MissBatch). The window is how many
 * photos of that order the page showed, rounded up to a multiple of 25
 * (MissBatch::window_for(); 0 when unknown): the photos a miss fetches side
 * by side, in several runs at once; MissBatch::COVERS for an album card's
 * cover, fetched beside the other cards' covers.
 */
final class ImageRef {

	public function __construct(
		public readonly string $provider,
		public readonly string $file_id,
		public readonly string $rev,
		public readonly string $size,
		public readonly string $folder = '',
		public readonly string $order = '',
		public readonly int $window = 0
	) {}

	/**
	 * @param array<string, mixed> $data
	 */
	public static function from_array( array $data ): ?self {
		foreach ( array( 'p', 'f', 'r', 's' ) as $field ) {
			if ( ! is_string( $data[ $field ] ?? null ) || '' === $data[ $field ] || str_contains( $data[ $field ], "\x1f" ) ) {
				return null;
			}
		}
		if ( ! is_string( $data['k'] ?? null ) || ! is_string( $data['o'] ?? null ) || 1 !== preg_match( '/^[ntmNTM]?$/', $data['o'] ) ) {
			return null;
		}
		if ( ! is_string( $data['w'] ?? null ) || ! in_array( $data['w'], array_map( 'strval', MissBatch::WINDOWS ), true ) ) {
			return null;
		}
		if ( ! ThumbnailSize::exists( $data['s'] ) || 1 !== preg_match( '/^[A-Za-z0-9_:-]{1,200}$/', $data['f'] ) ) {
			return null;
		}
		return new self( $data['p'], $data['f'], $data['r'], $data['s'], $data['k'], $data['o'], (int) $data['w'] );
	}

	/**
	 * The same photo at another size.
	 */
	public function at( string $size ): self {
		return new self( $this->provider, $this->file_id, $this->rev, $size, $this->folder, $this->order, $this->window );
	}

	/**
	 * The same photo as shown in another order.
	 */
	public function in_order( string $order ): self {
		return new self( $this->provider, $this->file_id, $this->rev, $this->size, $this->folder, $order, $this->window );
	}

	/**
	 * The same photo as shown by a page of another window.
	 */
	public function in_window( int $window ): self {
		return new self( $this->provider, $this->file_id, $this->rev, $this->size, $this->folder, $this->order, $window );
	}

	/**
	 * @return array{p: string, f: string, r: string, s: string, o: string, w: string, k: string}
	 */
	public function to_array(): array {
		return array(
			'p' => $this->provider,
			'f' => $this->file_id,
			'r' => $this->rev,
			's' => $this->size,
			'o' => $this->order,
			'w' => (string) $this->window,
			'k' => $this->folder,
		);
	}

	/**
	 * Names the cached file and its ETag: the same for the same photo, revision and size.
	 */
	public function hash(): string {
		return substr( hash( 'sha256', implode( '|', $this->to_array() ) ), 0, 40 );
	}
}
