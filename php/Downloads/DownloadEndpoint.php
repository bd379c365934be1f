<?php
/**
 * Serves /?ccg_download=<token>: one photo, or a folder's photos as a ZIP.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Downloads;

use Closure;
use CustomerCloudGallery\Gallery\FolderListings;
use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Gallery\Listing;
use CustomerCloudGallery\Gallery\Photo;
use CustomerCloudGallery\Gallery\Sources;

/**
 * Runs at the very start of init, as the image endpoint does. In order: a
 * token this site did not seal is a neutral 403 before anything else; an
 * expired one a 410 page with the way back to its gallery; a client past its
 * allowance a 429; then the photo must be in the folder's current listing,
 * inside the gallery folder, at the token's revision (a photo removed or
 * replaced in the cloud is gone: 404), and only then is the provider asked.
 * The bytes go from the provider to the visitor as they arrive: never
 * through a provider URL the visitor could see, never to disk.
 */
final class DownloadEndpoint {

	public const QUERY_VAR = 'ccg_download';

	/**
	 * @param Closure(string): ?PhotoSource $photos The provider's photo source, built when needed.
	 */
	public function __construct(
		private DownloadToken $tokens,
		private Sources $sources,
		private FolderListings $listings,
		private DownloadAllowance $allowance,
		private DownloadPages $pages,
		private Closure $photos
	) {}

	public function register(): void {
		add_action( 'init', array( $this, 'maybe_serve' ), 0 );
	}

	public function maybe_serve(): void {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a public, signed, expiring, read-only URL.
		$token = isset( $_GET[ self::QUERY_VAR ] ) && is_string( $_GET[ self::QUERY_VAR ] ) ? sanitize_text_field( wp_unslash( $_GET[ self::QUERY_VAR ] ) ) : null;
		if ( null === $token ) {
			return;
		}
		$range = isset( $_SERVER['HTTP_RANGE'] ) ? sanitize_text_field( wp_unslash( $_SERVER['HTTP_RANGE'] ) ) : null;
		$this->serve( $token, $range );
		exit;
	}

	public function serve( string $token, ?string $range ): void {
		$download = $this->tokens->verify( $token );
		$photos   = null === $download ? null : ( $this->photos )( $download->provider );
		if ( null === $download || null === $photos || null === $this->sources->get( $download->provider ) ) {
			$this->pages->send( 403, __( 'Download not available', 'customer-cloud-gallery' ), __( 'This download link is not valid.', 'customer-cloud-gallery' ) );
			return;
		}
		$back = $this->gallery_url( $download->post );
		if ( $download->expired( time() ) ) {
			$this->pages->send( 410, __( 'This download link has expired', 'customer-cloud-gallery' ), __( 'Download links work for a few hours. Open the gallery again to get a new one.', 'customer-cloud-gallery' ), $back );
			return;
		}
		$wait = $this->allowance->start();
		if ( null !== $wait ) {
			$this->pages->send( 429, __( 'Too many downloads', 'customer-cloud-gallery' ), __( 'Please wait a minute, then try again.', 'customer-cloud-gallery' ), $back, $wait );
			return;
		}
		try {
			$listing = $this->listings->for_render( $download->provider, $download->folder );
		} catch ( GalleryException $exception ) {
			$this->unavailable( $exception, $back );
			return;
		}
		if ( $download->is_all() ) {
			( new ZipDownload( $photos, $this->allowance, new VisitorOutput() ) )->send( $listing, $download->size );
			return;
		}
		$photo = $this->photo( $listing, $download );
		if ( null === $photo ) {
			$this->gone( $back );
			return;
		}
		unset( $listing );
		try {
			( new PhotoDownload( $photos, $this->allowance, new VisitorOutput() ) )->send( $photo, $download->size, $range );
		} catch ( GalleryException $exception ) {
			$this->unavailable( $exception, $back );
		}
	}

	private function photo( Listing $listing, DownloadRef $download ): ?Photo {
		if ( ! $listing->holds( $download->file_id, $download->rev ) ) {
			return null;
		}
		return $listing->run_of( $download->file_id, 1 )[1][0] ?? null;
	}

	/**
	 * Before any byte was sent: a page. After (a ZIP already under way), nothing can be said.
	 */
	private function unavailable( GalleryException $exception, ?string $back ): void {
		if ( $exception->is_transient() ) {
			$this->pages->send( 503, __( 'Download not available right now', 'customer-cloud-gallery' ), __( 'The photos cannot be fetched at the moment. Please try again in a minute.', 'customer-cloud-gallery' ), $back, $exception->retry_after ?? 60 );
			return;
		}
		$this->gone( $back );
	}

	private function gone( ?string $back ): void {
		$this->pages->send( 404, __( 'Download not available', 'customer-cloud-gallery' ), __( 'This photo is no longer in the gallery.', 'customer-cloud-gallery' ), $back );
	}

	/**
	 * The published post the link was on; the home page otherwise, so an
	 * old link never reveals a draft.
	 */
	private function gallery_url( int $post ): string {
		if ( $post > 0 && 'publish' === get_post_status( $post ) && ! post_password_required( $post ) ) {
			$url = get_permalink( $post );
			if ( is_string( $url ) ) {
				return $url;
			}
		}
		return home_url( '/' );
	}
}
