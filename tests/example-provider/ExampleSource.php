<?php
/**
 * Example Cloud's folders: a fixed tree with no photos.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\ExampleProvider;

use CustomerCloudGallery\Gallery\Folder;
use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Gallery\Listing;
use CustomerCloudGallery\Gallery\ListingBudget;
use CustomerCloudGallery\Gallery\Source;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Providers\OAuthApp\TokenStore;

/**
 * Folder references are lower-case paths, like Dropbox's; the tree is the
 * whole account. Only a connected site sees it.
 */
final class ExampleSource implements Source {

	/** Display paths of every folder. */
	private const TREE = array( '/Portraits', '/Weddings', '/Weddings/Smith 2026' );

	public function __construct( private TokenStore $tokens ) {}

	/**
	 * The folders directly inside $parent_lower, as listing rows.
	 *
	 * @return list<array{0: string, 1: string, 2: string}>
	 */
	public static function children( string $parent_lower ): array {
		$rows = array();
		foreach ( self::TREE as $path ) {
			if ( strtolower( dirname( $path ) === '/' ? '' : dirname( $path ) ) === $parent_lower ) {
				$rows[] = array( strtolower( $path ), basename( $path ), $path );
			}
		}
		return $rows;
	}

	public function provider(): string {
		return ExampleDescription::ID;
	}

	public function label(): string {
		return ExampleDescription::LABEL;
	}

	public function root(): Folder {
		return new Folder( '', ExampleDescription::LABEL, '/', '' );
	}

	public function accepts_reference( string $ref ): bool {
		return '' === $ref || 1 === preg_match( '#^(/[a-z0-9 ]+)+$#', $ref );
	}

	public function folder( string $ref ): Folder {
		$this->require_connection();
		foreach ( self::TREE as $path ) {
			if ( strtolower( $path ) === $ref ) {
				return new Folder( $ref, basename( $path ), $path, $ref );
			}
		}
		throw GalleryException::not_found( $this->label() );
	}

	public function list( Folder $folder, ?ListingBudget $budget = null ): Listing {
		$this->require_connection();
		$folders = array();
		foreach ( self::children( $folder->path_lower ) as $row ) {
			$folders[ $row[0] ] = $row;
		}
		return new Listing( $folder, $folders, array(), '', time(), 0, true );
	}

	public function refresh( Listing $listing, ?ListingBudget $budget = null ): Listing {
		return $this->list( $listing->folder, $budget );
	}

	public function ancestors( Folder $boundary, Folder $folder ): array {
		$ancestors = array();
		for ( $path = dirname( $folder->path ); '/' !== $path && '.' !== $path; $path = dirname( $path ) ) {
			$lower = strtolower( $path );
			if ( $lower === $boundary->path_lower ) {
				break;
			}
			array_unshift( $ancestors, new Folder( $lower, basename( $path ), $path, $lower ) );
		}
		return $ancestors;
	}

	public function batch_size(): int {
		return 1;
	}

	public function thumbnail( ImageRef $image ): string {
		throw GalleryException::not_found( $this->label() );
	}

	public function thumbnails( array $images ): array {
		return array_fill_keys( array_keys( $images ), null );
	}

	public function learn_media( string $folder_key, array $photos ): int {
		return 0;
	}

	private function require_connection(): void {
		if ( ! $this->tokens->exists() ) {
			throw new GalleryException( GalleryException::NOT_CONNECTED, 'Example Cloud is not connected.', 409 );
		}
	}
}
