<?php
/**
 * Justified and masonry galleries as WordPress renders them against the sandbox.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Tests\GalleryTestCase;
use DOMDocument;
use DOMElement;
use DOMXPath;

final class LayoutRenderTest extends GalleryTestCase {

	/** Width and height warming learned, by the order the listing holds the photos; the last stays unknown. */
	private const KNOWN = array( array( 3000, 2000 ), array( 2000, 3000 ), array( 1000, 1000 ), array( 9000, 1000 ), array( 1000, 9000 ) );

	/** @var array<string, array{0: int, 1: int}|null> Photo title => its known dimensions. */
	private array $dimensions = array();

	protected function setUp(): void {
		parent::setUp();
		// No cached thumbnail may tell a ratio: only what warming learned, else the guess.
		$this->services()->thumbnail_cache()->delete_provider( 'dropbox' );
		$folder  = $this->services()->folder_listings()->key( 'dropbox', $this->ceremony() );
		$photos  = $this->services()->folder_listings()->for_render( 'dropbox', $this->ceremony() )->page( 0, 6 );
		$learned = array();
		foreach ( $photos as $index => $photo ) {
			$known = self::KNOWN[ $index ] ?? null;
			$this->dimensions[ pathinfo( $photo->name, PATHINFO_FILENAME ) ] = $known;
			if ( null !== $known ) {
				$learned[ $photo->id ] = array( 0, $known[0], $known[1] );
			}
		}
		$this->assertCount( 6, $photos );
		$this->services()->media_info()->add( 'dropbox', $folder, $learned );
	}

	protected function tearDown(): void {
		unset( $_GET['ccg-page-1'] );
		parent::tearDown();
	}

	/**
	 * @param array<string, mixed> $more
	 */
	private function render( array $more ): DOMXPath {
		$attributes = array(
			'provider'   => 'dropbox',
			'folderId'   => $this->ceremony(),
			'folderPath' => $this->paths['ceremony'],
		) + $more;
		$html       = $this->render_content( '<!-- wp:customer-cloud-gallery/gallery ' . wp_json_encode( $attributes ) . ' /-->' );
		$document   = new DOMDocument();
		$previous   = libxml_use_internal_errors( true );
		$document->loadHTML( '<?xml encoding="utf-8"?><body>' . $html . '</body>' );
		libxml_clear_errors();
		libxml_use_internal_errors( $previous );
		return new DOMXPath( $document );
	}

	/**
	 * @return array<string, array{style: string, sizes: string, box: array{0: string, 1: string}}> By photo title, in the markup's order.
	 */
	private function items( DOMXPath $xpath ): array {
		$items = array();
		foreach ( $xpath->query( '//ul[@class="ccg-gallery__grid"]/li[@class="ccg-gallery__item"]' ) as $item ) {
			$this->assertInstanceOf( DOMElement::class, $item );
			$img = $xpath->query( './/img', $item )->item( 0 );
			$this->assertInstanceOf( DOMElement::class, $img );
			$items[ $img->getAttribute( 'alt' ) ] = array(
				'style' => $item->getAttribute( 'style' ),
				'sizes' => $img->getAttribute( 'sizes' ),
				'box'   => array( $img->getAttribute( 'width' ), $img->getAttribute( 'height' ) ),
			);
		}
		return $items;
	}

	private function wrapper( DOMXPath $xpath ): DOMElement {
		$wrapper = $xpath->query( '//div[@data-ccg-gallery]' )->item( 0 );
		$this->assertInstanceOf( DOMElement::class, $wrapper );
		return $wrapper;
	}

	public function test_justified_rows_give_each_photo_its_ratio_and_its_width_at_the_row_height(): void {
		// The crop means nothing to a justified row.
		$xpath   = $this->render( array( 'layout' => 'justified', 'rowHeight' => 200, 'aspectRatio' => '1' ) );
		$wrapper = $this->wrapper( $xpath );
		$this->assertStringContainsString( 'ccg-layout-justified', $wrapper->getAttribute( 'class' ) );
		$this->assertStringContainsString( 'is-original-ratio', $wrapper->getAttribute( 'class' ) );
		$this->assertStringContainsString( '--ccg-aspect:auto;--ccg-row-height:200px', $wrapper->getAttribute( 'style' ) );

		$expected = array(
			'3000x2000' => array( '--ccg-ratio:1.5;', 300, array( '640', '427' ) ),
			'2000x3000' => array( '--ccg-ratio:0.6667;', 133, array( '427', '640' ) ),
			'1000x1000' => array( '--ccg-ratio:1;', 200, array( '640', '640' ) ),
			'9000x1000' => array( '--ccg-ratio:4;', 645, array( '640', '160' ) ),
			'1000x9000' => array( '--ccg-ratio:0.25;', 50, array( '160', '640' ) ),
			'unknown'   => array( '--ccg-ratio:1.3333;', 267, array( '640', '480' ) ),
		);
		$items = $this->items( $xpath );
		$this->assertCount( 6, $items );
		foreach ( $items as $title => $item ) {
			$known = $this->dimensions[ $title ];
			[ $style, $width, $box ] = $expected[ null === $known ? 'unknown' : $known[0] . 'x' . $known[1] ];
			$this->assertSame( $style, $item['style'], $title );
			// Lazy images get "auto, " from WordPress: the laid-out width.
			$this->assertMatchesRegularExpression( sprintf( '/^(auto, )?\(max-width: %1$dpx\) 100vw, %1$dpx$/', $width ), $item['sizes'], $title );
			$this->assertSame( $box, $item['box'], $title );
		}
	}

	public function test_masonry_gives_each_photo_the_rows_of_its_height_and_a_columns_width(): void {
		$xpath   = $this->render( array( 'layout' => 'masonry', 'columns' => 3, 'aspectRatio' => '16/9' ) );
		$wrapper = $this->wrapper( $xpath );
		$this->assertStringContainsString( 'ccg-layout-masonry', $wrapper->getAttribute( 'class' ) );
		$this->assertStringContainsString( '--ccg-columns:3;--ccg-columns-narrow:2;--ccg-gap:8px;--ccg-aspect:auto;--ccg-masonry-rows:20', $wrapper->getAttribute( 'style' ) );

		$spans = array(
			'3000x2000' => 13,
			'2000x3000' => 30,
			'1000x1000' => 20,
			'9000x1000' => 7,
			'1000x9000' => 60,
			'unknown'   => 15,
		);
		$items = $this->items( $xpath );
		$this->assertCount( 6, $items );
		foreach ( $items as $title => $item ) {
			$known = $this->dimensions[ $title ];
			$this->assertSame( sprintf( '--ccg-span:%d;', $spans[ null === $known ? 'unknown' : $known[0] . 'x' . $known[1] ] ), $item['style'], $title );
			$this->assertStringEndsWith( '(max-width: 600px) 50vw, (max-width: 645px) 33vw, 209px', $item['sizes'], 'The grid’s cell width.' );
		}
	}

	public function test_the_editors_preview_shows_the_layout(): void {
		// An administrator may preview without a gallery folder (LeastPrivilegeTest covers the rest).
		$this->act_as( 'admin' );
		$request = new \WP_REST_Request( 'GET', '/wp/v2/block-renderer/customer-cloud-gallery/gallery' );
		$request->set_query_params(
			array(
				'context'    => 'edit',
				'attributes' => array(
					'provider'   => 'dropbox',
					'folderId'   => $this->ceremony(),
					'folderPath' => $this->paths['ceremony'],
					'layout'     => 'justified',
					'rowHeight'  => 300,
				),
			)
		);
		$response = rest_do_request( $request );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$rendered = $response->get_data()['rendered'];
		$this->assertStringContainsString( 'ccg-layout-justified', $rendered );
		$this->assertStringContainsString( '--ccg-row-height:300px', $rendered );
		$this->assertSame( 6, substr_count( $rendered, 'style="--ccg-ratio:' ), substr( $rendered, 0, 3000 ) );
	}

	public function test_the_grid_is_unchanged_and_later_pages_carry_their_boxes(): void {
		$grid = $this->render( array( 'aspectRatio' => '4/3' ) );
		$this->assertStringContainsString( 'ccg-layout-grid is-cropped', $this->wrapper( $grid )->getAttribute( 'class' ) );
		foreach ( $this->items( $grid ) as $item ) {
			$this->assertSame( '', $item['style'], 'A grid cell carries no custom property.' );
			$this->assertSame( array( '640', '480' ), $item['box'] );
		}

		$first = $this->items( $this->render( array( 'layout' => 'masonry', 'perPage' => 4 ) ) );
		$this->assertCount( 4, $first );
		$_GET['ccg-page-1'] = '2';
		$second = $this->render( array( 'layout' => 'masonry', 'perPage' => 4 ) );
		$items  = $this->items( $second );
		$this->assertCount( 2, $items );
		$this->assertSame( array(), array_intersect_key( $items, $first ), 'Page 2 holds the other photos.' );
		foreach ( $items as $title => $item ) {
			$this->assertMatchesRegularExpression( '/^--ccg-span:\d+;$/', $item['style'], $title );
		}
		$this->assertSame( 'ccg-gallery__item', $second->query( '//li' )->item( 0 )->getAttribute( 'class' ), 'Load more appends these items as they are.' );
	}
}
