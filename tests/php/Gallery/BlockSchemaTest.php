<?php
/**
 * block.json is the one source of the block's attribute defaults, enums and
 * bounds; the provider enum comes from the registered providers.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Blocks\GalleryBlock;
use CustomerCloudGallery\Rendering\GalleryAttributes;
use CustomerCloudGallery\Tests\TestCase;
use WP_Block_Type;
use WP_Block_Type_Registry;
use WP_REST_Request;

use const CustomerCloudGallery\PLUGIN_FILE;

final class BlockSchemaTest extends TestCase {

	/**
	 * @return array<string, array<string, mixed>>
	 */
	private function block_json_attributes(): array {
		$metadata = wp_json_file_decode( dirname( PLUGIN_FILE ) . '/block.json', array( 'associative' => true ) );
		return $metadata['attributes'];
	}

	private function registered(): WP_Block_Type {
		$type = WP_Block_Type_Registry::get_instance()->get_registered( GalleryBlock::NAME );
		$this->assertInstanceOf( WP_Block_Type::class, $type );
		return $type;
	}

	/**
	 * @param array<string, mixed> $attributes
	 */
	private function preview_status( array $attributes ): int {
		$this->act_as( 'editor' );
		$request = new WP_REST_Request( 'GET', '/wp/v2/block-renderer/' . GalleryBlock::NAME );
		$request->set_query_params(
			array(
				'context'    => 'edit',
				'attributes' => $attributes,
			)
		);
		return rest_do_request( $request )->get_status();
	}

	public function test_block_json_names_no_provider_and_registration_adds_the_registered_ones(): void {
		$this->assertArrayNotHasKey( 'enum', $this->block_json_attributes()['provider'] );
		$this->assertSame( array_merge( array( '' ), $this->services()->provider_ids() ), $this->registered()->attributes['provider']['enum'] );
		$this->assertContains( 'dropbox', $this->services()->provider_ids() );
	}

	public function test_a_provider_registered_in_code_needs_no_edit_to_block_json(): void {
		$block    = new GalleryBlock( dirname( PLUGIN_FILE ), static fn (): array => array( 'dropbox', 'google', 'third' ) );
		$metadata = array(
			'name'       => GalleryBlock::NAME,
			'attributes' => $this->block_json_attributes(),
		);
		$this->assertSame( array( '', 'dropbox', 'google', 'third' ), $block->with_providers( $metadata )['attributes']['provider']['enum'] );

		$other = array(
			'name'       => 'core/image',
			'attributes' => array( 'provider' => array( 'type' => 'string' ) ),
		);
		$this->assertSame( $other, $block->with_providers( $other ), 'Other blocks are left alone.' );
	}

	public function test_the_block_renderer_refuses_a_provider_the_site_does_not_have(): void {
		$this->assertSame( 400, $this->preview_status( array( 'provider' => 'nowhere' ) ) );
		$this->assertSame( 200, $this->preview_status( array( 'provider' => '' ) ), 'No provider chosen yet.' );
		$this->assertSame( 200, $this->preview_status( array( 'provider' => 'dropbox' ) ) );
	}

	public function test_defaults_enums_and_bounds_are_block_jsons(): void {
		$schema   = $this->block_json_attributes();
		$defaults = GalleryAttributes::from_block( array() );
		$this->assertSame( $schema['columns']['default'], $defaults->columns );
		$this->assertSame( $schema['gap']['default'], $defaults->gap );
		$this->assertSame( $schema['perPage']['default'], $defaults->per_page );
		$this->assertSame( $schema['aspectRatio']['default'], $defaults->aspect );
		$this->assertSame( $schema['sortBy']['default'], $defaults->sort_by );
		$this->assertSame( $schema['sortOrder']['default'], $defaults->sort_order );
		$this->assertSame( $schema['caption']['default'], $defaults->caption );
		$this->assertSame( $schema['lightbox']['default'], $defaults->lightbox );
		$this->assertSame( '', $defaults->provider );

		$odd = GalleryAttributes::from_block(
			array(
				'columns'     => 99,
				'gap'         => '-5',
				'perPage'     => 'many',
				'aspectRatio' => '5/4',
				'sortBy'      => 'taken',
				'sortOrder'   => 'sideways',
				'caption'     => array( 'filename' ),
				'lightbox'    => 'yes',
			)
		);
		$this->assertSame( $schema['columns']['maximum'], $odd->columns );
		$this->assertSame( $schema['gap']['minimum'], $odd->gap );
		$this->assertSame( $schema['perPage']['default'], $odd->per_page );
		$this->assertSame( $schema['aspectRatio']['default'], $odd->aspect, 'Not in the enum.' );
		$this->assertSame( 'taken', $odd->sort_by );
		$this->assertSame( $schema['sortOrder']['default'], $odd->sort_order );
		$this->assertSame( $schema['caption']['default'], $odd->caption );
		$this->assertFalse( $odd->lightbox, 'Only true turns it on.' );
	}

	public function test_every_aspect_ratio_in_block_json_has_a_crop(): void {
		foreach ( $this->block_json_attributes()['aspectRatio']['enum'] as $aspect ) {
			$crop = GalleryAttributes::from_block( array( 'aspectRatio' => $aspect ) )->crop();
			if ( 'original' === $aspect ) {
				$this->assertNull( $crop );
				continue;
			}
			$this->assertIsArray( $crop, $aspect );
			$this->assertSame( $aspect, 1 === $crop[1] ? (string) $crop[0] : $crop[0] . '/' . $crop[1] );
		}
	}

	public function test_the_schema_is_the_registered_one_not_a_copy(): void {
		$type     = $this->registered();
		$original = $type->attributes;
		try {
			$type->attributes['columns']['default'] = 5;
			$type->attributes['sortBy']['enum'][]   = 'size';
			$this->assertSame( 5, GalleryAttributes::from_block( array() )->columns );
			$this->assertSame( 'size', GalleryAttributes::from_block( array( 'sortBy' => 'size' ) )->sort_by );
		} finally {
			$type->attributes = $original;
		}
		$this->assertSame( $this->block_json_attributes()['columns']['default'], GalleryAttributes::from_block( array() )->columns );
	}
}
