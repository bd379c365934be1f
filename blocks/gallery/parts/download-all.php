<?php
/**
 * "Download all": the photos of the folder shown, as one ZIP.
 *
 * @package CustomerCloudGallery
 *
 * @var CustomerCloudGallery\Rendering\GalleryView $ccg_view The view render.php is printing.
 */

declare(strict_types=1);

defined( 'ABSPATH' ) || exit;

if ( null === $ccg_view->download_all || array() === $ccg_view->items ) {
	return;
}
?>
<p class="ccg-gallery__download-all">
	<a class="ccg-gallery__download-all-link wp-element-button" href="<?php echo esc_url( $ccg_view->download_all ); ?>" download><?php esc_html_e( 'Download all photos (ZIP)', 'customer-cloud-gallery' ); ?></a>
</p>
