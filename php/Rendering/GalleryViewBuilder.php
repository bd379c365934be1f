<?php
/**
 * Builds what a Cloud Gallery block shows, from its attributes.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Rendering;

use CustomerCloudGallery\Blocks\ViewModule;
use CustomerCloudGallery\Cache\MediaInfoStore;
use CustomerCloudGallery\Cache\ThumbnailDiskCache;
use CustomerCloudGallery\Downloads\DownloadLinks;
use CustomerCloudGallery\Gallery\Albums\AlbumNavigator;
use CustomerCloudGallery\Gallery\FolderListings;
use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Gallery\Listing;
use CustomerCloudGallery\Gallery\Photo;
use CustomerCloudGallery\Gallery\Sources;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Images\ImageUrls;
use CustomerCloudGallery\Images\MissBatch;
use CustomerCloudGallery\Images\ThumbnailSize;
use CustomerCloudGallery\Rendering\Layout\Layout;
use CustomerCloudGallery\Rendering\Layout\Layouts;
use CustomerCloudGallery\Rendering\Layout\PhotoBox;

/**
 * Reads only the cached listing on a warm page view (no call to the
 * provider), and puts nothing in the page that expires: image URLs are
 * signed and stable, and there is no nonce. Each gallery on a page pages
 * with its own query argument, ccg-page-<n>, n counting the galleries
 * rendered in this request.
 *
 * While a folder is still being listed, visitors see what is known, in the
 * order the provider delivered it (later pages only append to it, where a
 * sorted order would push photos from page to page as more arrive), with a
 * note that more are coming and never a count. "Load more" is offered only
 * after a full page, and carries ccg-order-<n>=listed, so a visitor who
 * started in that order keeps it even if the listing completes meanwhile:
 * no photo is shown twice or skipped. Everyone else gets the block's sort
 * order once the listing is complete.
 */
final class GalleryViewBuilder {

	public const PAGE_ARG_PREFIX = 'ccg-page-';

	public const ORDER_ARG_PREFIX = 'ccg-order-';

	/** The ORDER_ARG value that pins the provider's delivery order. */
	public const LISTED_ORDER = 'listed';

	private int $instances = 0;

	public function __construct(
		private FolderListings $listings,
		private ImageUrls $urls,
		private Audience $audience,
		private ThumbnailDiskCache $disk,
		private MediaInfoStore $media,
		private ViewModule $module,
		private Sources $sources,
		private DownloadLinks $downloads,
		private AlbumNavigator $albums
	) {}

	public function register(): void {
		$this->audience->register();
		// Numbering restarts with each post's content, so a theme that
		// renders the content twice (an excerpt, then the post) keeps the
		// same ccg-page-<n> for the same gallery.
		add_filter( 'the_content', array( $this, 'restart_numbering' ), 1 );
	}

	public function restart_numbering( mixed $content ): mixed {
		$this->instances = 0;
		return $content;
	}

	/**
	 * @param array<string, mixed> $attributes The block's attributes.
	 */
	public function build( array $attributes ): GalleryView {
		++$this->instances;
		$gallery = GalleryAttributes::from_block( $attributes );
		$layout  = Layouts::for_gallery( $gallery, is_string( $attributes['align'] ?? null ) ? $attributes['align'] : '' );
		$wrapper = $this->wrapper( $gallery, $layout );
		$can_fix = $this->audience->can_fix();

		$source = $this->sources->get( $gallery->provider );
		if ( null === $source || ! $gallery->has_folder() || ! $source->accepts_reference( $gallery->folder_id ) ) {
			return $can_fix
				? new GalleryView( $this->empty_wrapper( $wrapper ), array(), null, __( 'Choose a storage provider and a folder for this gallery.', 'customer-cloud-gallery' ) )
				: GalleryView::hidden();
		}

		try {
			$listing = $this->listing( $gallery, $can_fix );
		} catch ( GalleryException $exception ) {
			if ( ! $can_fix ) {
				return new GalleryView( $this->empty_wrapper( $wrapper ), array(), null, __( 'This gallery is not available right now.', 'customer-cloud-gallery' ) );
			}
			return new GalleryView( $this->empty_wrapper( $wrapper ), array(), null, $exception->getMessage(), $exception->problem?->fix );
		}

		$page_arg  = self::PAGE_ARG_PREFIX . $this->instances;
		$order_arg = self::ORDER_ARG_PREFIX . $this->instances;
		// With albums on, the folder shown may be one of the block folder's subfolders.
		$place = $this->albums->place( $gallery, $this->instances, $listing, $this->listings->key( $gallery->provider, $gallery->folder_id ), array( $page_arg, $order_arg ) );
		if ( null === $place->listing ) {
			return new GalleryView( $this->empty_wrapper( $wrapper ), array(), null, __( 'This gallery is not available right now.', 'customer-cloud-gallery' ), albums: $place->view );
		}
		$listing = $place->listing;

		$total    = $listing->photo_count();
		$counting = ! $listing->complete;
		$pending  = $counting ? __( 'More photos are still being added to this gallery.', 'customer-cloud-gallery' ) : null;
		if ( 0 === $total && ! $place->has_cards() ) {
			$empty = $counting
				? __( 'Photos are still being added to this gallery. Reload the page in a moment to see them.', 'customer-cloud-gallery' )
				: __( 'This gallery has no photos yet.', 'customer-cloud-gallery' );
			return new GalleryView( $this->empty_wrapper( $wrapper ), array(), null, $empty, albums: $place->view );
		}

		$listed    = $counting || self::LISTED_ORDER === $this->requested( $order_arg );
		$pages     = (int) ceil( $total / $gallery->per_page );
		$page      = min( $pages, max( 1, absint( $this->requested( $page_arg ) ?? 1 ) ) );
		$folder    = $place->key;
		$media     = $this->media->get( $gallery->provider, $folder );
		$order     = $listed ? null : $gallery->order();
		$photos    = $listing->page( ( $page - 1 ) * $gallery->per_page, $gallery->per_page, $order, $media );
		unset( $listing, $media );

		$items = array();
		foreach ( $photos as $index => $photo ) {
			$items[] = $this->item( $gallery, $layout, new ImageRef( $gallery->provider, $photo->id, $photo->revision, ThumbnailSize::DEFAULT, $folder, $order?->code() ?? '', MissBatch::window_for( $gallery->per_page ) ), $photo, $index )
				+ array( 'download' => $this->downloads->photo( $gallery, $folder, $photo ) );
		}
		$next = null;
		if ( $page < $pages ) {
			$next = $listed
				? add_query_arg(
					array(
						$page_arg  => $page + 1,
						$order_arg => self::LISTED_ORDER,
					)
				)
				: add_query_arg( $page_arg, $page + 1 );
		}
		$view = new GalleryView(
			wrapper: $wrapper,
			items: $items,
			next_url: $next,
			notice: $pending,
			lightbox: $gallery->lightbox,
			instance: $this->instances,
			next_message: null === $next ? null : $this->next_message( $total - $page * $gallery->per_page, $gallery->per_page ),
			download_all: $this->downloads->all( $gallery, $folder ),
			albums: $place->view
		);
		$this->module->enqueue_for( $view );
		return $view;
	}

	/**
	 * The editor's preview revalidates (and so says when a folder is gone);
	 * a page view takes what is cached. Both stay inside the provider's
	 * gallery folder; see Audience::may_use_whole_account() for who may go
	 * without one.
	 *
	 * @throws GalleryException
	 */
	private function listing( GalleryAttributes $gallery, bool $can_fix ): Listing {
		$ref     = $gallery->folder_id;
		$account = $this->audience->may_use_whole_account();
		if ( $can_fix && $this->audience->is_editor_preview() ) {
			return $this->listings->for_editor( $gallery->provider, $ref, false, $account );
		}
		// Refuses before anything is listed (or a URL made) when the provider
		// has no gallery folder and nobody who may use the whole account vouched for it.
		$this->listings->boundary( $gallery->provider, false, $account );
		return $this->listings->for_render( $gallery->provider, $ref );
	}

	/**
	 * The box's ratio is the crop's; else the photo's own: its dimensions
	 * from warming, the cached thumbnail's (warming fetches page 1 on save),
	 * else PhotoBox::UNKNOWN until it is known.
	 *
	 * @return array{src: string, srcset: list<array{url: string, width: int}>, sizes: string, width: int, height: int, alt: string, loading: string, href: string|null, caption: string|null, style: string|null}
	 */
	private function item( GalleryAttributes $gallery, Layout $layout, ImageRef $src, Photo $photo, int $index ): array {
		$srcset = array();
		foreach ( ThumbnailSize::srcset() as $size ) {
			$srcset[] = array(
				'url'   => $this->urls->url( $src->at( $size ) ),
				'width' => ThumbnailSize::long_edge( $size ),
			);
		}
		$box   = $layout->box( $layout->crop() ?? $photo->dimensions() ?? $this->disk->dimensions( $src ) ?? PhotoBox::UNKNOWN );
		$title = pathinfo( $photo->name, PATHINFO_FILENAME );

		return array(
			'src'     => $this->urls->url( $src ),
			'srcset'  => $srcset,
			'sizes'   => $box->sizes,
			'width'   => $box->width,
			'height'  => $box->height,
			'alt'     => $title,
			'loading' => $index < $gallery->columns ? 'eager' : 'lazy',
			'href'    => $gallery->lightbox ? $this->urls->url( $src->at( ThumbnailSize::LARGEST ) ) : null,
			'caption' => 'filename' === $gallery->caption ? $title : null,
			'style'   => $box->style,
		);
	}

	/**
	 * Said by a live region when the next page is appended in place; the
	 * server knows its size, so the plural is translated properly.
	 */
	private function next_message( int $remaining, int $per_page ): string {
		$count = min( $remaining, $per_page );
		/* translators: %d: how many photos were just added to the gallery. */
		return sprintf( _n( '%d more photo loaded', '%d more photos loaded', $count, 'customer-cloud-gallery' ), $count );
	}

	/**
	 * @return array<string, string>
	 */
	private function wrapper( GalleryAttributes $gallery, Layout $layout ): array {
		$crop = $layout->crop();
		return array(
			'class' => 'ccg-gallery ccg-layout-' . $layout->name() . ( null === $crop ? ' is-original-ratio' : ' is-cropped' ),
			'style' => sprintf(
				'--ccg-columns:%d;--ccg-columns-narrow:%d;--ccg-gap:%dpx;--ccg-aspect:%s;%s',
				$gallery->columns,
				min( 2, $gallery->columns ),
				$gallery->gap,
				null === $crop ? 'auto' : $crop[0] . '/' . $crop[1],
				$layout->wrapper_style()
			),
		);
	}

	/**
	 * @param array<string, string> $wrapper
	 *
	 * @return array<string, string>
	 */
	private function empty_wrapper( array $wrapper ): array {
		return array( 'class' => $wrapper['class'] . ' is-empty' ) + $wrapper;
	}

	private function requested( string $arg ): ?string {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- public, read-only paging.
		return isset( $_GET[ $arg ] ) && is_string( $_GET[ $arg ] ) ? sanitize_key( wp_unslash( $_GET[ $arg ] ) ) : null;
	}
}
