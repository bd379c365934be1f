<?php
/**
 * Every photo of a folder, as one ZIP written while it is sent.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Downloads;

use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Gallery\Listing;
use CustomerCloudGallery\Gallery\Photo;
use CustomerCloudGallery\Http\StreamSink;

/**
 * The photos are fetched one after another, each streamed into its entry
 * as it arrives, so memory holds one chunk and the central directory, and
 * nothing touches the disk, whatever the folder's size. An entry begins
 * only once the provider answers with the photo: one that is gone meanwhile
 * or fails is left out, and the archive stays valid. A rate limit waits as
 * long as the provider asks (up to a limit) and tries the photo again once.
 * The photos are in the listing's order; an incomplete listing (a folder
 * still being listed) gives what is known so far.
 */
final class ZipDownload implements StreamSink {

	private const LONGEST_WAIT = 30;

	private ZipWriter $zip;

	private ?Photo $current = null;

	private string $entry = '';

	private bool $began = false;

	private bool $alive = true;

	public function __construct( private PhotoSource $photos, private DownloadAllowance $allowance, private VisitorOutput $output ) {
		$this->zip = new ZipWriter( function ( string $bytes ): void {
			$this->alive = $this->output->write( $bytes ) && $this->alive;
		} );
	}

	public function send( Listing $listing, string $size ): void {
		$count = $listing->photo_count();
		$name  = ZipNames::safe( '' === $listing->folder->name ? 'photos' : $listing->folder->name ) . '.zip';
		$this->output->start(
			200,
			array(
				'Content-Type'           => 'application/zip',
				'Content-Disposition'    => VisitorOutput::attachment( $name ),
				'Cache-Control'          => 'private, no-store',
				'X-Content-Type-Options' => 'nosniff',
				'X-Robots-Tag'           => 'noindex',
			)
		);
		$names = new ZipNames();
		// Pages of the listing, so a folder of thousands never becomes thousands of objects at once.
		for ( $offset = 0; $offset < $count && $this->alive; $offset += 100 ) {
			foreach ( $listing->page( $offset, 100 ) as $photo ) {
				$this->entry = $names->unique( 'original' === $size ? $photo->name : pathinfo( $photo->name, PATHINFO_FILENAME ) . '.jpg' );
				$this->add( $photo, $size );
				if ( ! $this->alive ) {
					return;
				}
			}
		}
		$this->zip->finish();
	}

	private function add( Photo $photo, string $size ): void {
		$this->current = $photo;
		$this->began   = false;
		for ( $attempt = 0; $attempt < 2; $attempt++ ) {
			try {
				$this->photos->stream( $photo, $size, null, $this );
				break;
			} catch ( GalleryException $exception ) {
				$wait = GalleryException::RATE_LIMITED === $exception->reason ? (int) ( $exception->retry_after ?? 1 ) : null;
				if ( $this->began || null === $wait || $wait > self::LONGEST_WAIT ) {
					break;
				}
				sleep( max( 1, $wait ) );
			}
		}
		if ( $this->began ) {
			$this->zip->end();
		}
	}

	public function open( int $status, array $headers ): bool {
		if ( 200 !== $status || null === $this->current ) {
			return false;
		}
		$this->began = true;
		$this->zip->begin( $this->entry, $this->current->size, $this->current->modified );
		return true;
	}

	public function write( string $bytes ): bool {
		$this->allowance->spend( strlen( $bytes ) );
		$this->zip->write( $bytes );
		return $this->alive;
	}
}
