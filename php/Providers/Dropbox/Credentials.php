<?php
/**
 * The admin's Dropbox app: App key, App secret and its access type.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

final class Credentials {

	public const ACCESS_FULL       = 'full';
	public const ACCESS_APP_FOLDER = 'app_folder';

	public const ACCESS_TYPES = array( self::ACCESS_FULL, self::ACCESS_APP_FOLDER );

	/**
	 * @param string $access_type Chosen by the admin: Dropbox never reports it.
	 */
	public function __construct(
		public readonly string $app_key,
		public readonly string $app_secret,
		public readonly string $access_type
	) {}
}
