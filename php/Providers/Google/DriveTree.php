<?php
/**
 * Places Drive folders in a tree of ids: My Drive and each shared drive at
 * the top, the folders below them.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Gallery\Folder;
use CustomerCloudGallery\Providers\OAuthApp\AuthorizedCalls;
use CustomerCloudGallery\Providers\OAuthApp\HealthStore;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * Drive names are not unique and a folder is known by its id, so a folder's
 * key path is the chain of ids from the top ("/<My Drive or shared drive
 * id>/<id>/<id>") and its display path the chain of names ("/My Drive/
 * Clients/Smith"). Building one walks `parents` upwards: the folder itself
 * is always read fresh, its ancestors mostly come from FolderCache.
 */
final class DriveTree {

	/** A loop guard: no real Drive is this deep. */
	private const MAX_DEPTH = 64;

	public const NODE_FIELDS = 'id,name,mimeType,parents,driveId,trashed';

	/** Shared drives per drives.list page (the API's maximum). */
	private const DRIVES_PAGE = 100;

	private const MAX_DRIVE_PAGES = 20;

	public function __construct(
		private ApiClient $api,
		private AuthorizedCalls $calls,
		private FolderCache $cache,
		private HealthStore $health
	) {}

	/**
	 * @throws GoogleError      NOT_FOUND when $ref is not a folder or is trashed.
	 * @throws UnreadableSecret
	 */
	public function folder( string $ref ): Folder {
		list( $chain, $next ) = $this->open( $ref );
		$this->climb( $next, $chain );
		return $this->chain_folder( $chain );
	}

	/**
	 * The first step of folder(): files.get of $ref, which must be a folder
	 * not in the trash, then up through the ancestors already cached. The
	 * caller climbs on from the ancestor returned (climb(), or climbed()
	 * for a files.get it sent alongside other calls: DriveListing::open()).
	 *
	 * @return array{0: array<string, string>, 1: string, 2: string} The chain so far (id => name,
	 *                                                            the folder first), the next
	 *                                                            ancestor to ask for ("" at the
	 *                                                            top), and the folder's shared
	 *                                                            drive ("" for My Drive).
	 *
	 * @throws GoogleError      NOT_FOUND when $ref is not a folder or is trashed.
	 * @throws UnreadableSecret
	 */
	public function open( string $ref ): array {
		$file = $this->calls->call( fn ( string $token ): array => $this->api->file( $token, $ref, self::NODE_FIELDS ) );
		if ( ! DriveFiles::is_folder( $file ) || true === ( $file['trashed'] ?? false ) ) {
			throw new GoogleError( GoogleError::NOT_FOUND, 404, 'Not a folder, or in the trash.' );
		}
		$id    = DriveFiles::string( $file, 'id' );
		$id    = '' !== $id ? $id : $ref;
		$node  = $this->remember( $id, $file );
		$chain = array( $id => $node[0] );
		$next  = $this->climb_cached( $node[1], $chain );
		return array( $chain, $next, $node[2] );
	}

	/**
	 * The ancestor $parent's files.get answer (with NODE_FIELDS) added to
	 * $chain, then up through those cached. A parent this account cannot see
	 * makes its child a top of its own.
	 *
	 * @param array<string, mixed>|GoogleError $file
	 * @param array<string, string>            $chain
	 *
	 * @return string The next ancestor to ask for; "" at the top.
	 *
	 * @throws GoogleError Any failure but not found or forbidden.
	 */
	public function climbed( string $parent, array|GoogleError $file, array &$chain ): string {
		if ( $file instanceof GoogleError ) {
			if ( in_array( $file->kind, array( GoogleError::NOT_FOUND, GoogleError::FORBIDDEN ), true ) ) {
				return '';
			}
			throw $file;
		}
		$node             = $this->remember( $parent, $file );
		$chain[ $parent ] = $node[0];
		return $this->climb_cached( $node[1], $chain );
	}

	/**
	 * Climbs from $parent to the top, one files.get per ancestor not cached.
	 *
	 * @param array<string, string> $chain Id => name, innermost first.
	 *
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	public function climb( string $parent, array &$chain ): void {
		$next = $this->climb_cached( $parent, $chain );
		while ( '' !== $next ) {
			$asked = $next;
			try {
				$file = $this->calls->call( fn ( string $token ): array => $this->api->file( $token, $asked, self::NODE_FIELDS ) );
			} catch ( GoogleError $error ) {
				$file = $error;
			}
			$next = $this->climbed( $asked, $file, $chain );
		}
	}

	/**
	 * The folder a climbed chain describes.
	 *
	 * @param array<string, string> $chain Id => name, innermost first.
	 */
	public function chain_folder( array $chain ): Folder {
		return $this->from_chain( array_reverse( $chain, true ) );
	}

	/**
	 * My Drive's root folder (the "root" alias resolved once per grant).
	 *
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	public function my_drive(): Folder {
		$id = $this->my_drive_id();
		$this->cache->put( $id, GoogleDescription::my_drive_label(), '', '' );
		return new Folder( $id, GoogleDescription::my_drive_label(), '/' . GoogleDescription::my_drive_label(), '/' . $id );
	}

	/**
	 * Every shared drive the account is a member of, as top-level folders.
	 * An account or double without shared drives answers none.
	 *
	 * @return list<Folder>
	 *
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	public function shared_drives(): array {
		$drives = array();
		$token  = '';
		$pages  = 0;
		do {
			$cursor = $token;
			try {
				$page = $this->calls->call( fn ( string $access ): array => $this->api->drives( $access, self::DRIVES_PAGE, $cursor ) );
			} catch ( GoogleError $error ) {
				if ( in_array( $error->kind, array( GoogleError::NOT_FOUND, GoogleError::FORBIDDEN, GoogleError::BAD_REQUEST ), true ) ) {
					return $drives;
				}
				throw $error;
			}
			foreach ( is_array( $page['drives'] ?? null ) ? $page['drives'] : array() as $drive ) {
				$id   = is_array( $drive ) ? DriveFiles::string( $drive, 'id' ) : '';
				$name = is_array( $drive ) ? DriveFiles::string( $drive, 'name' ) : '';
				if ( '' !== $id ) {
					$this->cache->put( $id, $name, '', $id );
					$drives[] = new Folder( $id, $name, '/' . $name, '/' . $id );
				}
			}
			$token = DriveFiles::string( $page, 'nextPageToken' );
			++$pages;
		} while ( '' !== $token && $pages < self::MAX_DRIVE_PAGES );
		return $drives;
	}

	/**
	 * The shared drive a folder lives in, "" for My Drive: files.list needs
	 * corpora=drive and the driveId to look inside a shared drive.
	 *
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	public function drive_of( Folder $folder ): string {
		$top  = strtok( ltrim( $folder->path_lower, '/' ), '/' );
		$top  = false === $top ? $folder->id : $top;
		$node = $this->cache->get( $top ) ?? $this->node( $top );
		return $node[2];
	}

	/**
	 * The folders strictly between $boundary and $folder, outermost first.
	 * Never throws: one it cannot resolve is shown as "…".
	 *
	 * @return list<Folder>
	 */
	public function ancestors( Folder $boundary, Folder $folder ): array {
		if ( $folder->is_root() || $folder->path_lower === $boundary->path_lower ) {
			return array();
		}
		$ids   = explode( '/', trim( $folder->path_lower, '/' ) );
		$skip  = $boundary->is_root() ? 0 : count( explode( '/', trim( $boundary->path_lower, '/' ) ) );
		$names = array();
		$found = array();
		for ( $depth = 0; $depth < count( $ids ) - 1; $depth++ ) {
			$names[] = $this->name_of( $ids[ $depth ] );
			if ( $depth >= $skip ) {
				$found[] = new Folder(
					$ids[ $depth ],
					$names[ $depth ],
					'/' . implode( '/', $names ),
					'/' . implode( '/', array_slice( $ids, 0, $depth + 1 ) )
				);
			}
		}
		return $found;
	}

	/**
	 * Adds the ancestors from $parent that are cached to $chain (id => name,
	 * innermost first), up to the first that is not. My Drive's root and a
	 * shared drive's root have no parents.
	 *
	 * @param array<string, string> $chain
	 *
	 * @return string The first ancestor not cached; "" at the top.
	 */
	private function climb_cached( string $parent, array &$chain ): string {
		while ( '' !== $parent && ! isset( $chain[ $parent ] ) && count( $chain ) < self::MAX_DEPTH ) {
			$node = $this->cache->get( $parent );
			if ( null === $node ) {
				return $parent;
			}
			$chain[ $parent ] = $node[0];
			$parent           = $node[1];
		}
		return '';
	}

	/**
	 * @param array<string, string> $chain Id => name, outermost first.
	 */
	private function from_chain( array $chain ): Folder {
		$ids = array_keys( $chain );
		$id  = (string) end( $ids );
		return new Folder( $id, (string) end( $chain ), '/' . implode( '/', $chain ), '/' . implode( '/', $ids ) );
	}

	/**
	 * @return array{0: string, 1: string, 2: string}
	 *
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	private function node( string $id ): array {
		$file = $this->calls->call( fn ( string $token ): array => $this->api->file( $token, $id, self::NODE_FIELDS ) );
		return $this->remember( $id, $file );
	}

	/**
	 * Caches a folder's node, naming the tops: a shared drive's root folder
	 * carries the drive's id and takes the drive's name; My Drive's root
	 * takes the plugin's name for it.
	 *
	 * @param array<string, mixed> $file
	 *
	 * @return array{0: string, 1: string, 2: string}
	 *
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	private function remember( string $id, array $file ): array {
		$parents = is_array( $file['parents'] ?? null ) ? array_values( array_filter( $file['parents'], 'is_string' ) ) : array();
		$parent  = $parents[0] ?? '';
		$drive   = DriveFiles::string( $file, 'driveId' );
		$name    = DriveFiles::string( $file, 'name' );
		if ( '' !== $drive && $id === $drive ) {
			$parent = '';
			$name   = $this->drive_name( $drive, $name );
		} elseif ( '' === $parent && '' === $drive && $id === $this->my_drive_id() ) {
			$name = GoogleDescription::my_drive_label();
		}
		$this->cache->put( $id, $name, $parent, $drive );
		return array( $name, $parent, $drive );
	}

	/**
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	private function drive_name( string $drive_id, string $fallback ): string {
		$cached = $this->cache->get( $drive_id );
		if ( null !== $cached && $cached[2] === $drive_id && '' !== $cached[0] ) {
			return $cached[0];
		}
		try {
			$drive = $this->calls->call( fn ( string $token ): array => $this->api->drive( $token, $drive_id ) );
		} catch ( GoogleError $error ) {
			if ( in_array( $error->kind, array( GoogleError::NOT_FOUND, GoogleError::FORBIDDEN ), true ) ) {
				return $fallback;
			}
			throw $error;
		}
		$name = DriveFiles::string( $drive, 'name' );
		return '' !== $name ? $name : $fallback;
	}

	/**
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	private function my_drive_id(): string {
		$id = $this->health->remembered( GoogleDescription::FACT_MY_DRIVE );
		if ( null === $id ) {
			try {
				$root = $this->calls->call( fn ( string $token ): array => $this->api->file( $token, 'root', 'id' ) );
			} catch ( GoogleError $error ) {
				if ( GoogleError::NOT_FOUND !== $error->kind && GoogleError::BAD_REQUEST !== $error->kind ) {
					throw $error;
				}
				// A Drive (or double) that will not resolve the alias still
				// lists "'root' in parents": use the alias itself as the id.
				$root = array( 'id' => 'root' );
			}
			$id = DriveFiles::string( $root, 'id' );
			if ( '' === $id ) {
				throw new GoogleError( GoogleError::UNEXPECTED, 200, 'Drive did not say which folder is My Drive.' );
			}
			$this->health->remember( GoogleDescription::FACT_MY_DRIVE, $id );
		}
		return $id;
	}

	/**
	 * A cached name, or one files.get; "…" when neither works.
	 */
	private function name_of( string $id ): string {
		$node = $this->cache->get( $id );
		if ( null === $node ) {
			try {
				$node = $this->node( $id );
			} catch ( GoogleError | UnreadableSecret ) {
				return '…';
			}
		}
		return $node[0];
	}
}
