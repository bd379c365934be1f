<?php
/**
 * The gallery's photos: one list item per photo, the one place their markup
 * is written (Load more appends these items as they are). Only escapes and
 * prints: GalleryViewBuilder and its layout decided every box and `sizes`.
 *
 * @package CustomerCloudGallery
 *
 * @var CustomerCloudGallery\Rendering\GalleryView $ccg_view From render.php.
 */

declare(strict_types=1);

defined( 'ABSPATH' ) || exit;
?>
<ul class="ccg-gallery__grid" role="list">
	<?php foreach ( $ccg_view->items as $ccg_item ) : ?>
		<li class="ccg-gallery__item"<?php echo null === $ccg_item['style'] ? '' : ' style="' . esc_attr( $ccg_item['style'] ) . '"'; ?>>
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
			<?php
			// Per-photo controls, after the figure. In masonry the item's height
			// is its photo's rows, so a control sits over the photo (the item is
			// position: relative), not below it.
			require __DIR__ . '/download-photo.php';
			?>
		</li>
	<?php endforeach; ?>
	<?php // The list's end, for style.scss: a justified list is shown once it is whole. ?>
	<li class="ccg-gallery__end" hidden></li>
</ul>
