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
<div <?php echo wp_kses_data( get_block_wrapper_attributes( $ccg_view->wrapper ) ); ?>>
	<?php if ( null !== $ccg_view->notice ) : ?>
		<p class="ccg-gallery__notice"><?php echo esc_html( $ccg_view->notice ); ?>
			<?php if ( null !== $ccg_view->fix ) : ?>
				<span class="ccg-gallery__fix"><?php echo esc_html( $ccg_view->fix ); ?></span>
			<?php endif; ?>
		</p>
	<?php endif; ?>
	<?php if ( array() !== $ccg_view->items ) : ?>
		<ul class="ccg-gallery__grid" role="list">
			<?php foreach ( $ccg_view->items as $ccg_item ) : ?>
				<li class="ccg-gallery__item">
					<figure class="ccg-gallery__figure">
						<?php if ( null !== $ccg_item['href'] ) : ?>
							<a class="ccg-gallery__link" href="<?php echo esc_url( $ccg_item['href'] ); ?>">
						<?php endif; ?>
						<img src="<?php echo esc_url( $ccg_item['src'] ); ?>" srcset="<?php echo esc_attr( implode( ', ', array_map( static fn ( array $ccg_source ): string => esc_url( $ccg_source['url'] ) . ' ' . (int) $ccg_source['width'] . 'w', $ccg_item['srcset'] ) ) ); ?>" sizes="<?php echo esc_attr( $ccg_item['sizes'] ); ?>" width="<?php echo esc_attr( (string) $ccg_item['width'] ); ?>" height="<?php echo esc_attr( (string) $ccg_item['height'] ); ?>" alt="<?php echo esc_attr( $ccg_item['alt'] ); ?>" loading="<?php echo esc_attr( $ccg_item['loading'] ); ?>" decoding="async">
						<?php if ( null !== $ccg_item['href'] ) : ?>
							</a>
						<?php endif; ?>
						<?php if ( null !== $ccg_item['caption'] ) : ?>
							<figcaption class="ccg-gallery__caption"><?php echo esc_html( $ccg_item['caption'] ); ?></figcaption>
						<?php endif; ?>
					</figure>
				</li>
			<?php endforeach; ?>
		</ul>
	<?php endif; ?>
	<?php if ( null !== $ccg_view->next_url ) : ?>
		<nav class="ccg-gallery__pagination" aria-label="<?php esc_attr_e( 'Gallery pages', 'customer-cloud-gallery' ); ?>">
			<a class="ccg-gallery__load-more" href="<?php echo esc_url( $ccg_view->next_url ); ?>"><?php esc_html_e( 'Load more', 'customer-cloud-gallery' ); ?></a>
		</nav>
	<?php endif; ?>
</div>
