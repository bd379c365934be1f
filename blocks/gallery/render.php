<?php
/**
 * Server-side markup of the Cloud Gallery block. Only escapes and prints:
 * GalleryViewBuilder decides everything.
 *
 * @package CustomerCloudGallery
 *
 * @var array<string, mixed> $attributes Block attributes.
 */

declare(strict_types=1);

defined( 'ABSPATH' ) || exit;

$ccg_view = CustomerCloudGallery\Plugin::services()->gallery_views()->build( $attributes );
if ( ! $ccg_view->visible ) {
	return;
}
?>
<div <?php echo wp_kses_data( get_block_wrapper_attributes( $ccg_view->wrapper ) ); ?> data-ccg-gallery="<?php echo esc_attr( (string) $ccg_view->instance ); ?>"
	<?php if ( $ccg_view->is_interactive() ) : ?>
		data-wp-interactive="customer-cloud-gallery" data-wp-context="<?php echo esc_attr( (string) wp_json_encode( array( 'open' => false, 'src' => null, 'alt' => '', 'download' => null ) ) ); ?>" data-wp-init="callbacks.init"
	<?php endif; ?>
>
	<?php require __DIR__ . '/parts/breadcrumb.php'; ?>
	<?php if ( null !== $ccg_view->notice ) : ?>
		<p class="ccg-gallery__notice"><?php echo esc_html( $ccg_view->notice ); ?>
			<?php if ( null !== $ccg_view->fix ) : ?>
				<span class="ccg-gallery__fix"><?php echo esc_html( $ccg_view->fix ); ?></span>
			<?php endif; ?>
		</p>
	<?php endif; ?>
	<?php require __DIR__ . '/parts/albums.php'; ?>
	<?php require __DIR__ . '/parts/download-all.php'; ?>
	<?php if ( array() !== $ccg_view->items ) : ?>
		<?php require __DIR__ . '/parts/photos.php'; ?>
	<?php endif; ?>
	<?php if ( null !== $ccg_view->next_url ) : ?>
		<nav class="ccg-gallery__pagination" aria-label="<?php esc_attr_e( 'Gallery pages', 'customer-cloud-gallery' ); ?>">
			<a class="ccg-gallery__load-more" href="<?php echo esc_url( $ccg_view->next_url ); ?>" data-ccg-loaded="<?php echo esc_attr( (string) $ccg_view->next_message ); ?>"><?php esc_html_e( 'Load more', 'customer-cloud-gallery' ); ?></a>
		</nav>
		<p class="ccg-gallery__status screen-reader-text" role="status"></p>
	<?php endif; ?>
	<?php if ( $ccg_view->lightbox && array() !== $ccg_view->items ) : ?>
		<div class="ccg-lightbox" role="dialog" aria-modal="true" tabindex="-1" hidden data-wp-bind--hidden="!context.open" data-wp-bind--aria-label="context.alt" data-wp-watch="callbacks.focus" data-wp-on--keydown="actions.keydown" data-wp-on--pointerdown="actions.pointerdown" data-wp-on--pointerup="actions.pointerup">
			<img class="ccg-lightbox__image" alt="" draggable="false" data-wp-bind--src="context.src" data-wp-watch="callbacks.describe">
			<button type="button" class="ccg-lightbox__button ccg-lightbox__previous" aria-label="<?php esc_attr_e( 'Previous photo', 'customer-cloud-gallery' ); ?>" data-wp-on--click="actions.previous">&#8249;</button>
			<button type="button" class="ccg-lightbox__button ccg-lightbox__next" aria-label="<?php esc_attr_e( 'Next photo', 'customer-cloud-gallery' ); ?>" data-wp-on--click="actions.next">&#8250;</button>
			<?php require __DIR__ . '/parts/download-lightbox.php'; ?>
			<button type="button" class="ccg-lightbox__button ccg-lightbox__close" aria-label="<?php esc_attr_e( 'Close', 'customer-cloud-gallery' ); ?>" data-wp-on--click="actions.close">&#215;</button>
		</div>
	<?php endif; ?>
</div>
