<?php
/**
 * The layouts' arithmetic: each photo's box, its item's custom properties and its `sizes`.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Site;

use CustomerCloudGallery\Rendering\GalleryAttributes;
use CustomerCloudGallery\Rendering\Layout\ColumnSizes;
use CustomerCloudGallery\Rendering\Layout\GridLayout;
use CustomerCloudGallery\Rendering\Layout\JustifiedLayout;
use CustomerCloudGallery\Rendering\Layout\Layouts;
use CustomerCloudGallery\Rendering\Layout\MasonryLayout;
use CustomerCloudGallery\Rendering\Layout\PhotoBox;
use CustomerCloudGallery\Tests\TestCase;

final class LayoutGeometryTest extends TestCase {

	public function test_the_grid_keeps_its_cells_and_the_crop(): void {
		$grid = new GridLayout( array( 4, 3 ), 3, 8, 645 );
		$this->assertSame( 'grid', $grid->name() );
		$this->assertSame( array( 4, 3 ), $grid->crop() );
		$box = $grid->box( array( 4, 3 ) );
		$this->assertSame( array( 640, 480 ), array( $box->width, $box->height ) );
		$this->assertSame( '(max-width: 600px) 50vw, (max-width: 645px) 33vw, 209px', $box->sizes );
		$this->assertNull( $box->style, 'Grid cells need nothing per photo.' );
		$portrait = ( new GridLayout( null, 3, 8, 645 ) )->box( array( 2000, 3000 ) );
		$this->assertSame( array( 427, 640 ), array( $portrait->width, $portrait->height ) );
	}

	public function test_justified_photos_grow_by_their_ratio_and_ask_for_their_width_at_the_row_height(): void {
		$rows = new JustifiedLayout( 240, 645 );
		$this->assertSame( 'justified', $rows->name() );
		$this->assertNull( $rows->crop(), 'A justified row never crops to the block’s ratio.' );
		$this->assertSame( '--ccg-row-height:240px;', $rows->wrapper_style() );

		$landscape = $rows->box( array( 3000, 2000 ) );
		$this->assertSame( '--ccg-ratio:1.5;', $landscape->style );
		$this->assertSame( '(max-width: 360px) 100vw, 360px', $landscape->sizes, '1.5 × 240.' );
		$this->assertSame( array( 640, 427 ), array( $landscape->width, $landscape->height ) );

		$portrait = $rows->box( array( 2000, 3000 ) );
		$this->assertSame( '--ccg-ratio:0.6667;', $portrait->style );
		$this->assertSame( '(max-width: 160px) 100vw, 160px', $portrait->sizes );
		$this->assertSame( array( 427, 640 ), array( $portrait->width, $portrait->height ) );

		$panorama = $rows->box( array( 9000, 1000 ) );
		$this->assertSame( '--ccg-ratio:4;', $panorama->style, 'Cropped to 4:1.' );
		$this->assertSame( '(max-width: 645px) 100vw, 645px', $panorama->sizes, '960px at the row height, capped by the content width.' );
		$this->assertSame( array( 640, 160 ), array( $panorama->width, $panorama->height ) );

		$this->assertSame( '--ccg-ratio:0.25;', $rows->box( array( 1000, 9000 ) )->style );
		$this->assertSame( '(max-width: 960px) 100vw, 960px', ( new JustifiedLayout( 240, null ) )->box( array( 9000, 1000 ) )->sizes, 'Full width: only the viewport caps it.' );
		$this->assertSame( '(max-width: 480px) 100vw, 480px', ( new JustifiedLayout( 360, 645 ) )->box( array( 4, 3 ) )->sizes );
	}

	public function test_masonry_photos_span_the_rows_of_their_height_and_ask_for_a_columns_width(): void {
		$columns = new MasonryLayout( 3, 8, 645 );
		$this->assertSame( 'masonry', $columns->name() );
		$this->assertNull( $columns->crop() );
		$this->assertSame( '--ccg-masonry-rows:20;', $columns->wrapper_style() );

		$spans = array();
		foreach ( array( array( 3000, 2000 ), array( 2000, 3000 ), array( 1000, 1000 ), array( 4, 3 ), array( 9000, 1000 ), array( 1000, 9000 ) ) as $ratio ) {
			$box = $columns->box( $ratio );
			$this->assertSame( '(max-width: 600px) 50vw, (max-width: 645px) 33vw, 209px', $box->sizes, 'A column is as wide as a grid cell.' );
			$spans[] = $box->style;
		}
		// Rows are a twentieth of the column's width: a 3:2 photo is 2/3 of it tall.
		$this->assertSame( array( '--ccg-span:13;', '--ccg-span:30;', '--ccg-span:20;', '--ccg-span:15;', '--ccg-span:7;', '--ccg-span:60;' ), $spans, 'Panoramas and slivers are cropped to 3:1 and 1:3.' );
		$this->assertSame( '(max-width: 600px) 50vw, (max-width: 1340px) 25vw, 329px', ( new MasonryLayout( 4, 8, 1340 ) )->box( array( 1, 1 ) )->sizes );
	}

	public function test_column_sizes_and_boxes(): void {
		$this->assertSame( '(max-width: 600px) 100vw, (max-width: 645px) 100vw, 645px', ColumnSizes::of( 1, 8, 645 ) );
		$this->assertSame( '(max-width: 600px) 50vw, 12vw', ColumnSizes::of( 8, 8, null ) );
		$this->assertSame( array( 4, 3 ), PhotoBox::UNKNOWN );
		$this->assertSame( 3.0, PhotoBox::aspect( array( 10, 1 ), 1 / 3, 3.0 ) );
	}

	public function test_the_block_chooses_the_layout_and_the_crop_only_binds_the_grid(): void {
		$attributes = array(
			'aspectRatio' => '16/9',
			'columns'     => 4,
			'rowHeight'   => 300,
		);
		$this->assertInstanceOf( GridLayout::class, Layouts::for_gallery( GalleryAttributes::from_block( $attributes ), '' ) );
		$this->assertSame( array( 16, 9 ), Layouts::for_gallery( GalleryAttributes::from_block( $attributes ), '' )->crop() );
		$justified = Layouts::for_gallery( GalleryAttributes::from_block( $attributes + array( 'layout' => 'justified' ) ), 'wide' );
		$this->assertInstanceOf( JustifiedLayout::class, $justified );
		$this->assertNull( $justified->crop() );
		$this->assertSame( '--ccg-row-height:300px;', $justified->wrapper_style() );
		$this->assertInstanceOf( MasonryLayout::class, Layouts::for_gallery( GalleryAttributes::from_block( $attributes + array( 'layout' => 'masonry' ) ), 'full' ) );
		$this->assertInstanceOf( GridLayout::class, Layouts::for_gallery( GalleryAttributes::from_block( $attributes + array( 'layout' => 'mosaic' ) ), '' ), 'Not in the enum: the default.' );
	}
}
