<?php
/**
 * The Dropbox permissions the plugin needs.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

final class Scopes {

	/** Account name and email; optional: without it the account shows as unknown. */
	public const ACCOUNT_INFO = 'account_info.read';

	/** Listing folders. */
	public const FILES_METADATA = 'files.metadata.read';

	/** Thumbnails and downloads (does not imply files.metadata.read). */
	public const FILES_CONTENT = 'files.content.read';

	public const REQUIRED = array( self::FILES_METADATA, self::FILES_CONTENT );

	/**
	 * Required scopes the grant lacks: those absent from the token response's
	 * "scope" (when it had one) plus those API calls answered missing_scope for.
	 *
	 * @param list<string>|null $granted
	 * @param list<string>      $reported_missing
	 *
	 * @return list<string>
	 */
	public static function missing( ?array $granted, array $reported_missing ): array {
		$missing = array();
		foreach ( self::REQUIRED as $scope ) {
			$not_granted = null !== $granted && ! in_array( $scope, $granted, true );
			if ( $not_granted || in_array( $scope, $reported_missing, true ) ) {
				$missing[] = $scope;
			}
		}
		return $missing;
	}
}
