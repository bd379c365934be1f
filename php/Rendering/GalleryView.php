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
	 * @param array<string, string> $wrapper  Attributes for get_block_wrapper_attributes() (class, style).
	 * @param list<array{src: string, srcset: list<array{url: string, width: int}>, sizes: string, width: int, height: int, alt: string, loading: string, href: string|null, caption: string|null}> $items
	 * @param string|null           $next_url The next page ("Load more"), null on the last.
	 * @param string|null           $notice   A message instead of (or above) the grid.
	 * @param string|null           $fix      What to do about it (people who can edit only).
	 */
	public function __construct(
		public readonly array $wrapper,
		public readonly array $items = array(),
		public readonly ?string $next_url = null,
		public readonly ?string $notice = null,
		public readonly ?string $fix = null,
		public readonly bool $visible = true
	) {}

	public static function hidden(): self {
		return new self( array(), array(), null, null, null, false );
	}
}
