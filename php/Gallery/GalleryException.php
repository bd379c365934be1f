<?php
/**
 * A gallery could not be browsed or shown, for a reason with a stable code.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Gallery;

use CustomerCloudGallery\Providers\Problem;
use RuntimeException;

final class GalleryException extends RuntimeException {

	public const OUTSIDE_ROOT     = 'outside_root';
	public const FOLDER_NOT_FOUND = 'folder_not_found';
	public const NOT_CONNECTED    = 'not_connected';
	public const UNREACHABLE      = 'unreachable';
	public const RATE_LIMITED     = 'rate_limited';
	public const MISSING_SCOPE    = 'missing_scope';
	public const NO_GALLERY_ROOT  = 'no_gallery_folder';

	/**
	 * @param string       $reason      One of the constants above.
	 * @param int          $http_status The REST status.
	 * @param Problem|null $problem     The connection diagnosis, for people who can fix it.
	 */
	public function __construct(
		public readonly string $reason,
		string $message,
		public readonly int $http_status,
		public readonly ?Problem $problem = null,
		public readonly ?int $retry_after = null
	) {
		parent::__construct( $message );
	}

	/**
	 * Whether cached data may stand in (the cloud is only temporarily unhelpful).
	 */
	public function is_transient(): bool {
		return in_array( $this->reason, array( self::UNREACHABLE, self::RATE_LIMITED ), true );
	}

	public static function outside_root(): self {
		return new self( self::OUTSIDE_ROOT, __( 'This folder is outside the folder galleries may come from.', 'customer-cloud-gallery' ), 403 );
	}

	/**
	 * The provider refused this site's grant longer ago than the grace period.
	 *
	 * @param string $provider_label The provider's name, e.g. "Dropbox".
	 */
	public static function access_withdrawn( string $provider_label ): self {
		return new self(
			self::NOT_CONNECTED,
			/* translators: %s: provider name, e.g. "Dropbox". */
			sprintf( __( '%s no longer gives this site access to these photos. An administrator can connect it again in Customer Cloud Gallery → Settings.', 'customer-cloud-gallery' ), $provider_label ),
			409
		);
	}

	/**
	 * Someone who cannot manage connections, on a provider whose gallery
	 * folder the administrator has not chosen: the whole account is theirs
	 * to browse only once an administrator chose where galleries may come from.
	 *
	 * @param string $provider_label The provider's name, e.g. "Dropbox".
	 */
	public static function no_gallery_root( string $provider_label ): self {
		return new self(
			self::NO_GALLERY_ROOT,
			/* translators: %s: provider name, e.g. "Dropbox". */
			sprintf( __( 'Ask an administrator to choose the gallery folder for %s in Customer Cloud Gallery → Settings.', 'customer-cloud-gallery' ), $provider_label ),
			403
		);
	}

	/**
	 * @param string $provider_label The provider's name, e.g. "Dropbox".
	 */
	public static function not_found( string $provider_label ): self {
		return new self(
			self::FOLDER_NOT_FOUND,
			/* translators: %s: provider name, e.g. "Dropbox". */
			sprintf( __( 'This folder no longer exists in %s or is out of reach.', 'customer-cloud-gallery' ), $provider_label ),
			404
		);
	}
}
