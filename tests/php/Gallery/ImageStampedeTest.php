<?php
/**
 * Many visitors asking for one uncached thumbnail at once cost one provider call.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Tests\GalleryTestCase;
use WpOrg\Requests\Requests;

final class ImageStampedeTest extends GalleryTestCase {

	private const REQUESTS = 50;

	public function test_fifty_concurrent_requests_for_one_uncached_image_make_one_provider_call(): void {
		$listing = $this->services()->folder_listings()->for_render( 'dropbox', $this->id_of( $this->paths['ceremony'] ) );
		$photo   = $listing->page( 0, 1 )[0];
		$url     = $this->services()->image_urls()->url( new ImageRef( 'dropbox', $photo->id, $photo->revision, 'w640h480', $this->ceremony() ) );
		$this->assertNotNull( $url );
		// A slow Dropbox, so the requests overlap the first one's call.
		$this->sandbox->add_fault( array( 'route' => 'files/get_thumbnail*', 'kind' => 'latency', 'latencyMs' => 1000 ) );
		$this->sandbox->reset_request_counts();

		$responses = Requests::request_multiple(
			array_fill( 0, self::REQUESTS, array( 'url' => (string) $url ) ),
			array( 'timeout' => 60 )
		);
		$this->sandbox->clear_faults();

		$this->assertCount( self::REQUESTS, $responses );
		foreach ( $responses as $response ) {
			$this->assertInstanceOf( \WpOrg\Requests\Response::class, $response );
			$this->assertSame( 200, $response->status_code );
			$this->assertSame( 'image/jpeg', $response->headers['content-type'] );
		}
		$this->assertSame( 1, $this->thumbnail_calls(), 'One request fetched; the others waited for its file.' );
	}
}
