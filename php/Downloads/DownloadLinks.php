<?php
/**
 * The download URLs a gallery page shows, when its block allows downloads.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Downloads;

use CustomerCloudGallery\Gallery\Photo;
use CustomerCloudGallery\Rendering\GalleryAttributes;

/**
 * home_url('/?ccg_download=<token>'): the plugin's own URL, never a
 * provider's. The expiry is bucketed (DownloadLifetime), so the page is the
 * same bytes for everyone within the hour, as page caches need.
 */
final class DownloadLinks {

	public function __construct( private DownloadToken $tokens, private DownloadLifetime $lifetime ) {}

	/**
	 * @param string $folder The listing's cache key (FolderListings::key()).
	 */
	public function photo( GalleryAttributes $gallery, string $folder, Photo $photo ): ?string {
		if ( ! $gallery->downloads ) {
			return null;
		}
		return $this->url( DownloadRef::photo( $gallery->provider, $folder, $photo->id, $photo->revision, $this->size( $gallery ), $this->lifetime->expires( time() ), $this->post() ) );
	}

	/**
	 * "Download all" of the folder the view shows.
	 *
	 * @param string $folder The listing's cache key (FolderListings::key()).
	 */
	public function all( GalleryAttributes $gallery, string $folder ): ?string {
		if ( ! $gallery->downloads || ! $gallery->download_all ) {
			return null;
		}
		return $this->url( DownloadRef::all( $gallery->provider, $folder, $this->size( $gallery ), $this->lifetime->expires( time() ), $this->post() ) );
	}

	public function url( DownloadRef $download ): string {
		return add_query_arg( DownloadEndpoint::QUERY_VAR, $this->tokens->sign( $download ), home_url( '/' ) );
	}

	private function size( GalleryAttributes $gallery ): string {
		return in_array( $gallery->download_size, DownloadRef::SIZES, true ) ? $gallery->download_size : 'original';
	}

	private function post(): int {
		$post = get_the_ID();
		return is_int( $post ) && $post > 0 ? $post : (int) get_queried_object_id();
	}
}
