<?php
/**
 * The public gallery's markup, rendered by WordPress against the sandbox.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Gallery\FolderListings;
use CustomerCloudGallery\Tests\GalleryTestCase;
use DOMDocument;
use DOMElement;
use DOMXPath;

final class RenderTest extends GalleryTestCase {

	protected function tearDown(): void {
		unset( $_GET['ccg-page-1'] );
		parent::tearDown();
	}

	/**
	 * @param array<string, mixed> $attributes
	 */
	private function render( array $attributes ): string {
		$block = array(
			'blockName'    => 'customer-cloud-gallery/gallery',
			'attrs'        => $attributes + array( 'provider' => 'dropbox' ),
			'innerBlocks'  => array(),
			'innerHTML'    => '',
			'innerContent' => array(),
		);
		return $this->render_content( serialize_block( $block ) );
	}

	private function xpath( string $html ): DOMXPath {
		$document = new DOMDocument();
		$previous = libxml_use_internal_errors( true );
		$document->loadHTML( '<?xml encoding="utf-8"?><body>' . $html . '</body>' );
		libxml_clear_errors();
		libxml_use_internal_errors( $previous );
		return new DOMXPath( $document );
	}

	private function folder_attributes( string $role, array $more = array() ): array {
		return array(
			'folderId'   => $this->id_of( $this->paths[ $role ] ),
			'folderPath' => $this->paths[ $role ],
		) + $more;
	}

	public function test_markup_shape(): void {
		$html  = $this->render( $this->folder_attributes( 'ceremony', array( 'columns' => 2, 'aspectRatio' => '4/3', 'caption' => 'filename', 'gap' => 12 ) ) );
		$xpath = $this->xpath( $html );

		$wrapper = $xpath->query( '//div[contains(@class, "ccg-gallery")]' )->item( 0 );
		$this->assertInstanceOf( DOMElement::class, $wrapper, $html );
		$this->assertStringContainsString( 'wp-block-customer-cloud-gallery-gallery', $wrapper->getAttribute( 'class' ) );
		$this->assertStringContainsString( '--ccg-columns:2;--ccg-columns-narrow:2;--ccg-gap:12px;--ccg-aspect:4/3', $wrapper->getAttribute( 'style' ) );

		$this->assertSame( 'list', $xpath->query( '//ul[@class="ccg-gallery__grid"]' )->item( 0 )->getAttribute( 'role' ) );
		$images = $xpath->query( '//li[@class="ccg-gallery__item"]/figure[@class="ccg-gallery__figure"]/a[@class="ccg-gallery__link"]/img' );
		$this->assertSame( 6, $images->length );

		$names = array();
		foreach ( $images as $index => $img ) {
			$this->assertStringStartsWith( home_url( '/?ccg_image=' ), $img->getAttribute( 'src' ) );
			$this->assertSame( 5, substr_count( $img->getAttribute( 'srcset' ), 'ccg_image=' ) );
			$this->assertMatchesRegularExpression( '/ 256w, .* 2048w$/', $img->getAttribute( 'srcset' ) );
			// WordPress adds "auto, " to lazy images' sizes. The theme's
			// content is 645px wide: two cells less one 12px gap.
			$this->assertSame( '645px', wp_get_global_settings( array( 'layout', 'contentSize' ) ) );
			$this->assertStringEndsWith( '(max-width: 600px) 50vw, (max-width: 645px) 50vw, 316px', $img->getAttribute( 'sizes' ) );
			$this->assertSame( array( '640', '480' ), array( $img->getAttribute( 'width' ), $img->getAttribute( 'height' ) ) );
			$this->assertSame( $index < 2 ? 'eager' : 'lazy', $img->getAttribute( 'loading' ) );
			$this->assertSame( 'async', $img->getAttribute( 'decoding' ) );
			$this->assertStringNotContainsString( '.jpg', $img->getAttribute( 'alt' ) );
			$names[] = $img->getAttribute( 'alt' );
			$link    = $img->parentNode;
			$this->assertInstanceOf( DOMElement::class, $link );
			$this->assertStringStartsWith( home_url( '/?ccg_image=' ), $link->getAttribute( 'href' ) );
		}
		$sorted = $names;
		usort( $sorted, 'strnatcasecmp' );
		$this->assertSame( $sorted, $names, 'Sorted by name.' );
		$captions = $xpath->query( '//figcaption[@class="ccg-gallery__caption"]' );
		$this->assertSame( $names[0], $captions->item( 0 )->textContent );
		$this->assertSame( 0, $xpath->query( '//nav' )->length, 'One page: no Load more.' );

		$plain = $this->xpath( $this->render( $this->folder_attributes( 'ceremony', array( 'lightbox' => false, 'sortOrder' => 'desc' ) ) ) );
		$this->assertSame( 0, $plain->query( '//a' )->length );
		$this->assertSame( 0, $plain->query( '//figcaption' )->length );
		$this->assertSame( array_reverse( $names ), array_map( static fn ( DOMElement $img ): string => $img->getAttribute( 'alt' ), iterator_to_array( $plain->query( '//img' ) ) ) );
		$this->assertSame( array( '640', '640' ), array( $plain->query( '//img' )->item( 0 )->getAttribute( 'width' ), $plain->query( '//img' )->item( 0 )->getAttribute( 'height' ) ) );
	}

	/**
	 * The first row is eager and its sizes must name the cell's laid-out
	 * width, which a browser gives lazy images ("auto"): else a cold page
	 * asks for two sizes of its photos.
	 */
	public function test_sizes_follow_the_themes_layout_and_the_blocks_alignment(): void {
		$sizes = function ( array $more ): array {
			$xpath = $this->xpath( $this->render( $this->folder_attributes( 'ceremony', $more + array( 'columns' => 3 ) ) ) );
			$found = array();
			foreach ( $xpath->query( '//ul[@class="ccg-gallery__grid"]//img' ) as $img ) {
				$found[] = $img->getAttribute( 'sizes' );
			}
			return array_values( array_unique( $found ) );
		};
		$this->assertSame( array( '(max-width: 600px) 50vw, (max-width: 645px) 33vw, 209px', 'auto, (max-width: 600px) 50vw, (max-width: 645px) 33vw, 209px' ), $sizes( array() ), 'Default gap 8px: (645 - 2 × 8) / 3.' );
		$this->assertSame( '1340px', wp_get_global_settings( array( 'layout', 'wideSize' ) ) );
		$this->assertSame( '(max-width: 600px) 50vw, (max-width: 1340px) 33vw, 441px', $sizes( array( 'align' => 'wide' ) )[0] );
		$this->assertSame( '(max-width: 600px) 50vw, 33vw', $sizes( array( 'align' => 'full' ) )[0] );
	}

	public function test_hostile_names_are_text_and_unthumbnailable_files_are_skipped(): void {
		$html  = $this->render( $this->folder_attributes( 'edgeCases', array( 'caption' => 'filename' ) ) );
		$xpath = $this->xpath( $html );

		$this->assertStringNotContainsString( '<img src=x', $html );
		$this->assertStringNotContainsString( 'onerror=alert(1)>', $html );
		$this->assertStringNotContainsString( '<script', $html );
		$alts = array_map( static fn ( DOMElement $img ): string => $img->getAttribute( 'alt' ), iterator_to_array( $xpath->query( '//img' ) ) );
		$this->assertContains( '<img src=x onerror=alert(1)>', $alts );
		$this->assertContains( 'Tom & Jerry\'s "best" shot', $alts );
		$this->assertContains( '<img src=x onerror=alert(1)>', array_map( static fn ( DOMElement $node ): string => $node->textContent, iterator_to_array( $xpath->query( '//figcaption' ) ) ) );
		$this->assertNotContains( 'IMG_2040', $alts, 'HEIC cannot be thumbnailed.' );
		$this->assertNotContains( 'Brochure', $alts );
		$this->assertContains( 'UPPERCASE', $alts );

		$wildlife = array_map( static fn ( DOMElement $img ): string => $img->getAttribute( 'alt' ), iterator_to_array( $this->xpath( $this->render( $this->folder_attributes( 'wildlife' ) ) )->query( '//img' ) ) );
		$this->assertNotContains( 'Elephants master (over 20 MB)', $wildlife );
		$this->assertContains( 'Elephants', $wildlife );
	}

	public function test_no_token_nonce_or_dropbox_address_in_the_page(): void {
		$html = $this->render( $this->folder_attributes( 'ceremony' ) );
		$this->assertStringNotContainsString( $this->stored_grant()->access_token, $html );
		$this->assertStringNotContainsString( (string) $this->stored_grant()->refresh_token, $html );
		$this->assertStringNotContainsStringIgnoringCase( 'nonce', $html );
		foreach ( array( CCG_DROPBOX_API_BASE, CCG_DROPBOX_CONTENT_BASE, 'dropboxusercontent', 'dropboxapi' ) as $host ) {
			$this->assertStringNotContainsString( $host, $html );
		}
		$this->assertStringNotContainsString( 'id:', $html, 'Not even Dropbox ids.' );
	}

	public function test_a_warm_page_view_costs_dropbox_nothing_even_when_it_fails(): void {
		$attributes = $this->folder_attributes( 'ceremony' );
		$first      = $this->render( $attributes );
		$this->assertGreaterThan( 0, $this->dropbox_calls() );

		$this->sandbox->reset_request_counts();
		$this->assertSame( $first, $this->render( $attributes ) );
		$this->assertSame( 0, $this->sandbox->total_requests() );

		// Stale, and Dropbox down or rate limiting: the cached listing is shown
		// at once and a background refresh is scheduled.
		$this->add_filter( 'ccg_listing_max_age', static fn (): int => -1 );
		foreach ( array( 503, 429 ) as $status ) {
			$this->sandbox->add_fault( array( 'route' => '*', 'kind' => 'status', 'status' => $status ) );
			$this->assertSame( $first, $this->render( $attributes ) );
			$this->assertSame( 0, $this->sandbox->total_requests() );
			$this->assertNotFalse( wp_next_scheduled( FolderListings::REFRESH_HOOK, array( 'dropbox', $attributes['folderId'] ) ) );

			// The refresh fails quietly and keeps the stale copy.
			$this->services()->folder_listings()->refresh_in_background( 'dropbox', $attributes['folderId'] );
			$this->assertSame( $first, $this->render( $attributes ) );
			$this->sandbox->clear_faults();
			$this->sandbox->reset_request_counts();
		}
	}

	public function test_with_nothing_cached_visitors_see_a_neutral_message_and_editors_the_fix(): void {
		$attributes = $this->folder_attributes( 'ceremony' );
		$this->sandbox->add_fault( array( 'route' => '*', 'kind' => 'status', 'status' => 503 ) );

		$visitor = $this->render( $attributes );
		$this->assertStringContainsString( 'This gallery is not available right now.', $visitor );
		$this->assertStringNotContainsString( 'Dropbox', $visitor );

		$this->act_as( 'editor' );
		$editor = $this->render( $attributes );
		$this->assertStringContainsString( 'Dropbox could not be reached', $editor );
		$this->sandbox->clear_faults();
	}

	public function test_the_editor_preview_says_when_the_folder_is_gone(): void {
		$attributes = $this->folder_attributes( 'reception' );
		$library    = $this->sandbox->library_dir();
		$from       = $library . $this->paths['reception'];
		$away       = $library . '/.sandbox-moved-away-' . wp_generate_password( 6, false );
		$this->assertTrue( rename( $from, $away ) );
		try {
			$this->act_as( 'editor' );
			$html = $this->render( $attributes );
		} finally {
			rename( $away, $from );
		}
		$this->assertStringContainsString( 'This folder no longer exists in Dropbox or is out of reach.', $html );
	}

	public function test_a_gallery_whose_folder_is_gone_does_not_ask_the_provider_on_every_view(): void {
		$attributes = $this->folder_attributes( 'reception' );
		$library    = $this->sandbox->library_dir();
		$from       = $library . $this->paths['reception'];
		$away       = $library . '/.sandbox-moved-away-' . wp_generate_password( 6, false );
		$this->assertTrue( rename( $from, $away ) );
		try {
			$this->sandbox->reset_request_counts();
			$first = $this->render( $attributes );
			$this->assertGreaterThan( 0, $this->sandbox->total_requests(), 'The first view asks.' );

			$this->sandbox->reset_request_counts();
			foreach ( range( 1, 3 ) as $view ) {
				$this->assertSame( $first, $this->render( $attributes ) );
			}
			$this->assertSame( 0, $this->sandbox->total_requests(), 'Later views take its word for a while.' );
		} finally {
			rename( $away, $from );
		}
		$this->assertStringContainsString( 'This gallery is not available right now.', $first );
	}

	public function test_the_block_renderer_preview_revalidates_and_explains(): void {
		$attributes = $this->folder_attributes( 'reception' ) + array( 'provider' => 'dropbox' );
		// An author previews inside the gallery folder only.
		$this->set_root( $this->paths['clients'] );
		$preview = function () use ( $attributes ): string {
			$this->act_as( 'author' );
			$request = new \WP_REST_Request( 'GET', '/wp/v2/block-renderer/customer-cloud-gallery/gallery' );
			$request->set_query_params( array( 'context' => 'edit', 'attributes' => $attributes ) );
			$response = rest_do_request( $request );
			$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
			return $response->get_data()['rendered'];
		};
		$this->assertStringContainsString( 'ccg-gallery__grid', $preview() );

		$this->add_filter( 'ccg_editor_listing_max_age', static fn (): int => -1 );
		$library = $this->sandbox->library_dir();
		$from    = $library . $this->paths['reception'];
		$away    = $library . '/.sandbox-moved-away-' . wp_generate_password( 6, false );
		$this->assertTrue( rename( $from, $away ) );
		try {
			$html = $preview();
		} finally {
			rename( $away, $from );
		}
		$this->assertStringContainsString( 'This folder no longer exists in Dropbox or is out of reach.', $html );
		$this->assertStringNotContainsString( 'ccg-gallery__grid', $html );

		// A visitor's page keeps showing the cached photos meanwhile.
		$this->act_as( null );
		$this->assertStringContainsString( 'ccg-gallery__grid', $this->render( $attributes ) );
	}

	public function test_galleries_outside_the_root_do_not_render(): void {
		$attributes = $this->folder_attributes( 'portfolio' );
		$this->set_root( $this->paths['clients'] );
		$this->act_as( null );
		$html = $this->render( $attributes );
		$this->assertStringContainsString( 'This gallery is not available right now.', $html );
		$this->assertStringNotContainsString( '<img', $html );
	}

	public function test_five_thousand_photos_render_one_page_in_bounded_memory(): void {
		$attributes = $this->folder_attributes( 'scale5000', array( 'perPage' => 24 ) );
		// The folder takes many of Dropbox's (approximate) pages: list it to
		// the end as the background would, then render from the cache.
		$this->services()->folder_listings()->for_render( 'dropbox', $attributes['folderId'] );
		$this->run_listing_in_background( $attributes['folderId'] );
		$this->sandbox->reset_request_counts();
		$before = memory_get_usage();
		memory_reset_peak_usage();
		$html = $this->render( $attributes );
		$peak = memory_get_peak_usage() - $before;

		$xpath = $this->xpath( $html );
		$this->assertSame( 24, $xpath->query( '//ul//img' )->length );
		$this->assertLessThan( 48 * 1024 * 1024, $peak, 'Page 1 of 5,000 photos must not need the memory of 5,000.' );
		$this->assertSame( 0, $this->dropbox_calls() );
		$more = $xpath->query( '//nav[@class="ccg-gallery__pagination"]/a[@class="ccg-gallery__load-more"]' )->item( 0 );
		$this->assertInstanceOf( DOMElement::class, $more );
		$this->assertStringContainsString( 'ccg-page-1=2', $more->getAttribute( 'href' ) );
		$first = $xpath->query( '//img' )->item( 0 )->getAttribute( 'alt' );

		$_GET['ccg-page-1'] = '2';
		$second             = $this->xpath( $this->render( $attributes ) );
		$this->assertSame( 24, $second->query( '//ul//img' )->length );
		$this->assertNotSame( $first, $second->query( '//img' )->item( 0 )->getAttribute( 'alt' ) );
		$this->assertStringContainsString( 'ccg-page-1=3', $second->query( '//a[@class="ccg-gallery__load-more"]' )->item( 0 )->getAttribute( 'href' ) );
	}
}
