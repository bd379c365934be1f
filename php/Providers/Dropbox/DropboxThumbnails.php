<?php
/**
 * Fetches Dropbox thumbnails of exactly the revision an image URL names.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Images\ThumbnailSize;
use CustomerCloudGallery\Providers\OAuthApp\AuthorizedCalls;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * Asks for the token's revision ("rev:…", which ReadPath accepts on both
 * thumbnail routes), never the file id: a photo replaced since the URL was
 * made is another revision, so its new bytes never reach an old URL.
 * Dropbox keeps earlier revisions, of deleted files too, so whether a photo
 * is still shown is decided by the caller against a current listing.
 */
final class DropboxThumbnails {

	/** get_thumbnail_batch's documented maximum. */
	public const BATCH = 25;

	public function __construct(
		private ApiClient $api,
		private AuthorizedCalls $calls,
		private DropboxFailures $failures
	) {}

	/**
	 * @throws GalleryException
	 */
	public function one( ImageRef $image ): string {
		$path = self::revision_path( $image );
		if ( null === $path ) {
			throw GalleryException::not_found( DropboxDescription::label_text() );
		}
		try {
			$thumbnail = $this->calls->call( fn ( string $token ): Thumbnail => $this->api->get_thumbnail( $token, $path, $image->size, ThumbnailSize::MODE ) );
		} catch ( DropboxError $error ) {
			throw $this->failures->from_thumbnail_error( $error );
		} catch ( UnreadableSecret ) {
			throw $this->failures->unreadable();
		}
		if ( ! self::is_of( $thumbnail, $image ) ) {
			throw GalleryException::not_found( DropboxDescription::label_text() );
		}
		return $thumbnail->bytes;
	}

	/**
	 * @param array<int|string, ImageRef> $images At most BATCH.
	 *
	 * @return array<int|string, string|null> Bytes by the same keys; null for what failed.
	 *
	 * @throws GalleryException
	 */
	public function batch( array $images ): array {
		list( $entries, $asked ) = self::entries( $images );
		$results                 = array() === $entries ? array() : $this->call( fn ( string $token ): array => $this->api->get_thumbnail_batch( $token, $entries ) );
		return self::bytes( $images, $asked, $results );
	}

	/**
	 * Several batches in one round trip: as many get_thumbnail_batch calls
	 * as batches, sent at once, with one token refresh between them should
	 * Dropbox refuse the token (AuthorizedCalls::call_each()).
	 *
	 * @param list<array<int|string, ImageRef>> $batches Each at most BATCH.
	 *
	 * @return list<array<int|string, string|null>|GalleryException> As batch() for each, or the failure of its call.
	 *
	 * @throws GalleryException When no call could be made, or a rate limit or outage stopped them.
	 */
	public function batches( array $batches ): array {
		$entries = array();
		$asked   = array();
		foreach ( $batches as $key => $images ) {
			list( $entries[ $key ], $asked[ $key ] ) = self::entries( $images );
		}
		$keys = array_keys( array_filter( $entries ) );
		try {
			$results = $this->calls->call_each( fn ( string $token, array $pending ): array => $this->api->get_thumbnail_batches( $token, array_intersect_key( $entries, array_flip( $pending ) ) ), $keys );
		} catch ( DropboxError $error ) {
			throw $this->failures->from_error( $error );
		} catch ( UnreadableSecret ) {
			throw $this->failures->unreadable();
		}
		$answers = array();
		foreach ( $batches as $key => $images ) {
			$result          = $results[ $key ] ?? array();
			$answers[ $key ] = $result instanceof DropboxError ? $this->failures->from_error( $result ) : self::bytes( $images, $asked[ $key ], $result );
		}
		return $answers;
	}

	/**
	 * @param array<int|string, ImageRef> $images
	 *
	 * @return array{0: list<array{path: string, size: string, mode: string}>, 1: list<int|string>} The
	 *         entries to ask for, and the keys of $images they are for (a token without a
	 *         Dropbox revision is not asked for).
	 */
	private static function entries( array $images ): array {
		$entries = array();
		$asked   = array();
		foreach ( $images as $index => $image ) {
			$path = self::revision_path( $image );
			if ( null === $path ) {
				continue;
			}
			$asked[]   = $index;
			$entries[] = array(
				'path' => $path,
				'size' => $image->size,
				'mode' => ThumbnailSize::MODE,
			);
		}
		return array( $entries, $asked );
	}

	/**
	 * @param array<int|string, ImageRef> $images
	 * @param list<int|string>            $asked   entries()' keys.
	 * @param list<Thumbnail|null>        $results The answer, in the order asked.
	 *
	 * @return array<int|string, string|null>
	 */
	private static function bytes( array $images, array $asked, array $results ): array {
		$bytes = array_fill_keys( array_keys( $images ), null );
		foreach ( $asked as $position => $index ) {
			$thumbnail = $results[ $position ] ?? null;
			if ( null !== $thumbnail && self::is_of( $thumbnail, $images[ $index ] ) ) {
				$bytes[ $index ] = $thumbnail->bytes;
			}
		}
		return $bytes;
	}

	/**
	 * "rev:<rev>"; null when the token carries no Dropbox revision
	 * (ReadPath allows "rev:" and at least 9 hex digits).
	 */
	private static function revision_path( ImageRef $image ): ?string {
		return 1 === preg_match( '/^[0-9a-f]{9,}$/', $image->rev ) ? 'rev:' . $image->rev : null;
	}

	/**
	 * A thumbnail whose metadata names another revision is not the one asked
	 * for (rev: makes that impossible; this keeps it so).
	 */
	private static function is_of( Thumbnail $thumbnail, ImageRef $image ): bool {
		return '' === $thumbnail->rev || $thumbnail->rev === $image->rev;
	}

	/**
	 * @template T
	 *
	 * @param callable(string): T $request
	 *
	 * @return T
	 *
	 * @throws GalleryException
	 */
	private function call( callable $request ): mixed {
		try {
			return $this->calls->call( $request );
		} catch ( DropboxError $error ) {
			throw $this->failures->from_error( $error );
		} catch ( UnreadableSecret ) {
			throw $this->failures->unreadable();
		}
	}
}
