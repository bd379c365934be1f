<?php
/**
 * What render.php's album parts print, already decided; they only escape.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Rendering;

/**
 * @phpstan-type Cover array{src: string, srcset: list<array{url: string, width: int}>, sizes: string, width: int, height: int, loading: string}
 * @phpstan-type Card array{title: string, url: string, count: string|null, cover: Cover|null}
 * @phpstan-type Crumb array{label: string, url: string|null}
 */
final class AlbumsView {

	/**
	 * @param list<Card>  $cards      The albums of the folder shown, in name order.
	 * @param list<Crumb> $breadcrumb From the block's folder down to the album shown (its url null); empty at the top.
	 * @param string|null $back_url   The gallery's top level, when the album asked for cannot be shown.
	 */
	public function __construct(
		public readonly array $cards = array(),
		public readonly array $breadcrumb = array(),
		public readonly ?string $back_url = null
	) {}
}
