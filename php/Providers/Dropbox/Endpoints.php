<?php
/**
 * Dropbox's base URLs, overridable so tests and doubles can stand in.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

final class Endpoints {

	public function __construct(
		private string $auth_base,
		private string $api_base,
		private string $content_base
	) {}

	/**
	 * CCG_DROPBOX_AUTH_BASE, CCG_DROPBOX_API_BASE and CCG_DROPBOX_CONTENT_BASE
	 * (wp-config.php) point the plugin at another server, e.g. a sandbox.
	 */
	public static function from_constants(): self {
		return new self(
			self::constant( 'CCG_DROPBOX_AUTH_BASE', 'https://www.dropbox.com' ),
			self::constant( 'CCG_DROPBOX_API_BASE', 'https://api.dropboxapi.com' ),
			self::constant( 'CCG_DROPBOX_CONTENT_BASE', 'https://content.dropboxapi.com' )
		);
	}

	public function authorize(): string {
		return $this->auth_base . '/oauth2/authorize';
	}

	public function token(): string {
		return $this->api_base . '/oauth2/token';
	}

	/** An RPC route on the API host, e.g. "files/list_folder". */
	public function rpc( string $route ): string {
		return $this->api_base . '/2/' . $route;
	}

	/** A route on the content host (thumbnails, downloads). */
	public function content( string $route ): string {
		return $this->content_base . '/2/' . $route;
	}

	private static function constant( string $name, string $fallback ): string {
		$value = defined( $name ) ? constant( $name ) : '';
		return untrailingslashit( is_string( $value ) && '' !== $value ? $value : $fallback );
	}
}
