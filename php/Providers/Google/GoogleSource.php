<?php
/**
 * Google Drive as a gallery source: folders, listings and thumbnails.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Gallery\Folder;
use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Gallery\Listing;
use CustomerCloudGallery\Gallery\ListingBudget;
use CustomerCloudGallery\Gallery\OpensFolders;
use CustomerCloudGallery\Gallery\Source;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * The top is virtual ("Google Drive"): its subfolders are My Drive and each
 * shared drive. Folders are referenced by Drive id and placed by a key path
 * of ids (see DriveTree). Every Google failure leaves here as a
 * GalleryException carrying the diagnosis.
 */
final class GoogleSource implements Source, OpensFolders {

	/** Drive file ids: URL-safe base64-ish, 10 to 200 characters. */
	private const REFERENCE = '/^[A-Za-z0-9_-]{10,200}$/';

	public function __construct(
		private DriveTree $tree,
		private DriveListing $listing,
		private DriveThumbnails $thumbnails,
		private GoogleFailures $failures,
		private ParallelThumbnails $parallel
	) {}

	public function provider(): string {
		return GoogleDescription::ID;
	}

	public function label(): string {
		return GoogleDescription::label_text();
	}

	public function root(): Folder {
		return new Folder( '', GoogleDescription::label_text(), '/', '' );
	}

	public function accepts_reference( string $ref ): bool {
		// "root" is My Drive's alias, used as its id where Drive would not resolve it.
		return '' === $ref || 'root' === $ref || 1 === preg_match( self::REFERENCE, $ref );
	}

	public function folder( string $ref ): Folder {
		if ( '' === $ref ) {
			return $this->root();
		}
		return $this->guarded( fn (): Folder => $this->tree->folder( $ref ) );
	}

	/**
	 * The folder and its listing, its pages sent alongside the climb its path
	 * needs (DriveListing::open()).
	 */
	public function open( string $ref, ?ListingBudget $budget = null ): Listing {
		return $this->guarded( fn (): Listing => $this->listing->open( $ref, $budget ?? ListingBudget::unlimited() ) );
	}

	public function list( Folder $folder, ?ListingBudget $budget = null ): Listing {
		$budget = $budget ?? ListingBudget::unlimited();
		return $this->guarded( fn (): Listing => $folder->is_root() ? $this->listing->top( $folder ) : $this->listing->folder( $folder, $budget ) );
	}

	/**
	 * An incomplete listing continues from its page token; a token Drive no
	 * longer accepts (400) starts the folder again from its first page.
	 *
	 * Drive has a changes API, but its page tokens are per account, not per
	 * folder: a complete listing is listed again (five calls for 5,000
	 * photos at most), which is simpler and as cheap for a gallery. The
	 * folder's own metadata is read again first, so a folder moved out of
	 * the gallery root is noticed.
	 */
	public function refresh( Listing $listing, ?ListingBudget $budget = null ): Listing {
		$budget = $budget ?? ListingBudget::unlimited();
		if ( ! $listing->complete && '' !== $listing->cursor ) {
			try {
				return $this->listing->folder( $listing->folder, $budget, $listing );
			} catch ( GoogleError $error ) {
				if ( GoogleError::BAD_REQUEST !== $error->kind ) {
					throw $this->failures->from_error( $error );
				}
			} catch ( UnreadableSecret ) {
				throw $this->failures->unreadable();
			}
			return $this->list( $listing->folder, $budget );
		}
		$folder = $listing->folder->is_root() ? $listing->folder : $this->folder( $listing->folder->id );
		return $this->list( $folder, $budget );
	}

	public function ancestors( Folder $boundary, Folder $folder ): array {
		return $this->tree->ancestors( $boundary, $folder );
	}

	/**
	 * Drive has no batch call: a batch is as many requests as are sent at once.
	 */
	public function batch_size(): int {
		return ParallelThumbnails::concurrency();
	}

	public function thumbnail( ImageRef $image ): string {
		return $this->guarded( fn (): string => $this->thumbnails->fetch( $image ) );
	}

	/**
	 * In parallel (ParallelThumbnails); a photo that is gone is null. Rate
	 * limiting (once the backoff gives up), an outage or a lost connection
	 * stops the batch: the rest would fail the same way.
	 */
	public function thumbnails( array $images ): array {
		$bytes = array();
		foreach ( $this->guarded( fn (): array => $this->parallel->fetch( $images ) ) as $index => $result ) {
			if ( ! $result instanceof GoogleError ) {
				$bytes[ $index ] = $result;
				continue;
			}
			$exception = $this->failures->from_error( $result );
			if ( GalleryException::FOLDER_NOT_FOUND !== $exception->reason ) {
				throw $exception;
			}
			$bytes[ $index ] = null;
		}
		return $bytes;
	}

	/**
	 * Drive's listing already carries dates taken and pixel sizes.
	 */
	public function learn_media( string $folder_key, array $file_ids ): int {
		return 0;
	}

	/**
	 * @template T
	 *
	 * @param callable(): T $operation
	 *
	 * @return T
	 *
	 * @throws GalleryException
	 */
	private function guarded( callable $operation ): mixed {
		try {
			return $operation();
		} catch ( GoogleError $error ) {
			throw $this->failures->from_error( $error );
		} catch ( UnreadableSecret ) {
			throw $this->failures->unreadable();
		}
	}
}
