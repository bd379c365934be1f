<?php
/**
 * The Google permission the plugin needs.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

final class Scopes {

	/**
	 * Read-only metadata and content: listing folders and thumbnails of
	 * private files (drive.metadata.readonly cannot fetch thumbnails, and
	 * drive.file only sees files the app created).
	 */
	public const DRIVE_READONLY = 'https://www.googleapis.com/auth/drive.readonly';

	/** Full Drive access covers everything drive.readonly does. */
	public const DRIVE = 'https://www.googleapis.com/auth/drive';

	public const REQUIRED = array( self::DRIVE_READONLY );

	/**
	 * Required scopes the grant lacks: absent from the token response's
	 * "scope" (when it had one), or reported by a 403 insufficientPermissions.
	 * Google's consent screen lets people untick the Drive box, so a grant
	 * without it is a normal outcome, not an error.
	 *
	 * @param list<string>|null $granted
	 * @param list<string>      $reported_missing
	 *
	 * @return list<string>
	 */
	public static function missing( ?array $granted, array $reported_missing ): array {
		$missing = array();
		foreach ( self::REQUIRED as $scope ) {
			$covered     = null !== $granted && ( in_array( $scope, $granted, true ) || in_array( self::DRIVE, $granted, true ) );
			$not_granted = null !== $granted && ! $covered;
			if ( $not_granted || in_array( $scope, $reported_missing, true ) ) {
				$missing[] = $scope;
			}
		}
		return $missing;
	}
}
