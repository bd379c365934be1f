<?php
/**
 * The block's attributes, checked and typed against block.json's schema.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Rendering;

use CustomerCloudGallery\Blocks\GallerySchema;
use CustomerCloudGallery\Gallery\PhotoOrder;

/**
 * Defaults, enums and bounds are block.json's (GallerySchema), never
 * restated here: a value that does not fit falls back to the default, a
 * number out of bounds is clamped. What this class adds is only what the
 * schema cannot say: the folder id's shape, and what an aspect ratio means.
 */
final class GalleryAttributes {

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
		public readonly bool $lightbox,
		public readonly string $layout = 'grid',
		public readonly int $row_height = 240,
		public readonly bool $albums = false,
		public readonly int $album_depth = 1,
		public readonly bool $downloads = false,
		public readonly bool $download_all = true,
		public readonly string $download_size = 'original'
	) {}

	/**
	 * @param array<string, mixed> $attributes As saved; anything invalid falls back to the default.
	 */
	public static function from_block( array $attributes ): self {
		$schema = GallerySchema::attributes();
		$string = static fn ( string $name ): string => (string) self::value( $attributes, $name, $schema[ $name ] ?? array() );
		$int    = static fn ( string $name ): int => (int) self::value( $attributes, $name, $schema[ $name ] ?? array() );
		$bool   = static fn ( string $name ): bool => (bool) self::value( $attributes, $name, $schema[ $name ] ?? array() );
		$id     = $string( 'folderId' );

		return new self(
			$string( 'provider' ),
			// Each provider's own shape is checked where the id is used (Source::accepts_reference).
			1 === preg_match( '/^[A-Za-z0-9_:-]{1,200}$/', $id ) ? $id : '',
			$string( 'folderPath' ),
			$int( 'columns' ),
			$int( 'gap' ),
			$string( 'aspectRatio' ),
			$string( 'sortBy' ),
			$string( 'sortOrder' ),
			$int( 'perPage' ),
			$string( 'caption' ),
			$bool( 'lightbox' ),
			$string( 'layout' ),
			$int( 'rowHeight' ),
			$bool( 'albums' ),
			$int( 'albumDepth' ),
			$bool( 'downloads' ),
			$bool( 'downloadAll' ),
			$string( 'downloadSize' )
		);
	}

	/**
	 * Whether a folder was chosen: an id, or the root itself ("/").
	 */
	public function has_folder(): bool {
		return '' !== $this->folder_id || '/' === $this->folder_path;
	}

	/**
	 * block.json's aspect ratios are "<width>/<height>", a whole number
	 * ("1": square), or "original".
	 *
	 * @return array{0: int, 1: int}|null Width and height of the crop, null for the original ratio.
	 */
	public function crop(): ?array {
		if ( 1 !== preg_match( '#^([1-9]\d*)(?:/([1-9]\d*))?$#', $this->aspect, $ratio ) ) {
			return null;
		}
		return array( (int) $ratio[1], (int) ( $ratio[2] ?? 1 ) );
	}

	public function order(): PhotoOrder {
		return new PhotoOrder( $this->sort_by, 'desc' === $this->sort_order );
	}

	/**
	 * A string that is not in the enum, a number that is not numeric, a
	 * boolean that is not true: the default. A number outside minimum and
	 * maximum: the nearest bound.
	 *
	 * @param array<string, mixed> $attributes
	 * @param array<string, mixed> $rule       The attribute's schema.
	 */
	private static function value( array $attributes, string $name, array $rule ): mixed {
		$default = $rule['default'] ?? null;
		$given   = $attributes[ $name ] ?? null;
		switch ( $rule['type'] ?? null ) {
			case 'string':
				$allowed = is_array( $rule['enum'] ?? null ) ? $rule['enum'] : null;
				return is_string( $given ) && ( null === $allowed || in_array( $given, $allowed, true ) ) ? $given : $default;
			case 'integer':
				return is_numeric( $given )
					? max( (int) ( $rule['minimum'] ?? PHP_INT_MIN ), min( (int) ( $rule['maximum'] ?? PHP_INT_MAX ), (int) $given ) )
					: $default;
			case 'boolean':
				return array_key_exists( $name, $attributes ) ? true === $given : $default;
		}
		return $default;
	}
}
