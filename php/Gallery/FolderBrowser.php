<?php
/**
 * What the folder tree shows for one folder.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

use CustomerCloudGallery\Providers\Dropbox\DropboxProvider;

final class FolderBrowser {

	public function __construct( private FolderListings $listings, private FolderLookup $lookup ) {}

	/**
	 * @param string $ref           "" for the root, or an "id:…".
	 * @param bool   $whole_dropbox Browse from the Dropbox root, ignoring the gallery root.
	 *
	 * @return array<string, mixed> The REST response body.
	 *
	 * @throws GalleryException
	 */
	public function browse( string $ref, bool $whole_dropbox ): array {
		$boundary = $this->listings->boundary( $whole_dropbox );
		$listing  = $this->listings->for_editor( $ref, $whole_dropbox );
		$photos   = count( $listing->photos() );
		$this->lookup->remember( $listing->folder );

		return array(
			'provider'       => DropboxProvider::ID,
			'root'           => $boundary->to_public(),
			'folder'         => $listing->folder->to_public(),
			'breadcrumb'     => array_map( static fn ( Folder $folder ): array => $folder->to_public(), $this->lookup->breadcrumb( $boundary, $listing->folder ) ),
			'folders'        => array_map( static fn ( Folder $folder ): array => $folder->to_public(), $listing->subfolders() ),
			'photoCount'     => $photos,
			'otherFileCount' => count( $listing->files ) - $photos,
		);
	}
}
