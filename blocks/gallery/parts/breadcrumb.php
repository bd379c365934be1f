<?php
/**
 * The album breadcrumb, from the block's folder down to the album shown.
 * Only escapes and prints: AlbumNavigator decides everything.
 *
 * @package CustomerCloudGallery
 *
 * @var CustomerCloudGallery\Rendering\GalleryView $ccg_view
 */

declare(strict_types=1);

defined( 'ABSPATH' ) || exit;

if ( null === $ccg_view->albums || array() === $ccg_view->albums->breadcrumb ) {
	return;
}
?>
<nav class="ccg-breadcrumb" aria-label="<?php esc_attr_e( 'Breadcrumb', 'customer-cloud-gallery' ); ?>">
	<ol class="ccg-breadcrumb__list">
		<?php foreach ( $ccg_view->albums->breadcrumb as $ccg_crumb ) : ?>
			<li class="ccg-breadcrumb__item">
				<?php if ( null !== $ccg_crumb['url'] ) : ?>
					<a href="<?php echo esc_url( $ccg_crumb['url'] ); ?>"><?php echo esc_html( $ccg_crumb['label'] ); ?></a>
				<?php else : ?>
					<span aria-current="page"><?php echo esc_html( $ccg_crumb['label'] ); ?></span>
				<?php endif; ?>
			</li>
		<?php endforeach; ?>
	</ol>
</nav>
