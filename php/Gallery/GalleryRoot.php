<?php
/**
 * The folder the admin lets galleries come from, per provider.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

use CustomerCloudGallery\Capabilities;
use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Storage\OptionStore;

/**
 * One root per provider. Null means none was chosen: administrators then
 * browse the provider's whole account (for a Dropbox app with App folder
 * access, the App folder); nobody else browses anything. The stored
 * path_lower is what every route and the render compare against.
 *
 * A page view never writes the option: a rename it notices is used in this
 * request's memory and left to WP-Cron (FOLLOW_HOOK) to store, so a
 * visitor's request can never undo an administrator's choice made at the
 * same moment.
 */
final class GalleryRoot {

	/** WP-Cron: look up every stored root again and follow renames and moves. */
	public const FOLLOW_HOOK = 'ccg_follow_gallery_root';

	/** @var array<string, Folder> Renames noticed by this request, not stored by it. */
	private array $noticed = array();

	public function __construct( private OptionStore $options ) {}

	public function get( string $provider ): ?Folder {
		$stored = $this->stored( $provider, false );
		$moved  = $this->noticed[ $provider ] ?? null;
		return null !== $stored && null !== $moved && $moved->id === $stored->id ? $moved : $stored;
	}

	public function set( string $provider, ?Folder $folder ): void {
		unset( $this->noticed[ $provider ] );
		$stored              = $this->options->read( Keys::GALLERY_ROOT, true );
		$stored              = is_array( $stored ) ? $stored : array();
		$stored[ $provider ] = $folder?->to_array();
		$this->options->write( Keys::GALLERY_ROOT, $stored );
	}

	/**
	 * The root was renamed or moved at the provider ($now is its fresh
	 * metadata). Someone who can manage connections, and WP-Cron, store it,
	 * and only over the root they read ($was): an administrator who chose
	 * another folder meanwhile keeps their choice. Any other request uses
	 * it for itself and schedules WP-Cron to store it.
	 */
	public function follow( string $provider, Folder $was, Folder $now ): void {
		if ( ! current_user_can( Capabilities::MANAGE_CONNECTIONS ) && ! wp_doing_cron() ) {
			$this->noticed[ $provider ] = $now;
			$this->look_again();
			return;
		}
		$this->replace( $provider, $was, $now );
	}

	/**
	 * Asks WP-Cron to look every root up again: a folder found outside
	 * one may be inside it under the root's new name.
	 */
	public function look_again(): void {
		if ( false === wp_next_scheduled( self::FOLLOW_HOOK ) ) {
			wp_schedule_single_event( time(), self::FOLLOW_HOOK );
		}
	}

	/**
	 * Stores $now only while the stored root is still $was.
	 */
	public function replace( string $provider, Folder $was, Folder $now ): void {
		$current = $this->stored( $provider, true );
		if ( null !== $current && $current->id === $was->id && $current->path_lower === $was->path_lower ) {
			$this->set( $provider, $now );
		}
	}

	/**
	 * What the option holds, without a rename this request noticed.
	 */
	public function stored( string $provider, bool $fresh = false ): ?Folder {
		$stored = $this->options->read( Keys::GALLERY_ROOT, $fresh );
		$folder = is_array( $stored ) ? ( $stored[ $provider ] ?? null ) : null;
		return is_array( $folder ) ? Folder::from_array( $folder ) : null;
	}
}
