<?php
/**
 * A cloud folder as the plugin shows it and checks boundaries on.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

final class Folder {

	/**
	 * @param string $id         The provider's reference (Dropbox "id:…", a Drive file id); "" for the provider's root.
	 * @param string $path       The display path, e.g. "/Clients/Smith"; "/" for the root.
	 * @param string $path_lower The key path boundaries are checked on, "" for the root: Dropbox's
	 *                           path_lower, or for Drive the chain of ids ("/<drive>/<id>/<id>").
	 */
	public function __construct(
		public readonly string $id,
		public readonly string $name,
		public readonly string $path,
		public readonly string $path_lower
	) {}

	/**
	 * @param array<string, mixed> $data What to_array() gave.
	 */
	public static function from_array( array $data ): self {
		return new self( (string) ( $data['id'] ?? '' ), (string) ( $data['name'] ?? '' ), (string) ( $data['path'] ?? '/' ), (string) ( $data['path_lower'] ?? '' ) );
	}

	public function is_root(): bool {
		return '' === $this->path_lower;
	}

	/**
	 * Whether this folder is $ancestor or lies inside it. Compared on
	 * path_lower with a trailing slash, so "/clients" never admits "/clients-private".
	 */
	public function is_within( Folder $ancestor ): bool {
		if ( $ancestor->is_root() ) {
			return true;
		}
		return $this->path_lower === $ancestor->path_lower || str_starts_with( $this->path_lower, $ancestor->path_lower . '/' );
	}

	/**
	 * The reference the folder is fetched and cached by: its id, or "" for
	 * the root (which has no id: Dropbox's list_folder takes "", and
	 * Drive's top is virtual).
	 */
	public function ref(): string {
		return $this->is_root() ? '' : ( '' !== $this->id ? $this->id : $this->path_lower );
	}

	/**
	 * @return array{id: string, name: string, path: string}
	 */
	public function to_public(): array {
		return array(
			'id'   => $this->id,
			'name' => $this->name,
			'path' => $this->path,
		);
	}

	/**
	 * @return array{id: string, name: string, path: string, path_lower: string}
	 */
	public function to_array(): array {
		return $this->to_public() + array( 'path_lower' => $this->path_lower );
	}
}
