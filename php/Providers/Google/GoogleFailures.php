<?php
/**
 * Translates Google failures into gallery failures with stable codes.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Gallery\GalleryException;

final class GoogleFailures {

	/** A day's quota is gone: nothing is worth retrying within the hour. */
	private const QUOTA_RETRY_AFTER = HOUR_IN_SECONDS;

	public function __construct( private Diagnosis $diagnosis ) {}

	public function from_error( GoogleError $error ): GalleryException {
		$problem = $this->diagnosis->from_error( $error );
		return match ( $error->kind ) {
			// Drive answers 404 for files this account cannot see, and a
			// file-level 403 (insufficientFilePermissions…) means the same.
			GoogleError::NOT_FOUND => GalleryException::not_found( GoogleDescription::label_text() ),
			GoogleError::FORBIDDEN => 'domainPolicy' === $error->reason
				? new GalleryException( GalleryException::NOT_CONNECTED, $problem->message, 409, $problem )
				: GalleryException::not_found( GoogleDescription::label_text() ),
			GoogleError::RATE_LIMITED => new GalleryException( GalleryException::RATE_LIMITED, $problem->message, 429, $problem, $error->retry_after ?? Diagnosis::DEFAULT_RETRY_AFTER ),
			GoogleError::QUOTA_EXHAUSTED => new GalleryException( GalleryException::RATE_LIMITED, $problem->message, 429, $problem, self::QUOTA_RETRY_AFTER ),
			GoogleError::UNAVAILABLE => new GalleryException( GalleryException::UNREACHABLE, $this->diagnosis->unreachable()->message, 503, $this->diagnosis->unreachable(), $error->retry_after ),
			// Visitors read that Drive is unreachable; the admin reads what it answered.
			GoogleError::UNEXPECTED, GoogleError::BAD_REQUEST => new GalleryException( GalleryException::UNREACHABLE, $this->diagnosis->unreachable()->message, 503, $problem, $error->retry_after ),
			GoogleError::INSUFFICIENT_SCOPE => new GalleryException( GalleryException::MISSING_SCOPE, $problem->message, 403, $problem ),
			default => new GalleryException( GalleryException::NOT_CONNECTED, $problem->message, 409, $problem ),
		};
	}

	/**
	 * The stored grant cannot be decrypted (changed salts).
	 */
	public function unreadable(): GalleryException {
		$problem = $this->diagnosis->credentials_unreadable( true );
		return new GalleryException( GalleryException::NOT_CONNECTED, $problem->message, 409, $problem );
	}
}
