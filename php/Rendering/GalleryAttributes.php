<?php
/**
 * The block's attributes, checked and typed (block.json is the source of truth).
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Rendering;

use CustomerCloudGallery\Gallery\PhotoOrder;

final class GalleryAttributes {

	public const ASPECTS = array(
		'original' => null,
		'1'        => array( 1, 1 ),
		'4/3'      => array( 4, 3 ),
		'3/2'      => array( 3, 2 ),
		'16/9'     => array( 16, 9 ),
		'3/4'      => array( 3, 4 ),
		'2/3'      => array( 2, 3 ),
	);

	public function __construct(
		public readonly string $provider,
		public readonly string $folder_id,
		public readonly string $folder_path,
		public readonly int $columns,
		public readonly int $gap,
		public readonly string $aspect,
		public readonly string $sort_by,
		public readonly string $sort_order,
		public readonly int $per_page,
		public readonly string $caption,
		public readonly bool $lightbox
	) {}

	/**
	 * @param array<string, mixed> $attributes As saved; anything invalid falls back to the default.
	 */
	public static function from_block( array $attributes ): self {
		$string = static fn ( string $name, string $fallback, ?array $allowed = null ): string =>
			is_string( $attributes[ $name ] ?? null ) && ( null === $allowed || in_array( $attributes[ $name ], $allowed, true ) ) ? $attributes[ $name ] : $fallback;
		$int    = static fn ( string $name, int $fallback, int $min, int $max ): int =>
			is_numeric( $attributes[ $name ] ?? null ) ? max( $min, min( $max, (int) $attributes[ $name ] ) ) : $fallback;
		$id     = $string( 'folderId', '' );

		return new self(
			$string( 'provider', '' ),
			// Each provider's own shape is checked where the id is used (Source::accepts_reference).
			1 === preg_match( '/^[A-Za-z0-9_:-]{1,200}$/', $id ) ? $id : '',
			$string( 'folderPath', '' ),
			$int( 'columns', 3, 1, 8 ),
			$int( 'gap', 8, 0, 64 ),
			$string( 'aspectRatio', '1', array_map( 'strval', array_keys( self::ASPECTS ) ) ),
			$string( 'sortBy', 'name', array( 'name', 'taken', 'modified' ) ),
			$string( 'sortOrder', 'asc', array( 'asc', 'desc' ) ),
			$int( 'perPage', 24, 1, 200 ),
			$string( 'caption', 'none', array( 'none', 'filename' ) ),
			! array_key_exists( 'lightbox', $attributes ) || true === $attributes['lightbox']
		);
	}

	/**
	 * Whether a folder was chosen: an id, or the root itself ("/").
	 */
	public function has_folder(): bool {
		return '' !== $this->folder_id || '/' === $this->folder_path;
	}

	/**
	 * @return array{0: int, 1: int}|null Width and height of the crop, null for the original ratio.
	 */
	public function crop(): ?array {
		return self::ASPECTS[ $this->aspect ];
	}

	public function order(): PhotoOrder {
		return new PhotoOrder( $this->sort_by, 'desc' === $this->sort_order );
	}
}
