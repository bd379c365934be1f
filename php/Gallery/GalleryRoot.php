<?php
/**
 * The folder the admin lets galleries come from, per provider.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Storage\OptionStore;

/**
 * One root per provider. Null means the provider's whole account (for a
 * Dropbox app with App folder access, the App folder). The stored
 * path_lower is what every route and the render compare against.
 */
final class GalleryRoot {

	public function __construct( private OptionStore $options ) {}

	public function get( string $provider ): ?Folder {
		$stored = $this->options->read( Keys::GALLERY_ROOT );
		$folder = is_array( $stored ) ? ( $stored[ $provider ] ?? null ) : null;
		return is_array( $folder ) ? Folder::from_array( $folder ) : null;
	}

	public function set( string $provider, ?Folder $folder ): void {
		$stored              = $this->options->read( Keys::GALLERY_ROOT );
		$stored              = is_array( $stored ) ? $stored : array();
		$stored[ $provider ] = $folder?->to_array();
		$this->options->write( Keys::GALLERY_ROOT, $stored );
	}
}
