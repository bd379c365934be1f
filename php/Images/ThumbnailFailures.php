<?php
/**
 * Remembers thumbnails the provider would not give, and when to ask again.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Images;

use CustomerCloudGallery\Cache\TransientPrimer;
use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Storage\Keys;

/**
 * One transient per photo and size, so every web server sharing the database
 * or object cache knows it, and nothing is written while thumbnails work.
 * While a failure is remembered, a view of the photo's page costs no provider
 * call: the photo is served as a placeholder, which is never cached as it.
 * Each further failure doubles the wait, up to a ceiling: a photo that was
 * deleted is asked about twice a day, not on every view.
 */
final class ThumbnailFailures {

	/** First wait, by failure; later waits double. */
	private const FIRST_WAIT = array(
		GalleryException::FOLDER_NOT_FOUND => 15 * MINUTE_IN_SECONDS,
		GalleryException::RATE_LIMITED     => MINUTE_IN_SECONDS,
	);

	private const DEFAULT_FIRST_WAIT = 2 * MINUTE_IN_SECONDS;

	private const LONGEST_WAIT = 12 * HOUR_IN_SECONDS;

	/** How long the attempt count outlives the wait, so waits keep growing. */
	private const MEMORY = DAY_IN_SECONDS;

	/**
	 * The failure to answer with while the photo is not to be asked for.
	 */
	public function pending( ImageRef $image ): ?GalleryException {
		$record = $this->read( $image );
		if ( null === $record || $record['until'] <= time() ) {
			return null;
		}
		return new GalleryException( $record['reason'], $record['message'], $record['status'], null, $record['until'] - time() );
	}

	/**
	 * Those of $images not waiting out a failure, in their order. What is
	 * remembered of them is read in one round trip (TransientPrimer), not one
	 * per photo: a cold page's first miss checks the runs it fetches, 100
	 * photos, before it asks the provider, and one query each cost more than
	 * the call.
	 *
	 * @param list<ImageRef> $images
	 *
	 * @return list<ImageRef>
	 */
	public function askable( array $images ): array {
		$maybe = TransientPrimer::prime( array_map( fn ( ImageRef $image ): string => $this->key( $image ), $images ) );
		return array_values( array_filter( $images, fn ( ImageRef $image ): bool => ! isset( $maybe[ $this->key( $image ) ] ) || null === $this->pending( $image ) ) );
	}

	public function remember( ImageRef $image, GalleryException $failure ): void {
		$attempts = ( $this->read( $image )['attempts'] ?? 0 ) + 1;
		$wait     = (int) min( self::LONGEST_WAIT, ( self::FIRST_WAIT[ $failure->reason ] ?? self::DEFAULT_FIRST_WAIT ) * 2 ** ( $attempts - 1 ) );
		if ( GalleryException::RATE_LIMITED === $failure->reason ) {
			$wait = max( $wait, (int) $failure->retry_after );
		}
		set_transient(
			$this->key( $image ),
			array(
				'reason'   => $failure->reason,
				'message'  => $failure->getMessage(),
				'status'   => $failure->http_status,
				'attempts' => $attempts,
				'until'    => time() + $wait,
			),
			$wait + self::MEMORY
		);
	}

	/**
	 * The provider gave the photo: forget it failed (only if it had).
	 */
	public function forget( ImageRef $image ): void {
		if ( null !== $this->read( $image ) ) {
			delete_transient( $this->key( $image ) );
		}
	}

	/**
	 * @return array{reason: string, message: string, status: int, attempts: int, until: int}|null
	 */
	private function read( ImageRef $image ): ?array {
		$value = get_transient( $this->key( $image ) );
		if ( ! is_array( $value ) || ! is_string( $value['reason'] ?? null ) || ! is_int( $value['until'] ?? null ) ) {
			return null;
		}
		return array(
			'reason'   => $value['reason'],
			'message'  => is_string( $value['message'] ?? null ) ? $value['message'] : '',
			'status'   => is_int( $value['status'] ?? null ) ? $value['status'] : 503,
			'attempts' => is_int( $value['attempts'] ?? null ) ? $value['attempts'] : 1,
			'until'    => $value['until'],
		);
	}

	private function key( ImageRef $image ): string {
		return Keys::THUMBNAIL_FAILURE_PREFIX . substr( $image->hash(), 0, 32 );
	}
}
