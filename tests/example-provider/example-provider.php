<?php
/**
 * A fake third provider, "Example Cloud", for the test that proves the
 * provider seam: one folder (this one), and one line registering it:
 *
 *     add_filter( 'customer_cloud_gallery_provider_modules', static fn ( array $modules, $services ) => array( ...$modules, new ExampleModule( $services->encryption() ) ), 10, 2 );
 *
 * Loading this file only makes its classes loadable (they extend the
 * plugin's, which may load later, e.g. when a must-use plugin requires this
 * file); nothing is registered until that line runs. Its "service" answers in-process (ExampleCloud), so it
 * needs no network and no sandbox.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

spl_autoload_register(
	static function ( string $class_name ): void {
		$prefix = 'CustomerCloudGallery\\Tests\\ExampleProvider\\';
		if ( str_starts_with( $class_name, $prefix ) && is_readable( __DIR__ . '/' . substr( $class_name, strlen( $prefix ) ) . '.php' ) ) {
			require_once __DIR__ . '/' . substr( $class_name, strlen( $prefix ) ) . '.php';
		}
	}
);
