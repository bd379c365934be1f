<?php
/**
 * Fetches a batch of Drive thumbnails with bounded concurrency.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Providers\OAuthApp\AuthorizedCalls;
use CustomerCloudGallery\Providers\ProviderError;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * Drive has no batch thumbnail call, and one photo takes two round trips
 * (files.get for a fresh link and the revision, then the link). Sent one
 * after another, a cold page of photos waits for all of them in turn; here
 * a wave of up to concurrency() photos sends its files.get calls at once,
 * then its downloads at once, on the rules of the one-at-a-time path
 * (DriveThumbnails::link decides every link) and of AuthorizedCalls (one
 * token refresh, backoff once per round for only the requests that need
 * it). Waves, not a sliding window: the Requests library sends a set of
 * requests and returns when all of them are done.
 */
final class ParallelThumbnails {

	/**
	 * Drive limits queries per minute per user, not requests at once
	 * (contract B5, G-DOC-LIMITS: a page of 100 photos is 200 requests,
	 * well inside a minute's quota, and a refusal is backed off). Measured
	 * (`npm run bench`, scenario 7, 150 ms per call, 2 cores): a cold page
	 * of 100 was complete at 3.3–3.5 s with 8 at once and 2.8 s with 16.
	 */
	public const DEFAULT_CONCURRENCY = 16;

	/** More connections at once than this would only queue behind each other on small hosts. */
	private const MAX_CONCURRENCY = 16;

	public function __construct(
		private ApiClient $api,
		private AuthorizedCalls $calls,
		private DriveThumbnails $thumbnails
	) {}

	/**
	 * How many requests a wave sends at once: 16 unless the
	 * ccg_drive_thumbnail_concurrency filter says otherwise, within 1..16.
	 */
	public static function concurrency(): int {
		$filtered = apply_filters( 'ccg_drive_thumbnail_concurrency', self::DEFAULT_CONCURRENCY );
		return max( 1, min( self::MAX_CONCURRENCY, is_numeric( $filtered ) ? (int) $filtered : self::DEFAULT_CONCURRENCY ) );
	}

	/**
	 * @param array<int, ImageRef> $images
	 *
	 * @return array<int, string|GoogleError> By the keys of $images: the bytes, or why there are none.
	 *
	 * @throws GoogleError      A rate limit the backoff stopped waiting for, an outage, or no
	 *                          answer at all: the rest of the batch would fail the same way.
	 * @throws UnreadableSecret
	 */
	public function fetch( array $images ): array {
		$results = array();
		foreach ( array_chunk( $images, self::concurrency(), true ) as $wave ) {
			$results += $this->wave( $wave );
		}
		return $results;
	}

	/**
	 * @param array<int, ImageRef> $images
	 *
	 * @return array<int, string|GoogleError>
	 *
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	private function wave( array $images ): array {
		$files = $this->calls->call_each(
			fn ( string $token, array $keys ): array => $this->api->files_each( $token, self::ids( $images, $keys ), DriveThumbnails::FIELDS ),
			array_keys( $images )
		);
		$results = array();
		$urls    = array();
		foreach ( $files as $key => $file ) {
			if ( $file instanceof ProviderError ) {
				$results[ $key ] = self::google( $file );
				continue;
			}
			try {
				$urls[ $key ] = $this->thumbnails->link( $images[ $key ], $file );
			} catch ( GoogleError $error ) {
				$results[ $key ] = $error;
			}
		}
		$bytes = $this->calls->call_each(
			fn ( string $token, array $keys ): array => $this->api->thumbnails_each( $token, array_intersect_key( $urls, array_flip( $keys ) ) ),
			array_keys( $urls )
		);
		foreach ( $bytes as $key => $answer ) {
			$results[ $key ] = $answer instanceof ProviderError ? self::google( $answer ) : $answer;
		}
		ksort( $results );
		return $results;
	}

	/**
	 * @param array<int, ImageRef> $images
	 * @param list<int>            $keys
	 *
	 * @return array<int, string> Drive file ids by key.
	 */
	private static function ids( array $images, array $keys ): array {
		$ids = array();
		foreach ( $keys as $key ) {
			$ids[ $key ] = $images[ $key ]->file_id;
		}
		return $ids;
	}

	/**
	 * ApiClient only ever fails with GoogleError; the shared layer types its
	 * entries as ProviderError.
	 */
	private static function google( ProviderError $error ): GoogleError {
		return $error instanceof GoogleError ? $error : new GoogleError( $error->kind, $error->http_status, $error->summary, null, $error->retry_after );
	}
}
