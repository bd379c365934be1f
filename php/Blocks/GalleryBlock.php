<?php
/**
 * Registers the flagship Cloud Gallery block from the root block.json.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Blocks;

final class GalleryBlock {

	public function __construct( private string $block_dir ) {}

	public function register(): void {
		add_action( 'init', array( $this, 'register_block' ) );
	}

	public function register_block(): void {
		$block_type = register_block_type( $this->block_dir );
		if ( ! $block_type ) {
			return;
		}
		foreach ( $block_type->editor_script_handles as $handle ) {
			wp_set_script_translations( $handle, 'customer-cloud-gallery', $this->block_dir . '/languages' );
		}
	}
}
