<?php
/**
 * Where in the block's folder tree a request is: the folder shown and its albums.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery\Albums;

use CustomerCloudGallery\Gallery\Listing;
use CustomerCloudGallery\Rendering\AlbumsView;

/**
 * A null $listing: the album asked for cannot be shown (missing()).
 * $key is the listing key of the folder the page shows (the block's folder,
 * or the album opened): what its photos' image URLs name, and what a
 * "Download all" of the page should take.
 */
final class AlbumPlace {

	public function __construct(
		public readonly ?Listing $listing,
		public readonly string $key,
		public readonly ?AlbumsView $view = null
	) {}

	/**
	 * An album key that leads nowhere inside the block's folder.
	 */
	public static function missing( string $back_url ): self {
		return new self( null, '', new AlbumsView( back_url: $back_url ) );
	}

	public function has_cards(): bool {
		return null !== $this->view && array() !== $this->view->cards;
	}
}
