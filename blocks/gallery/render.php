<?php
/**
 * Server-side markup of the Cloud Gallery block. Only escapes and prints.
 *
 * @package CustomerCloudGallery
 *
 * @var array<string, mixed> $attributes Block attributes.
 */

declare(strict_types=1);

defined( 'ABSPATH' ) || exit;
?>
<div <?php echo wp_kses_data( get_block_wrapper_attributes( array( 'class' => 'ccg-gallery is-empty' ) ) ); ?>>
	<p class="ccg-gallery__notice"><?php esc_html_e( 'This gallery has no photos yet.', 'customer-cloud-gallery' ); ?></p>
</div>
