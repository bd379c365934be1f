<?php
/**
 * What changed in Drive since a page token.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

/**
 * Only what finding the galleries a change touches needs: each changed
 * file's id with the folders it is in now (none when it left the user's
 * view: deleted, or access lost), and the token the next poll starts from.
 */
final class DriveChangeSet {

	/**
	 * @param array<string, list<string>> $parents File id => its parents now (empty: removed).
	 * @param string                      $token   Where the next poll starts: newStartPageToken,
	 *                                             or the nextPageToken a run stopped at.
	 */
	public function __construct( public readonly array $parents, public readonly string $token ) {}
}
