<?php
/**
 * A photo's "Download" link, inside its grid item, when the block allows downloads.
 *
 * @package CustomerCloudGallery
 *
 * @var array<string, mixed> $ccg_item The item render.php is printing.
 */

declare(strict_types=1);

defined( 'ABSPATH' ) || exit;

if ( ! is_string( $ccg_item['download'] ?? null ) ) {
	return;
}
// The visible word starts the accessible name (WCAG 2.5.3), the photo's name tells the links apart.
?>
<a class="ccg-gallery__download" href="<?php echo esc_url( $ccg_item['download'] ); ?>" download><?php esc_html_e( 'Download', 'customer-cloud-gallery' ); ?><span class="screen-reader-text"> <?php echo esc_html( (string) $ccg_item['alt'] ); ?></span></a>
