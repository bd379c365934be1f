<?php
/**
 * What one download URL is for: a photo, or every photo of a folder.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Downloads;

/**
 * The folder is the listing's cache key (Gallery\FolderListings::key()), as
 * in an image URL: the download is served only while that listing, inside
 * the gallery folder, still holds the photo at this revision. The file id
 * and revision are empty for "Download all". The post is the page the link
 * was shown on, for the expired page's way back; 0 when unknown.
 */
final class DownloadRef {

	public const PHOTO = 'p';

	public const ALL = 'a';

	public const SIZES = array( 'original', '2048', '1024' );

	public function __construct(
		public readonly string $kind,
		public readonly string $provider,
		public readonly string $folder,
		public readonly string $file_id,
		public readonly string $rev,
		public readonly string $size,
		public readonly int $expires,
		public readonly int $post
	) {}

	public static function photo( string $provider, string $folder, string $file_id, string $rev, string $size, int $expires, int $post ): self {
		return new self( self::PHOTO, $provider, $folder, $file_id, $rev, $size, $expires, $post );
	}

	public static function all( string $provider, string $folder, string $size, int $expires, int $post ): self {
		return new self( self::ALL, $provider, $folder, '', '', $size, $expires, $post );
	}

	/**
	 * @param list<string> $values As to_list() gave them.
	 */
	public static function from_list( array $values ): ?self {
		if ( 8 !== count( $values ) ) {
			return null;
		}
		list( $kind, $provider, $file_id, $rev, $size, $expires, $post, $folder ) = $values;
		$photo = self::PHOTO === $kind && '' !== $file_id && '' !== $rev;
		$all   = self::ALL === $kind && '' === $file_id && '' === $rev;
		if ( ( ! $photo && ! $all ) || '' === $provider || ! in_array( $size, self::SIZES, true ) || ! ctype_digit( $expires ) || ! ctype_digit( $post ) ) {
			return null;
		}
		return new self( $kind, $provider, $folder, $file_id, $rev, $size, (int) $expires, (int) $post );
	}

	/**
	 * The folder comes last: the only field that may be free text.
	 *
	 * @return list<string>
	 */
	public function to_list(): array {
		return array( $this->kind, $this->provider, $this->file_id, $this->rev, $this->size, (string) $this->expires, (string) $this->post, $this->folder );
	}

	public function is_all(): bool {
		return self::ALL === $this->kind;
	}

	public function expired( int $now ): bool {
		return $now >= $this->expires;
	}
}
