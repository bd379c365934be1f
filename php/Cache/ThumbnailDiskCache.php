<?php
/**
 * Thumbnails on disk under uploads, with a size limit.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Cache;

use CustomerCloudGallery\Gallery\PhotoOrder;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Images\ImageToken;
use CustomerCloudGallery\Images\JpegThumbnail;
use CustomerCloudGallery\Images\MissBatch;
use CustomerCloudGallery\Images\ThumbnailSize;
use CustomerCloudGallery\Storage\Keys;

/**
 * wp-content/uploads/customer-cloud-gallery/i/<shard>/<signed token>.jpg,
 * shard = the first two hex digits of the image's hash (at most 256
 * folders). The file name is the image URL's own signed token, so the
 * uploads URL of a file says everything needed to fetch it again: when the
 * file is missing (never fetched, evicted, cache cleared), the web server
 * hands the request to WordPress and Images\StaticImages rebuilds it.
 *
 * Every file is a JPEG (Images\JpegThumbnail converts anything else), so the
 * web server's type for ".jpg" is always right. Files are written to a
 * temporary name and renamed, so a reader never sees half a JPEG.
 *
 * Recency for the LRU eviction: a hit through PHP refreshes the mtime (at
 * most hourly); files the web server serves directly are read without PHP,
 * so eviction also counts the access time where the filesystem keeps it
 * (Linux's default relatime: at most daily). Where it does not (noatime),
 * a static file's age is its write time; an evicted file a page still
 * links to is rebuilt on its next request.
 */
final class ThumbnailDiskCache {

	public const EVICT_HOOK = 'ccg_evict_thumbnails';

	/** The folder of the files under Keys::UPLOADS_DIR, and the start of their URL path. */
	public const STATIC_DIR = 'i';

	/**
	 * NAME_MAX of ext4, XFS, Btrfs, ZFS, APFS and NTFS. A token too long for
	 * a file name (a provider's very long ids) is stored under its hash and
	 * served through the query URL only.
	 */
	private const MAX_NAME = 255;

	private const DEFAULT_LIMIT = 500 * 1024 * 1024;

	private const TOUCH_AFTER = HOUR_IN_SECONDS;

	/** Evict down to this share of the limit, so eviction does not run on every write. */
	private const LOW_WATER = 0.9;

	/**
	 * Apache reads this from the cache folder (nginx ignores it; its block is
	 * in docs/public-gallery.md). A thumbnail's URL carries its revision, so
	 * its bytes never change: browsers may keep it for a year without asking.
	 *
	 * No folder here is listed, so no thumbnail's name (draft previews
	 * included) can be read off a server that lists folders. Not "Options
	 * -Indexes": where the host does not allow overriding Options, Apache
	 * answers 500 for every file under the folder. RedirectMatch needs only
	 * FileInfo, which WordPress's own .htaccess needs too, and adds no
	 * RewriteEngine here, which would replace WordPress's rewrite rules for
	 * this folder and stop missing files from reaching it. Only a folder's
	 * URL ends in "/" (Apache redirects a folder's bare name there first).
	 * tools/production-stack/listing-check.ts proves it on Apache with
	 * AllowOverride All and FileInfo.
	 */
	private const APACHE_RULES = "# Customer Cloud Gallery: thumbnails never change under their URL.\n"
		. "<IfModule mod_headers.c>\n"
		. "\t<FilesMatch \"\\.jpg$\">\n"
		. "\t\tHeader set Cache-Control \"public, max-age=31536000, immutable\"\n"
		. "\t</FilesMatch>\n"
		. "</IfModule>\n"
		. "# No listing of the thumbnails' names.\n"
		. "<IfModule mod_alias.c>\n"
		. "\tRedirectMatch 403 /$\n"
		. "</IfModule>\n";

	/** Where thumbnails lived before they were named by their tokens. */
	private const LEGACY_DIR = 'thumbs';

	/**
	 * In every folder of the cache, so a server that lists folders shows this
	 * empty page instead of every thumbnail's name (draft previews included):
	 * nginx, or Apache where it does not read the .htaccess.
	 */
	private const INDEX_FILE = "<?php\n// Silence is golden: no listing of the thumbnail cache.\n";

	/** A write that died leaves its temporary file; eviction deletes those this old. */
	private const STALE_TEMPORARY = HOUR_IN_SECONDS;

	public function __construct( private ImageToken $tokens ) {}

	public function register(): void {
		add_action( self::EVICT_HOOK, array( $this, 'evict' ) );
	}

	/**
	 * The file's path relative to dir(), e.g. "i/3f/<token>.jpg".
	 */
	public function relative_path( ImageRef $image ): string {
		return $this->shard( $image ) . '/' . ( $this->token_name( $image ) ?? $image->hash() ) . '.jpg';
	}

	public function path( ImageRef $image ): string {
		return $this->dir() . '/' . $this->relative_path( $image );
	}

	/**
	 * The file's uploads URL, whether it exists yet or not; null when the
	 * token cannot be its name (so a missing file could not be rebuilt).
	 */
	public function url( ImageRef $image ): ?string {
		$name = $this->token_name( $image );
		return null === $name ? null : $this->base_url() . '/' . $this->shard( $image ) . '/' . $name . '.jpg';
	}

	/**
	 * The file's path on a hit, null on a miss.
	 */
	public function hit( ImageRef $image ): ?string {
		$path = $this->path( $image );
		if ( ! is_file( $path ) ) {
			return null;
		}
		$mtime = (int) filemtime( $path );
		if ( $mtime < time() - self::TOUCH_AFTER ) {
			touch( $path );
		}
		return $path;
	}

	public function has( ImageRef $image ): bool {
		return is_file( $this->path( $image ) );
	}

	/**
	 * Width and height of a cached thumbnail (only its header is read).
	 * "bestfit" keeps the photo's ratio, orientation applied, so this is the
	 * ratio the page needs to reserve before the image loads.
	 *
	 * @return array{0: int, 1: int}|null
	 */
	public function dimensions( ImageRef $image ): ?array {
		$path = $this->path( $image );
		$size = is_file( $path ) ? @getimagesize( $path ) : false; // phpcs:ignore WordPress.PHP.NoSilencedErrors -- a truncated file is a miss.
		return is_array( $size ) && $size[0] > 0 && $size[1] > 0 ? array( (int) $size[0], (int) $size[1] ) : null;
	}

	/**
	 * Stores a thumbnail as JPEG.
	 *
	 * @param string $bytes What the provider sent: JPEG as it is; PNG, GIF or
	 *                      WebP converted; anything else refused.
	 *
	 * @return string|null The file's path; null when it could not be written.
	 */
	public function write( ImageRef $image, string $bytes ): ?string {
		$jpeg = JpegThumbnail::from_bytes( $bytes );
		return null === $jpeg ? null : $this->put( $this->path( $image ), $jpeg );
	}

	/**
	 * Deletes the photo's cached files, every size, order and page window it
	 * may have been shown in (a file's name is its token, which names them):
	 * it was deleted, moved out of its gallery's folder, or replaced by a new
	 * revision. At most 7 × 10 × 5 names, most of which were never written.
	 *
	 * @return int How many files were deleted.
	 */
	public function delete_photo( ImageRef $image ): int {
		$deleted = 0;
		foreach ( PhotoOrder::CODES as $order ) {
			foreach ( MissBatch::WINDOWS as $window ) {
				foreach ( array_keys( ThumbnailSize::SIZES ) as $size ) {
					if ( @unlink( $this->path( $image->in_order( $order )->in_window( $window )->at( $size ) ) ) ) { // phpcs:ignore WordPress.PHP.NoSilencedErrors -- most were never fetched.
						++$deleted;
					}
				}
			}
		}
		return $deleted;
	}

	/**
	 * Deletes every cached file of the provider (Disconnect, a revoked
	 * grant's grace period over). A file's name is its sealed token, which
	 * says the provider once opened; a name too long to be a token (stored
	 * by hash, so its provider cannot be told) goes too: it is only a cache.
	 *
	 * @return int How many files were deleted.
	 */
	public function delete_provider( string $provider ): int {
		$deleted = 0;
		foreach ( $this->files() as $file ) {
			$image = $this->tokens->verify( basename( $file, '.jpg' ) );
			if ( ( null === $image || $provider === $image->provider ) && @unlink( $file ) ) { // phpcs:ignore WordPress.PHP.NoSilencedErrors -- may vanish meanwhile.
				++$deleted;
			}
		}
		return $deleted;
	}

	public function limit(): int {
		return (int) apply_filters( 'ccg_thumbnail_cache_bytes', self::DEFAULT_LIMIT );
	}

	/**
	 * Every cached thumbnail's path.
	 *
	 * @return list<string>
	 */
	public function files(): array {
		$files = glob( $this->dir() . '/' . self::STATIC_DIR . '/*/*.jpg', GLOB_NOSORT );
		return false === $files ? array() : $files;
	}

	/**
	 * WP-Cron: deletes the least recently used files until the cache is
	 * under 90% of its limit.
	 */
	public function evict(): void {
		$this->delete_legacy_files();
		$this->delete_stale_temporaries();
		$total = 0;
		$seen  = array();
		foreach ( $this->files() as $file ) {
			$stat = @stat( $file ); // phpcs:ignore WordPress.PHP.NoSilencedErrors -- may vanish meanwhile.
			if ( false === $stat ) {
				continue;
			}
			$total        += $stat['size'];
			$seen[ $file ] = array( max( $stat['mtime'], $stat['atime'] ), $stat['size'] );
		}
		$limit = $this->limit();
		if ( $total <= $limit ) {
			return;
		}
		uasort( $seen, static fn ( array $a, array $b ): int => $a[0] <=> $b[0] );
		foreach ( $seen as $file => list( , $size ) ) {
			if ( $total <= $limit * self::LOW_WATER ) {
				break;
			}
			if ( @unlink( $file ) ) { // phpcs:ignore WordPress.PHP.NoSilencedErrors
				$total -= $size;
			}
		}
	}

	/**
	 * The cache's root: uploads/customer-cloud-gallery.
	 */
	public function dir(): string {
		$uploads = wp_upload_dir( null, false );
		return $uploads['basedir'] . '/' . Keys::UPLOADS_DIR;
	}

	/**
	 * The URL of dir().
	 */
	public function base_url(): string {
		$uploads = wp_upload_dir( null, false );
		return $uploads['baseurl'] . '/' . Keys::UPLOADS_DIR;
	}

	/**
	 * @return string|null The path; null when it could not be written.
	 */
	private function put( string $path, string $bytes ): ?string {
		$dir = dirname( $path );
		if ( ! wp_mkdir_p( $dir ) ) {
			return null;
		}
		$this->ensure_apache_rules();
		$this->ensure_index_files( $dir );
		// A short temporary name: the final one may be near the name limit.
		$temporary = $dir . '/.' . wp_generate_password( 12, false ) . '.tmp';
		if ( strlen( $bytes ) !== file_put_contents( $temporary, $bytes ) || ! rename( $temporary, $path ) ) {
			@unlink( $temporary ); // phpcs:ignore WordPress.PHP.NoSilencedErrors -- may not exist.
			return null;
		}
		if ( false === wp_next_scheduled( self::EVICT_HOOK ) ) {
			wp_schedule_single_event( time() + MINUTE_IN_SECONDS, self::EVICT_HOOK );
		}
		return $path;
	}

	/**
	 * Writes the cache folder's .htaccess when it is missing or not this
	 * version's (so an update brings its rules to existing sites).
	 */
	private function ensure_apache_rules(): void {
		$file = $this->dir() . '/.htaccess';
		if ( ! is_file( $file ) || self::APACHE_RULES !== file_get_contents( $file ) ) { // phpcs:ignore WordPress.WP.AlternativeFunctions -- our own folder.
			file_put_contents( $file, self::APACHE_RULES ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- our own folder, like the thumbnails.
		}
	}

	/**
	 * An index.php in $dir and each folder above it, up to the cache's root.
	 */
	private function ensure_index_files( string $dir ): void {
		$root = $this->dir();
		for ( $folder = $dir; str_starts_with( $folder, $root ); $folder = dirname( $folder ) ) {
			if ( ! is_file( $folder . '/index.php' ) ) {
				file_put_contents( $folder . '/index.php', self::INDEX_FILE ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- our own folder, like the thumbnails.
			}
			if ( $folder === $root ) {
				break;
			}
		}
	}

	/**
	 * Temporary files of writes that died before their rename.
	 */
	private function delete_stale_temporaries(): void {
		$stale = time() - self::STALE_TEMPORARY;
		foreach ( glob( $this->dir() . '/' . self::STATIC_DIR . '/*/.*.tmp', GLOB_NOSORT ) ?: array() as $file ) {
			$mtime = @filemtime( $file ); // phpcs:ignore WordPress.PHP.NoSilencedErrors -- may vanish meanwhile.
			if ( false !== $mtime && $mtime < $stale ) {
				@unlink( $file ); // phpcs:ignore WordPress.PHP.NoSilencedErrors
			}
		}
	}

	private function shard( ImageRef $image ): string {
		return self::STATIC_DIR . '/' . substr( $image->hash(), 0, 2 );
	}

	private function token_name( ImageRef $image ): ?string {
		$token = $this->tokens->sign( $image );
		return strlen( $token ) + 4 <= self::MAX_NAME ? $token : null;
	}

	/**
	 * Files of the earlier layout (thumbs/<hash>.jpg) are never read again.
	 */
	private function delete_legacy_files(): void {
		$legacy = $this->dir() . '/' . self::LEGACY_DIR;
		if ( ! is_dir( $legacy ) ) {
			return;
		}
		foreach ( glob( $legacy . '/*' ) ?: array() as $file ) {
			@unlink( $file ); // phpcs:ignore WordPress.PHP.NoSilencedErrors -- may vanish meanwhile.
		}
		@rmdir( $legacy ); // phpcs:ignore WordPress.PHP.NoSilencedErrors
	}
}
