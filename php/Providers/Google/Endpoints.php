<?php
/**
 * Google's base URLs, overridable so tests and doubles can stand in.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

final class Endpoints {

	/** Where Drive's thumbnailLink URLs live in production. */
	public const THUMBNAIL_DOMAIN = 'googleusercontent.com';

	/**
	 * @param bool $any_thumbnail_host Whether thumbnail links may point anywhere (a sandbox or double).
	 */
	public function __construct(
		private string $auth_base,
		private string $token_base,
		private string $api_base,
		private bool $any_thumbnail_host = false
	) {}

	/**
	 * CCG_GOOGLE_AUTH_BASE, CCG_GOOGLE_TOKEN_BASE and CCG_GOOGLE_API_BASE
	 * (wp-config.php) point the plugin at another server, e.g. a sandbox.
	 * A defined CCG_GOOGLE_API_BASE also lets thumbnail links point at the
	 * stand-in's own host.
	 */
	public static function from_constants(): self {
		return new self(
			self::constant( 'CCG_GOOGLE_AUTH_BASE', 'https://accounts.google.com' ),
			self::constant( 'CCG_GOOGLE_TOKEN_BASE', 'https://oauth2.googleapis.com' ),
			self::constant( 'CCG_GOOGLE_API_BASE', 'https://www.googleapis.com' ),
			'' !== self::constant( 'CCG_GOOGLE_API_BASE', '' )
		);
	}

	public function authorize(): string {
		return $this->auth_base . '/o/oauth2/v2/auth';
	}

	public function token(): string {
		return $this->token_base . '/token';
	}

	public function revoke(): string {
		return $this->token_base . '/revoke';
	}

	/**
	 * A Drive v3 route with its query, e.g. drive( 'files', array( 'q' => … ) ).
	 *
	 * @param array<string, string|int> $query
	 */
	public function drive( string $route, array $query = array() ): string {
		$url = $this->api_base . '/drive/v3/' . $route;
		return array() === $query ? $url : $url . '?' . http_build_query( $query, '', '&', PHP_QUERY_RFC3986 );
	}

	/**
	 * Whether the access token may be sent to a thumbnailLink. Drive hands
	 * out absolute URLs on another host; the Bearer header goes only to
	 * https://*.googleusercontent.com, so a tampered or unexpected link can
	 * never collect the token. With CCG_GOOGLE_API_BASE defined (a sandbox
	 * or contract double an admin configured) any http(s) URL is followed.
	 */
	public function allows_thumbnail_link( string $url ): bool {
		$parts  = wp_parse_url( $url );
		$scheme = is_array( $parts ) ? strtolower( (string) ( $parts['scheme'] ?? '' ) ) : '';
		$host   = is_array( $parts ) ? strtolower( (string) ( $parts['host'] ?? '' ) ) : '';
		if ( '' === $host ) {
			return false;
		}
		if ( $this->any_thumbnail_host ) {
			return in_array( $scheme, array( 'http', 'https' ), true );
		}
		return 'https' === $scheme && ( self::THUMBNAIL_DOMAIN === $host || str_ends_with( $host, '.' . self::THUMBNAIL_DOMAIN ) );
	}

	private static function constant( string $name, string $fallback ): string {
		$value = defined( $name ) ? constant( $name ) : '';
		return untrailingslashit( is_string( $value ) && '' !== $value ? $value : $fallback );
	}
}
