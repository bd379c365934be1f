<?php
/**
 * Loads the Settings screen's script, styles and start-up data.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Admin;

use CustomerCloudGallery\OAuth\FlashNotices;
use CustomerCloudGallery\REST\DropboxWebhookController;

use const CustomerCloudGallery\PLUGIN_FILE;

final class SettingsAssets {

	public const HANDLE = 'ccg-settings';

	private const SCRIPT = 'build/settings/index.js';
	private const ASSET  = 'build/settings/index.asset.php';
	/** wp-scripts names CSS after its source: index.css, or style-index.css from a style.scss. */
	private const STYLES = array( 'build/settings/index.css', 'build/settings/style-index.css' );

	public function __construct( private FlashNotices $notices ) {}

	/**
	 * Runs on load-{page}: only the plugin's own screen pays for its assets.
	 */
	public function prepare(): void {
		if ( ! is_readable( $this->path( self::SCRIPT ) ) || ! is_readable( $this->path( self::ASSET ) ) ) {
			add_action( 'admin_notices', array( $this, 'missing_build_notice' ) );
			return;
		}
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue' ) );
	}

	public function enqueue(): void {
		$asset = require $this->path( self::ASSET );
		$asset = is_array( $asset ) ? $asset : array();

		wp_enqueue_script(
			self::HANDLE,
			plugins_url( self::SCRIPT, PLUGIN_FILE ),
			is_array( $asset['dependencies'] ?? null ) ? $asset['dependencies'] : array(),
			is_string( $asset['version'] ?? null ) ? $asset['version'] : null,
			true
		);
		wp_set_script_translations( self::HANDLE, 'customer-cloud-gallery', dirname( PLUGIN_FILE ) . '/languages' );
		wp_add_inline_script( self::HANDLE, 'window.ccgSettings = ' . $this->boot_data() . ';', 'before' );

		wp_enqueue_style( 'wp-components' );
		foreach ( self::STYLES as $index => $style ) {
			if ( is_readable( $this->path( $style ) ) ) {
				wp_enqueue_style( self::HANDLE . '-' . $index, plugins_url( $style, PLUGIN_FILE ), array( 'wp-components' ), (string) filemtime( $this->path( $style ) ) );
			}
		}
	}

	public function missing_build_notice(): void {
		printf(
			'<div class="notice notice-error"><p>%s</p></div>',
			esc_html__( 'The Customer Cloud Gallery settings screen has not been built. Run npm run build in the plugin folder.', 'customer-cloud-gallery' )
		);
	}

	/**
	 * Taking the notice consumes it: it shows on this page load only.
	 */
	private function boot_data(): string {
		$notice = $this->notices->take( get_current_user_id() );
		return (string) wp_json_encode(
			array(
				'notice' => $notice?->to_array(),
				// Where the App Console's "Webhook URIs" should point; the Dropbox section shows it.
				'dropboxWebhookUri' => DropboxWebhookController::url(),
			),
			JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_UNESCAPED_UNICODE
		);
	}

	private function path( string $relative ): string {
		return dirname( PLUGIN_FILE ) . '/' . $relative;
	}
}
