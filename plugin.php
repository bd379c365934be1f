<?php
/**
 * Plugin Name:       Customer Cloud Gallery
 * Description:       Galleries of client photos straight from your own Dropbox or Google Drive, rendered by WordPress.
 * Version:           0.1.0
 * Requires at least: 6.8
 * Requires PHP:      8.1
 * Author:            Customer Cloud Gallery
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       customer-cloud-gallery
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery;

defined( 'ABSPATH' ) || exit;

const VERSION     = '0.1.0';
const PLUGIN_FILE = __FILE__;

require_once __DIR__ . '/php/autoload.php';

add_action( 'plugins_loaded', array( Plugin::class, 'boot' ) );

// A (re)activated plugin checks its static image URLs again before using them.
register_activation_hook( __FILE__, array( Images\FallbackProbe::class, 'forget' ) );
register_deactivation_hook( __FILE__, array( Images\FallbackProbe::class, 'forget' ) );
// Thumbnails on disk would stay public while nothing can remove them.
register_deactivation_hook( __FILE__, array( Plugin::class, 'deactivate' ) );
