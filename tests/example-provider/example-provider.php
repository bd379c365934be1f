<?php
/**
 * A fake third provider, "Example Cloud", for the test that proves the
 * provider seam: one folder (this one), and one line registering it:
 *
 *     add_filter( 'customer_cloud_gallery_provider_modules', static fn ( array $modules, $services ) => array( ...$modules, new ExampleModule( $services->encryption() ) ), 10, 2 );
 *
 * Loading this file only defines the classes; nothing is registered until
 * that line runs. Its "service" answers in-process (ExampleCloud), so it
 * needs no network and no sandbox.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

foreach ( array( 'ExampleError', 'ExampleCloud', 'ExampleDescription', 'ExampleDiagnosis', 'ExampleOAuth', 'ExampleSurvey', 'ExampleSource', 'ExampleModule' ) as $ccg_example_class ) {
	require_once __DIR__ . '/' . $ccg_example_class . '.php';
}
unset( $ccg_example_class );
