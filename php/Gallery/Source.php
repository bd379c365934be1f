<?php
/**
 * What the gallery pipeline needs from a cloud provider.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

use CustomerCloudGallery\Images\ImageRef;

/**
 * Everything above this line (listing cache, gallery root, folder tree,
 * rendering, signed image URLs, disk cache, warming) is provider-neutral; a
 * provider implements this once, in its own folder, and translates its own
 * errors into GalleryException so nothing above ever sees a provider's error
 * type.
 *
 * Folders are identified by an opaque reference (`Folder::$id`) and placed by
 * a key path (`Folder::$path_lower`): a slash-separated chain from the
 * provider's root, "" for the root itself. Boundaries (the gallery root) are
 * checked on key paths, so a provider whose names are not unique (Drive)
 * builds key paths from ids, and one whose paths are unique (Dropbox) uses
 * its lower-cased paths.
 */
interface Source {

	/** The provider id, e.g. "dropbox"; the same as Provider::id(). */
	public function provider(): string;

	/** The provider's name, e.g. "Dropbox". */
	public function label(): string;

	/** The top of the account: where browsing starts when no gallery root is set. */
	public function root(): Folder;

	/** Whether $ref has the shape of a folder reference this provider issues (REST validation). */
	public function accepts_reference( string $ref ): bool;

	/**
	 * A folder's metadata (name, display path, key path) from its reference.
	 *
	 * @throws GalleryException When it does not exist, is not a folder, or the provider fails.
	 */
	public function folder( string $ref ): Folder;

	/**
	 * The folder's direct contents: pages until $budget runs out (every page
	 * without one). What is left is never dropped: the listing comes back
	 * incomplete, with the cursor refresh() continues from.
	 *
	 * @throws GalleryException
	 */
	public function list( Folder $folder, ?ListingBudget $budget = null ): Listing;

	/**
	 * An incomplete listing continued from its cursor (started again from
	 * scratch, complete=false, if the provider no longer accepts the cursor);
	 * a complete one brought up to date as cheaply as the provider allows
	 * (Dropbox continues from its cursor; Drive lists again), after reading
	 * the folder's own metadata again. Either may come back incomplete when
	 * $budget runs out.
	 *
	 * @throws GalleryException
	 */
	public function refresh( Listing $listing, ?ListingBudget $budget = null ): Listing;

	/**
	 * The folders strictly between $boundary and $folder, outermost first,
	 * for the breadcrumb. May call the provider; never throws (a folder it
	 * cannot resolve is shown by name only).
	 *
	 * @return list<Folder>
	 */
	public function ancestors( Folder $boundary, Folder $folder ): array;

	/** How many thumbnails one thumbnails() call should ask for. */
	public function batch_size(): int;

	/**
	 * One thumbnail's bytes (JPEG, PNG, GIF or WebP: the disk cache stores
	 * everything as JPEG), no larger than $image->size's box.
	 *
	 * @throws GalleryException FOLDER_NOT_FOUND when the photo is gone or
	 *                          cannot be rendered; RATE_LIMITED (with retry_after),
	 *                          UNREACHABLE or NOT_CONNECTED otherwise.
	 */
	public function thumbnail( ImageRef $image ): string;

	/**
	 * Several thumbnails; a photo that cannot be rendered is null.
	 *
	 * @param list<ImageRef> $images At most batch_size().
	 *
	 * @return array<int, string|null> Image bytes by index in $images.
	 *
	 * @throws GalleryException When the whole call fails.
	 */
	public function thumbnails( array $images ): array;

	/**
	 * Learns what the listing did not say (date taken, pixel size) for up
	 * to a run's worth of photos and stores it in MediaInfoStore under
	 * $folder_key. Returns how many photos are still unknown (0 when the
	 * listing already carries it all, as Drive's does).
	 *
	 * @param list<string> $file_ids Listing::photo_ids().
	 *
	 * @throws GalleryException
	 */
	public function learn_media( string $folder_key, array $file_ids ): int;
}
