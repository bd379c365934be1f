<?php
/**
 * The "Customer Cloud Gallery → Settings" admin screen.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Admin;

use CustomerCloudGallery\Capabilities;

/**
 * The screen itself is a React app (src/settings/); PHP only provides the
 * menu, the mount point and the assets.
 */
final class SettingsPage {

	public const SLUG = 'customer-cloud-gallery';

	public function __construct( private SettingsAssets $assets ) {}

	public static function url(): string {
		return admin_url( 'admin.php?page=' . self::SLUG );
	}

	public function register(): void {
		add_action( 'admin_menu', array( $this, 'add_menu' ) );
	}

	public function add_menu(): void {
		$hook = add_menu_page(
			__( 'Customer Cloud Gallery', 'customer-cloud-gallery' ),
			__( 'Customer Cloud Gallery', 'customer-cloud-gallery' ),
			Capabilities::MANAGE_CONNECTIONS,
			self::SLUG,
			array( $this, 'render' ),
			'dashicons-format-gallery'
		);
		add_submenu_page(
			self::SLUG,
			__( 'Customer Cloud Gallery Settings', 'customer-cloud-gallery' ),
			__( 'Settings', 'customer-cloud-gallery' ),
			Capabilities::MANAGE_CONNECTIONS,
			self::SLUG,
			array( $this, 'render' )
		);
		if ( is_string( $hook ) && '' !== $hook ) {
			add_action( 'load-' . $hook, array( $this->assets, 'prepare' ) );
		}
	}

	public function render(): void {
		?>
		<div class="wrap">
			<h1><?php echo esc_html__( 'Customer Cloud Gallery Settings', 'customer-cloud-gallery' ); ?></h1>
			<div id="ccg-settings-root"></div>
		</div>
		<?php
	}
}
