<?php
/**
 * A Site Health test: do the connected providers give thumbnails?
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Admin;

use Closure;
use CustomerCloudGallery\Images\ThumbnailHealth;
use CustomerCloudGallery\Providers\ProviderRegistry;

/**
 * Tools → Site Health is where an admin looks when "the photos are grey",
 * so a connection that lists folders but cannot fetch photos is critical
 * there, with what the provider answered and the fix. Reads one option; no
 * provider is called.
 */
final class ThumbnailSiteHealth {

	public const TEST = 'ccg_thumbnails';

	/**
	 * @param Closure(): ProviderRegistry $providers Built when Site Health asks, not on every request.
	 */
	public function __construct( private Closure $providers, private ThumbnailHealth $health ) {}

	public function register(): void {
		add_filter( 'site_status_tests', array( $this, 'add_test' ) );
	}

	/**
	 * @param array<string, mixed> $tests
	 *
	 * @return array<string, mixed>
	 */
	public function add_test( array $tests ): array {
		$tests['direct'][ self::TEST ] = array(
			'label' => __( 'Customer Cloud Gallery thumbnails', 'customer-cloud-gallery' ),
			'test'  => array( $this, 'run' ),
		);
		return $tests;
	}

	/**
	 * @return array<string, mixed> A Site Health result.
	 */
	public function run(): array {
		$failing = array();
		foreach ( ( $this->providers )()->all() as $provider ) {
			$problem = $this->health->problem( $provider->connection() );
			if ( null !== $problem ) {
				$failing[ $provider->label() ] = $problem;
			}
		}

		$badge = array(
			'label' => __( 'Customer Cloud Gallery', 'customer-cloud-gallery' ),
			'color' => array() === $failing ? 'blue' : 'red',
		);
		$settings = sprintf(
			'<p><a href="%s">%s</a></p>',
			esc_url( SettingsPage::url() ),
			esc_html__( 'Open Customer Cloud Gallery → Settings', 'customer-cloud-gallery' )
		);

		if ( array() === $failing ) {
			return array(
				'label'       => __( 'Gallery thumbnails load', 'customer-cloud-gallery' ),
				'status'      => 'good',
				'badge'       => $badge,
				'description' => '<p>' . esc_html__( 'No connected storage provider has refused a thumbnail lately.', 'customer-cloud-gallery' ) . '</p>',
				'actions'     => '',
				'test'        => self::TEST,
			);
		}

		$description = '<p>' . esc_html__( 'Visitors see grey placeholders instead of these photos.', 'customer-cloud-gallery' ) . '</p>';
		foreach ( $failing as $problem ) {
			$description .= '<p>' . esc_html( $problem->message ) . '</p><p>' . esc_html( $problem->fix ) . '</p>';
		}
		return array(
			'label'       => sprintf(
				/* translators: %s: provider names, e.g. "Dropbox" or "Dropbox, Google Drive". */
				__( 'Gallery thumbnails from %s are failing', 'customer-cloud-gallery' ),
				implode( ', ', array_keys( $failing ) )
			),
			'status'      => 'critical',
			'badge'       => $badge,
			'description' => $description,
			'actions'     => $settings,
			'test'        => self::TEST,
		);
	}
}
