<?php
/**
 * A Site Health test: does the web server serve thumbnails as static files?
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Admin;

use CustomerCloudGallery\Images\FallbackProbe;

/**
 * Shows the last result of Images\FallbackProbe (the self-check of static
 * thumbnail URLs) and, when it failed, what to change on Apache or nginx.
 * A failed check is not an outage (pages use query URLs, which PHP serves),
 * so it is a recommendation, not critical. Reads one option; requests nothing.
 */
final class StaticImagesSiteHealth {

	public const TEST = 'ccg_static_thumbnails';

	public function __construct( private FallbackProbe $probe ) {}

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
			'label' => __( 'Customer Cloud Gallery static thumbnails', 'customer-cloud-gallery' ),
			'test'  => array( $this, 'run' ),
		);
		return $tests;
	}

	/**
	 * @return array<string, mixed> A Site Health result.
	 */
	public function run(): array {
		$result = $this->probe->result();
		$badge  = array(
			'label' => __( 'Performance', 'customer-cloud-gallery' ),
			'color' => 'blue',
		);
		if ( $this->probe->passed() && null !== $result && $result['static'] ) {
			return $this->result(
				'good',
				__( 'Gallery thumbnails are served as static files', 'customer-cloud-gallery' ),
				'<p>' . esc_html__( 'The web server sends cached thumbnails straight from the uploads folder, without starting PHP, and hands missing ones to WordPress.', 'customer-cloud-gallery' ) . '</p>',
				$badge
			);
		}
		if ( null === $result ) {
			return $this->result(
				'recommended',
				__( 'Gallery thumbnails have not been checked yet', 'customer-cloud-gallery' ),
				'<p>' . esc_html__( 'WP-Cron checks soon whether the web server can serve thumbnails as static files. Until then, WordPress serves every thumbnail itself.', 'customer-cloud-gallery' ) . '</p>',
				$badge
			);
		}
		$description = '<p>' . esc_html__( 'WordPress serves every gallery thumbnail itself, which is slower than a static file. The last check found:', 'customer-cloud-gallery' ) . '</p>'
			. '<p><code>' . esc_html( '' !== $result['detail'] ? $result['detail'] : __( 'the second request for a thumbnail still went through PHP', 'customer-cloud-gallery' ) ) . '</code></p>'
			. '<p>' . esc_html__( 'Apache: keep WordPress\'s own .htaccess rules (Settings → Permalinks writes them) and allow .htaccess files in the uploads folder.', 'customer-cloud-gallery' ) . '</p>'
			. '<p>' . esc_html__( 'nginx: add this block to the site\'s server block, then reload nginx:', 'customer-cloud-gallery' ) . '</p>'
			. '<pre>' . esc_html( "location ^~ /wp-content/uploads/customer-cloud-gallery/i/ {\n\ttry_files \$uri /index.php?\$args;\n\tadd_header Cache-Control \"public, max-age=31536000, immutable\";\n}" ) . '</pre>'
			. '<p>' . esc_html__( 'Then save Settings → Permalinks: that checks again at once.', 'customer-cloud-gallery' ) . '</p>';
		return $this->result(
			'recommended',
			__( 'Gallery thumbnails are not served as static files', 'customer-cloud-gallery' ),
			$description,
			$badge,
			sprintf( '<p><a href="%s">%s</a></p>', esc_url( admin_url( 'options-permalink.php' ) ), esc_html__( 'Open Settings → Permalinks', 'customer-cloud-gallery' ) )
		);
	}

	/**
	 * @param array<string, string> $badge
	 *
	 * @return array<string, mixed>
	 */
	private function result( string $status, string $label, string $description, array $badge, string $actions = '' ): array {
		return array(
			'label'       => $label,
			'status'      => $status,
			'badge'       => $badge,
			'description' => $description,
			'actions'     => $actions,
			'test'        => self::TEST,
		);
	}
}
