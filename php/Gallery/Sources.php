<?php
/**
 * The gallery sources of the providers this plugin supports, by id.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

final class Sources {

	/** @var array<string, Source> */
	private array $sources = array();

	/**
	 * @param list<Source> $sources
	 */
	public function __construct( array $sources ) {
		foreach ( $sources as $source ) {
			$this->sources[ $source->provider() ] = $source;
		}
	}

	public function get( string $provider ): ?Source {
		return $this->sources[ $provider ] ?? null;
	}

	/**
	 * @throws GalleryException When no such provider exists.
	 */
	public function require( string $provider ): Source {
		$source = $this->get( $provider );
		if ( null === $source ) {
			throw new GalleryException( GalleryException::NOT_CONNECTED, __( 'This gallery uses a storage provider this site does not support.', 'customer-cloud-gallery' ), 400 );
		}
		return $source;
	}

	/**
	 * @return list<string>
	 */
	public function ids(): array {
		return array_keys( $this->sources );
	}
}
