<?php
/**
 * The Cloud Gallery block's attribute schema: block.json's, as registered.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Blocks;

use WP_Block_Type_Registry;

use const CustomerCloudGallery\PLUGIN_FILE;

/**
 * block.json is the one place attribute defaults, enums and bounds are
 * written. WordPress has parsed it already when the block is registered
 * (on init; the provider enum added by GalleryBlock included); before that,
 * or if registration failed, the file itself is read, once per request.
 */
final class GallerySchema {

	/** @var array<string, array<string, mixed>>|null */
	private static ?array $from_file = null;

	/**
	 * @return array<string, array<string, mixed>> Attribute name => its schema (type, default, enum, minimum, maximum).
	 */
	public static function attributes(): array {
		$registered = WP_Block_Type_Registry::get_instance()->get_registered( GalleryBlock::NAME );
		if ( null !== $registered && is_array( $registered->attributes ) ) {
			return $registered->attributes;
		}
		return self::$from_file ??= self::read();
	}

	/**
	 * @return array<string, array<string, mixed>>
	 */
	private static function read(): array {
		$metadata = wp_json_file_decode( dirname( PLUGIN_FILE ) . '/block.json', array( 'associative' => true ) );
		return is_array( $metadata ) && is_array( $metadata['attributes'] ?? null ) ? $metadata['attributes'] : array();
	}
}
