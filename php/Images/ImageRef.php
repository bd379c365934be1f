<?php
/**
 * One thumbnail of one revision of one photo.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Images;

final class ImageRef {

	public function __construct(
		public readonly string $provider,
		public readonly string $file_id,
		public readonly string $rev,
		public readonly string $size
	) {}

	/**
	 * @param array<string, mixed> $data
	 */
	public static function from_array( array $data ): ?self {
		foreach ( array( 'p', 'f', 'r', 's' ) as $field ) {
			if ( ! is_string( $data[ $field ] ?? null ) || '' === $data[ $field ] ) {
				return null;
			}
		}
		if ( ! ThumbnailSize::exists( $data['s'] ) || 1 !== preg_match( '/^[A-Za-z0-9_:-]{1,200}$/', $data['f'] ) ) {
			return null;
		}
		return new self( $data['p'], $data['f'], $data['r'], $data['s'] );
	}

	/**
	 * @return array{p: string, f: string, r: string, s: string}
	 */
	public function to_array(): array {
		return array(
			'p' => $this->provider,
			'f' => $this->file_id,
			'r' => $this->rev,
			's' => $this->size,
		);
	}

	/**
	 * Names the cached file and its ETag: the same for the same photo, revision and size.
	 */
	public function hash(): string {
		return substr( hash( 'sha256', implode( '|', $this->to_array() ) ), 0, 40 );
	}
}
