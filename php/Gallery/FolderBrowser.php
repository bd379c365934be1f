<?php
/**
 * What the folder tree and the block sidebar show for one folder.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

/**
 * One request per folder opened, whatever the provider: the listing comes
 * from the cache when it is fresh enough, and the breadcrumb from folders the
 * source already knows.
 */
final class FolderBrowser {

	public function __construct( private FolderListings $listings, private Sources $sources ) {}

	/**
	 * @param string $ref             "" for the boundary, or a folder reference.
	 * @param bool   $whole_account   Browse from the account's top (administrators).
	 * @param bool   $may_use_account The user can manage connections: without a gallery
	 *                                folder they browse the whole account; anyone else is refused.
	 *
	 * @return array<string, mixed>
	 *
	 * @throws GalleryException
	 */
	public function browse( string $provider, string $ref, bool $whole_account, bool $may_use_account ): array {
		$source   = $this->sources->require( $provider );
		$listing  = $this->listings->for_editor( $provider, $ref, $whole_account, $may_use_account );
		// After the listing: a rename of the gallery folder it noticed is the boundary now.
		$boundary = $this->listings->boundary( $provider, $whole_account, $may_use_account );
		$photos   = $listing->photo_count();
		$trail    = $listing->folder->path_lower === $boundary->path_lower
			? array( $boundary )
			: array_merge( array( $boundary ), $source->ancestors( $boundary, $listing->folder ), array( $listing->folder ) );

		return array(
			'provider'       => $provider,
			'root'           => $boundary->to_public(),
			'folder'         => $listing->folder->to_public(),
			'breadcrumb'     => array_map( static fn ( Folder $folder ): array => $folder->to_public(), $trail ),
			'folders'        => array_map( static fn ( Folder $folder ): array => $folder->to_public(), $listing->subfolders() ),
			'photoCount'     => $photos,
			'otherFileCount' => $listing->other_file_count(),
			'complete'       => $listing->complete,
		);
	}
}
