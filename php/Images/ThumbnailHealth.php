<?php
/**
 * Whether a provider has been giving thumbnails, for the admin's eyes.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Images;

use CustomerCloudGallery\Gallery\GalleryException;
use CustomerCloudGallery\Providers\Connection;
use CustomerCloudGallery\Providers\Problem;
use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Storage\OptionStore;

/**
 * A connection that can list folders but not fetch photos is not healthy, so
 * the Settings screen and Site Health say so: since when, what the provider
 * answered, and the fix. Only failures of the connection count; a photo that
 * is gone or cannot be rendered (a HEIC, a 30 MB master) is the photo's
 * business, and a rate limit is the provider asking for patience.
 *
 * Plain, nothing secret. Written on the first failure and then at most every
 * few minutes, and on the first success after one: a working site never
 * writes it.
 */
final class ThumbnailHealth {

	private const REWRITE_AFTER = 5 * MINUTE_IN_SECONDS;

	public function __construct( private OptionStore $options ) {}

	public function failed( string $provider, GalleryException $failure ): void {
		if ( in_array( $failure->reason, array( GalleryException::FOLDER_NOT_FOUND, GalleryException::RATE_LIMITED ), true ) ) {
			return;
		}
		$all      = $this->stored();
		$previous = $all[ $provider ] ?? null;
		if ( is_array( $previous ) && (int) ( $previous['last'] ?? 0 ) > time() - self::REWRITE_AFTER ) {
			return;
		}
		$problem          = $failure->problem;
		$all[ $provider ] = array(
			'since'   => is_array( $previous ) ? (int) ( $previous['since'] ?? time() ) : time(),
			'last'    => time(),
			'code'    => null !== $problem ? $problem->code : $failure->reason,
			'message' => null !== $problem ? $problem->message : $failure->getMessage(),
			'fix'     => null !== $problem ? $problem->fix : '',
			'action'  => null !== $problem ? $problem->action : null,
		);
		$this->options->write( Keys::THUMBNAIL_HEALTH, $all );
	}

	public function succeeded( string $provider ): void {
		$all = $this->stored();
		if ( isset( $all[ $provider ] ) ) {
			unset( $all[ $provider ] );
			$this->options->write( Keys::THUMBNAIL_HEALTH, $all );
		}
	}

	/**
	 * The failure as a problem of the connection: null while thumbnails work,
	 * and for failures from before the current grant (a reconnect starts clean).
	 */
	public function problem( Connection $connection ): ?Problem {
		$record = $this->stored()[ $connection->provider ] ?? null;
		if ( ! is_array( $record ) || ! $connection->is_connected() || (int) ( $record['last'] ?? 0 ) < (int) $connection->connected_at ) {
			return null;
		}
		return new Problem(
			'thumbnails_failing',
			sprintf(
				/* translators: 1: provider name, e.g. "Dropbox", 2: date and time, 3: what the provider answered. */
				__( 'Thumbnails from %1$s have been failing since %2$s: %3$s', 'customer-cloud-gallery' ),
				$connection->label,
				wp_date( (string) get_option( 'date_format' ) . ' ' . (string) get_option( 'time_format' ), (int) $record['since'] ),
				(string) ( $record['message'] ?? '' )
			),
			'' !== (string) ( $record['fix'] ?? '' )
				? (string) $record['fix']
				: __( 'Press Test connection to try again.', 'customer-cloud-gallery' ),
			is_string( $record['action'] ?? null ) ? $record['action'] : Problem::ACTION_RETRY
		);
	}

	/**
	 * @return array<string, array<string, mixed>>
	 */
	private function stored(): array {
		$value = $this->options->read( Keys::THUMBNAIL_HEALTH );
		return is_array( $value ) ? $value : array();
	}
}
