<?php
/**
 * Tells administrators how long galleries keep serving after a provider refused the grant.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Admin;

use Closure;
use CustomerCloudGallery\Capabilities;
use CustomerCloudGallery\Gallery\GrantGrace;
use CustomerCloudGallery\Providers\ProviderRegistry;

/**
 * On every admin screen, for administrators only: while the grace period
 * runs, a warning that counts down to when visitors stop seeing the photos;
 * after it, an error saying they no longer do. Both point to Settings, where
 * connecting again ends it. Reads one stored fact per provider; calls nobody.
 */
final class GrantGraceNotice {

	/**
	 * @param Closure(): ProviderRegistry $providers
	 */
	public function __construct( private GrantGrace $grace, private Closure $providers ) {}

	public function register(): void {
		add_action( 'admin_notices', array( $this, 'render' ) );
	}

	public function render(): void {
		if ( ! current_user_can( Capabilities::MANAGE_CONNECTIONS ) ) {
			return;
		}
		foreach ( ( $this->providers )()->all() as $provider ) {
			$ends = $this->grace->ends_at( $provider->id() );
			if ( null === $ends ) {
				continue;
			}
			$message = $this->message( $provider->label(), $ends );
			wp_admin_notice(
				$message . ' <a href="' . esc_url( SettingsPage::url() ) . '">' . esc_html__( 'Open Customer Cloud Gallery → Settings', 'customer-cloud-gallery' ) . '</a>',
				array(
					'type'               => time() < $ends ? 'warning' : 'error',
					'additional_classes' => array( 'ccg-grace-notice' ),
					'attributes'         => array( 'data-provider' => $provider->id() ),
				)
			);
		}
	}

	/**
	 * Escaped: the notice prints it as HTML.
	 */
	public function message( string $label, int $ends ): string {
		if ( time() < $ends ) {
			return esc_html(
				sprintf(
					/* translators: 1: provider name, e.g. Dropbox, 2: a time span, e.g. "6 days", 3: a date and time. */
					__( '%1$s no longer accepts this site’s access. Published galleries keep showing the photos already cached for %2$s more (until %3$s); after that, visitors see a neutral message and the cached photos are deleted. Connect %1$s again to keep them.', 'customer-cloud-gallery' ),
					$label,
					human_time_diff( time(), $ends ),
					wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), $ends )
				)
			);
		}
		return esc_html(
			sprintf(
				/* translators: %s: provider name, e.g. Dropbox. */
				__( '%s no longer accepts this site’s access, and its grace period is over: galleries from it show visitors a neutral message, and its cached photos are deleted. Connect it again to show them.', 'customer-cloud-gallery' ),
				$label
			)
		);
	}
}
