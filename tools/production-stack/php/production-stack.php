<?php
/**
 * Must-use plugin of the production-like stack's sites (tools/production-stack).
 *
 * WordPress writes its rewrite rules into .htaccess only when it believes
 * mod_rewrite is there, which it cannot tell from the PHP CLI or PHP-FPM
 * (apache_get_modules() exists only under mod_php). The installer and the
 * tests run from the CLI, so without this a permalink change there would
 * empty the Apache site's .htaccess. Both servers of the stack rewrite.
 *
 * @package CustomerCloudGallery
 */

add_filter( 'got_url_rewrite', '__return_true' );
