<?php
/**
 * A source that can read a folder's metadata and list it side by side.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

/**
 * The first view of a new gallery waits for the folder's metadata (is it
 * still inside the gallery root?) and then for its listing. Where the two
 * are independent requests (Dropbox's get_metadata and list_folder both
 * take the folder's id), they can go out together. Where the folder's path
 * takes several calls (Drive's climb through the folder's parents), they go
 * out with the listing's pages. Either way the caller checks the boundary
 * on the answer before anything of the listing is kept or shown.
 */
interface OpensFolders {

	/**
	 * Source::folder() and Source::list() at once.
	 *
	 * @param string $ref A folder reference, never the root's.
	 *
	 * @throws GalleryException As Source::folder() and Source::list().
	 */
	public function open( string $ref, ?ListingBudget $budget = null ): Listing;
}
