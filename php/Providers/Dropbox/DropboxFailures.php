<?php
/**
 * Translates Dropbox failures into gallery failures with stable codes.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

use CustomerCloudGallery\Gallery\GalleryException;

final class DropboxFailures {

	public function __construct( private Diagnosis $diagnosis ) {}

	public function from_error( DropboxError $error ): GalleryException {
		$problem = $this->diagnosis->from_error( $error );
		return match ( $error->kind ) {
			DropboxError::NOT_FOUND => GalleryException::not_found( DropboxDescription::label_text() ),
			DropboxError::RATE_LIMITED => new GalleryException( GalleryException::RATE_LIMITED, $problem->message, 429, $problem, $error->retry_after ?? 1 ),
			DropboxError::UNAVAILABLE => new GalleryException( GalleryException::UNREACHABLE, $this->diagnosis->unreachable()->message, 503, $this->diagnosis->unreachable(), $error->retry_after ),
			// Visitors read that Dropbox is unreachable; the admin reads what it answered.
			DropboxError::UNEXPECTED => new GalleryException( GalleryException::UNREACHABLE, $this->diagnosis->unreachable()->message, 503, $problem, $error->retry_after ),
			DropboxError::MISSING_SCOPE => new GalleryException( GalleryException::MISSING_SCOPE, $problem->message, 403, $problem ),
			// Any other lookup failure (not_folder, restricted_content, malformed_path…) means the folder cannot be reached.
			DropboxError::CONFLICT => str_starts_with( (string) $error->tag, 'path/' ) ? GalleryException::not_found( DropboxDescription::label_text() ) : new GalleryException( GalleryException::UNREACHABLE, $problem->message, 503, $problem ),
			default => new GalleryException( GalleryException::NOT_CONNECTED, $problem->message, 409, $problem ),
		};
	}

	/**
	 * For a thumbnail, any conflict (gone, unsupported_extension,
	 * unsupported_image, conversion_error) means this photo cannot be shown.
	 */
	public function from_thumbnail_error( DropboxError $error ): GalleryException {
		if ( DropboxError::CONFLICT === $error->kind ) {
			return GalleryException::not_found( DropboxDescription::label_text() );
		}
		return $this->from_error( $error );
	}

	/**
	 * The stored grant cannot be decrypted (changed salts).
	 */
	public function unreadable(): GalleryException {
		$problem = $this->diagnosis->credentials_unreadable( true );
		return new GalleryException( GalleryException::NOT_CONNECTED, $problem->message, 409, $problem );
	}
}
