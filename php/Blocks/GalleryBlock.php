<?php
/**
 * Registers the flagship Cloud Gallery block from the root block.json.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Blocks;

use Closure;

/**
 * block.json names no providers, so a provider added in code needs no edit
 * there; the ids are filled in at registration, so the REST block renderer
 * still refuses a provider this site does not have ("" is a block with no
 * folder chosen yet).
 */
final class GalleryBlock {

	public const NAME = 'customer-cloud-gallery/gallery';

	/**
	 * @param string                 $block_dir    Where block.json is.
	 * @param Closure(): list<string> $provider_ids The registered providers' ids, asked for at registration only.
	 */
	public function __construct(
		private string $block_dir,
		private Closure $provider_ids
	) {}

	public function register(): void {
		add_filter( 'block_type_metadata', array( $this, 'with_providers' ) );
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

	/**
	 * @param mixed $metadata A block.json being registered (any block's).
	 */
	public function with_providers( mixed $metadata ): mixed {
		if ( ! is_array( $metadata ) || self::NAME !== ( $metadata['name'] ?? null ) || ! is_array( $metadata['attributes']['provider'] ?? null ) ) {
			return $metadata;
		}
		$metadata['attributes']['provider']['enum'] = array_values( array_unique( array_merge( array( '' ), ( $this->provider_ids )() ) ) );
		return $metadata;
	}
}
