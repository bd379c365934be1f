<?php
/**
 * Everything render.php prints, already decided; it only escapes.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Rendering;

final class GalleryView {

	/**
	 * @param array<string, string> $wrapper      Attributes for get_block_wrapper_attributes() (class, style).
	 * @param list<array{src: string, srcset: list<array{url: string, width: int}>, sizes: string, width: int, height: int, alt: string, loading: string, href: string|null, caption: string|null, style: string|null, download?: string|null}> $items
	 * @param string|null           $next_url     The next page ("Load more"), null on the last.
	 * @param string|null           $notice       A message instead of (or above) the grid.
	 * @param string|null           $fix          What to do about it (people who can edit only).
	 * @param bool                  $lightbox     Photo links open the lightbox.
	 * @param int                   $instance     The gallery's number in the page (its ccg-page-<n>).
	 * @param string|null           $next_message Announced once the next page is loaded in place.
	 * @param string|null           $download_all "Download all" of the folder shown, when the block allows it.
	 * @param AlbumsView|null       $albums       Album cards and breadcrumb (blocks with albums on).
	 */
	public function __construct(
		public readonly array $wrapper,
		public readonly array $items = array(),
		public readonly ?string $next_url = null,
		public readonly ?string $notice = null,
		public readonly ?string $fix = null,
		public readonly bool $visible = true,
		public readonly bool $lightbox = false,
		public readonly int $instance = 0,
		public readonly ?string $next_message = null,
		public readonly ?string $download_all = null,
		public readonly ?AlbumsView $albums = null
	) {}

	public static function hidden(): self {
		return new self( array(), array(), null, null, null, false );
	}

	/**
	 * The view module is only worth downloading for a lightbox or a next page.
	 */
	public function is_interactive(): bool {
		return array() !== $this->items && ( $this->lightbox || null !== $this->next_url );
	}
}
