<?php
/**
 * Drive thumbnail links captured while listing, for less than an hour.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Storage\Keys;

/**
 * Each thumbnail otherwise costs two calls (files.get for a fresh link, then
 * the link). Links live "hours" at Google, so they are kept well inside
 * one. A transient per photo would be thousands of rows; one per folder
 * cannot be found from a photo id alone; so links sit in a fixed number of
 * shards by a hash of the id, each capped, the newest kept.
 */
final class ThumbnailLinks {

	public const KEEP_SECONDS = 50 * MINUTE_IN_SECONDS;

	private const SHARDS = 32;

	private const PER_SHARD = 1000;

	public function get( string $file_id ): ?string {
		$entry = $this->shard( $this->shard_key( $file_id ) )[ $file_id ] ?? null;
		return is_array( $entry ) && is_string( $entry[0] ?? null ) ? $entry[0] : null;
	}

	/**
	 * @param array<string, string> $links File id => thumbnailLink.
	 */
	public function put_many( array $links ): void {
		$expires = time() + self::KEEP_SECONDS;
		$grouped = array();
		foreach ( $links as $id => $link ) {
			$grouped[ $this->shard_key( (string) $id ) ][ (string) $id ] = array( $link, $expires );
		}
		foreach ( $grouped as $key => $entries ) {
			// Newest last, so the cap drops the oldest.
			$merged = array_diff_key( $this->shard( $key ), $entries ) + $entries;
			set_transient( $key, array_slice( $merged, -self::PER_SHARD, null, true ), self::KEEP_SECONDS );
		}
	}

	public function forget( string $file_id ): void {
		$key   = $this->shard_key( $file_id );
		$shard = $this->shard( $key );
		if ( isset( $shard[ $file_id ] ) ) {
			unset( $shard[ $file_id ] );
			set_transient( $key, $shard, self::KEEP_SECONDS );
		}
	}

	/**
	 * @return array<string, array{0: string, 1: int}> Entries not yet expired.
	 */
	private function shard( string $key ): array {
		$stored = get_transient( $key );
		if ( ! is_array( $stored ) ) {
			return array();
		}
		$now = time();
		return array_filter( $stored, static fn ( mixed $entry ): bool => is_array( $entry ) && (int) ( $entry[1] ?? 0 ) > $now );
	}

	private function shard_key( string $file_id ): string {
		return Keys::GOOGLE_THUMBNAIL_LINKS_PREFIX . ( crc32( $file_id ) % self::SHARDS );
	}
}
