<?php
/**
 * A thumbnail Dropbox rendered, with what it said about the photo.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

final class Thumbnail {

	/**
	 * @param string      $bytes  JPEG bytes.
	 * @param string      $rev    The photo's revision the thumbnail was made from.
	 * @param int         $width  Displayed width of the original, 0 when unknown.
	 * @param int         $height Displayed height of the original, 0 when unknown.
	 * @param int         $taken  Date taken (Unix time), 0 when unknown.
	 */
	public function __construct(
		public readonly string $bytes,
		public readonly string $rev,
		public readonly int $width = 0,
		public readonly int $height = 0,
		public readonly int $taken = 0
	) {}

	/**
	 * @param array<string, mixed> $metadata FileMetadata, perhaps with media_info.
	 */
	public static function from_metadata( string $bytes, array $metadata ): self {
		$media      = $metadata['media_info']['metadata'] ?? null;
		$dimensions = is_array( $media ) && is_array( $media['dimensions'] ?? null ) ? $media['dimensions'] : array();
		$taken      = is_array( $media ) && is_string( $media['time_taken'] ?? null ) ? strtotime( $media['time_taken'] ) : false;
		return new self(
			$bytes,
			is_string( $metadata['rev'] ?? null ) ? $metadata['rev'] : '',
			(int) ( $dimensions['width'] ?? 0 ),
			(int) ( $dimensions['height'] ?? 0 ),
			false === $taken ? 0 : $taken
		);
	}
}
