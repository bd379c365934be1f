<?php
/**
 * The open lightbox's "Download" link: the photo shown, when the block allows downloads.
 *
 * @package CustomerCloudGallery
 *
 * @var CustomerCloudGallery\Rendering\GalleryView $ccg_view The view render.php is printing.
 */

declare(strict_types=1);

defined( 'ABSPATH' ) || exit;

if ( ! is_string( $ccg_view->items[0]['download'] ?? null ) ) {
	return;
}
?>
<a class="ccg-lightbox__download" download hidden data-wp-bind--hidden="!context.download" data-wp-bind--href="context.download"><?php esc_html_e( 'Download', 'customer-cloud-gallery' ); ?></a>
