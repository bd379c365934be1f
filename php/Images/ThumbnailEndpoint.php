<?php
/**
 * Serves /?ccg_image=<token>: the disk copy, or fetches it once from the provider.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Images;

use CustomerCloudGallery\Cache\ThumbnailDiskCache;
use CustomerCloudGallery\Gallery\FolderListings;
use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Gallery\Listing;
use CustomerCloudGallery\Gallery\Sources;

/**
 * Runs at the very start of init, before themes and the query: a thumbnail
 * needs none of them. A bad signature is a 403 before anything is fetched;
 * a thumbnail the provider cannot give is a grey placeholder, never a broken
 * image, and never cached under the photo's URL: the URL is immutable, so a
 * cached placeholder would hide the photo after it becomes available.
 */
final class ThumbnailEndpoint {

	private const ONE_YEAR = 31536000;

	public function __construct(
		private ImageToken $tokens,
		private ThumbnailDiskCache $disk,
		private ThumbnailFetcher $fetcher,
		private Sources $sources,
		private FolderListings $listings,
		private MissBudget $budget,
		private MissBatch $batch
	) {}

	public function register(): void {
		add_action( 'init', array( $this, 'maybe_serve' ), 0 );
	}

	public function maybe_serve(): void {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a public, signed, read-only URL.
		$token = isset( $_GET[ ImageUrls::QUERY_VAR ] ) ? sanitize_text_field( wp_unslash( $_GET[ ImageUrls::QUERY_VAR ] ) ) : null;
		if ( null === $token ) {
			return;
		}
		$if_none_match = isset( $_SERVER['HTTP_IF_NONE_MATCH'] ) ? sanitize_text_field( wp_unslash( $_SERVER['HTTP_IF_NONE_MATCH'] ) ) : '';
		$this->respond( $token, $if_none_match )->send();
		exit;
	}

	public function respond( string $token, string $if_none_match = '' ): ImageResponse {
		$image = $this->tokens->verify( $token );
		if ( null === $image || null === $this->sources->get( $image->provider ) ) {
			return ImageResponse::error( 403 );
		}
		$etag = '"' . $image->hash() . '"';
		if ( '' !== $if_none_match && in_array( $etag, array_map( 'trim', explode( ',', str_replace( 'W/', '', $if_none_match ) ) ), true ) ) {
			return new ImageResponse( 304, $this->cache_headers( $etag ) );
		}

		$path = $this->disk->hit( $image );
		if ( null === $path ) {
			$refused = $this->budget->charge();
			if ( null !== $refused ) {
				return $refused;
			}
			$listing = $this->listing( $image );
			if ( $listing instanceof ImageResponse ) {
				return $listing;
			}
			try {
				list( $run, $alongside ) = $this->batch->runs( $image, $listing );
				$path                    = $this->fetcher->fetch_run( $image, $run[0], $run[1], $alongside );
			} catch ( GalleryException $exception ) {
				// The fetcher remembers the failure, so views until its wait is
				// over cost no provider call; Retry-After says how long that is.
				return ImageResponse::placeholder( 0, GalleryException::RATE_LIMITED === $exception->reason ? ( $exception->retry_after ?? 1 ) : null );
			}
			if ( null === $path ) {
				return ImageResponse::placeholder( 0 );
			}
		}

		return new ImageResponse(
			200,
			$this->cache_headers( $etag ) + array(
				'Content-Type'   => 'image/jpeg',
				'Content-Length' => (string) filesize( $path ),
			),
			$path
		);
	}

	/**
	 * A miss asks the provider only for a photo that a current listing inside
	 * the gallery folder still holds at this revision: a photo deleted, moved
	 * out, replaced, or in a folder that is gone, outside the root or no
	 * longer connected is a 404 (its files were deleted with it). While the
	 * listing cannot be had for a moment, a placeholder nobody caches. The
	 * listing also says which photos were shown beside it (MissBatch).
	 */
	private function listing( ImageRef $image ): Listing|ImageResponse {
		try {
			return $this->listings->holding( $image ) ?? ImageResponse::error( 404 );
		} catch ( GalleryException $exception ) {
			if ( $exception->is_transient() ) {
				return ImageResponse::placeholder( 0, GalleryException::RATE_LIMITED === $exception->reason ? ( $exception->retry_after ?? 1 ) : null );
			}
			return ImageResponse::error( 404 );
		}
	}

	/**
	 * @return array<string, string>
	 */
	private function cache_headers( string $etag ): array {
		return array(
			'Cache-Control'          => 'public, max-age=' . self::ONE_YEAR . ', immutable',
			'ETag'                   => $etag,
			'X-Content-Type-Options' => 'nosniff',
		);
	}
}
