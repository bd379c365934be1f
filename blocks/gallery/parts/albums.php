<?php
/**
 * The album cards of the folder shown, or the way back to the gallery's top
 * when the album asked for cannot be shown. Only escapes and prints:
 * AlbumNavigator and AlbumCards decide everything.
 *
 * @package CustomerCloudGallery
 *
 * @var CustomerCloudGallery\Rendering\GalleryView $ccg_view
 */

declare(strict_types=1);

defined( 'ABSPATH' ) || exit;

if ( null === $ccg_view->albums ) {
	return;
}
?>
<?php if ( null !== $ccg_view->albums->back_url ) : ?>
	<p class="ccg-albums__back"><a href="<?php echo esc_url( $ccg_view->albums->back_url ); ?>"><?php esc_html_e( 'Back to the gallery', 'customer-cloud-gallery' ); ?></a></p>
<?php endif; ?>
<?php if ( array() !== $ccg_view->albums->cards ) : ?>
	<ul class="ccg-albums" role="list" aria-label="<?php esc_attr_e( 'Albums', 'customer-cloud-gallery' ); ?>">
		<?php foreach ( $ccg_view->albums->cards as $ccg_card ) : ?>
			<li class="ccg-albums__item">
				<a class="ccg-album" href="<?php echo esc_url( $ccg_card['url'] ); ?>">
					<?php if ( null !== $ccg_card['cover'] ) : ?>
						<img class="ccg-album__cover" src="<?php echo esc_url( $ccg_card['cover']['src'] ); ?>" srcset="<?php echo esc_attr( implode( ', ', array_map( static fn ( array $ccg_source ): string => esc_url( $ccg_source['url'] ) . ' ' . (int) $ccg_source['width'] . 'w', $ccg_card['cover']['srcset'] ) ) ); ?>" sizes="<?php echo esc_attr( $ccg_card['cover']['sizes'] ); ?>" width="<?php echo esc_attr( (string) $ccg_card['cover']['width'] ); ?>" height="<?php echo esc_attr( (string) $ccg_card['cover']['height'] ); ?>" alt="" loading="<?php echo esc_attr( $ccg_card['cover']['loading'] ); ?>" decoding="async">
					<?php else : ?>
						<span class="ccg-album__cover ccg-album__cover--pending" aria-hidden="true"></span>
					<?php endif; ?>
					<span class="ccg-album__title"><?php echo esc_html( $ccg_card['title'] ); ?></span>
					<?php if ( null !== $ccg_card['count'] ) : ?>
						<span class="ccg-album__count"><?php echo esc_html( $ccg_card['count'] ); ?></span>
					<?php endif; ?>
				</a>
			</li>
		<?php endforeach; ?>
	</ul>
<?php endif; ?>
