<?php
/**
 * Proves that this site's web server hands a missing thumbnail file to WordPress.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Images;

use CustomerCloudGallery\Cache\ThumbnailDiskCache;
use CustomerCloudGallery\Storage\EncryptionKey;
use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Storage\OptionStore;

/**
 * Static thumbnail URLs are only safe where a request for a file that is
 * not there (never fetched, evicted, cache cleared) reaches WordPress, as
 * WordPress's own rewrite rules do on Apache (`!-f` → index.php) and the
 * usual nginx `try_files $uri $uri/ /index.php?$args`. An nginx location
 * that answers image extensions itself, a CDN or an offloaded uploads
 * folder would answer 404 instead, so this is tested, not assumed: a
 * loopback request for a probe file that does not exist must come back
 * from this plugin (which writes the file), and a second request must get
 * the file's bytes. The result is an option; WP-Cron repeats the check
 * daily, and at once after the permalinks, the uploads location or the
 * site address change, Settings → Permalinks is saved, or the plugin is
 * (re)activated. Until a check has passed, images keep their
 * `/?ccg_image=` URLs.
 *
 * The probe's name is a nonce and its HMAC ("probe|" + nonce, a message no
 * image token can be), so only this site can make the plugin write a probe
 * file; no provider is ever asked for one.
 */
final class FallbackProbe {

	public const HOOK = 'ccg_check_static_images';

	/** The folder of probe files under ThumbnailDiskCache::STATIC_DIR. */
	public const DIR = 'probe';

	public const HEADER = 'X-CCG-Probe';

	/** A 1×1 grey JPEG: what the probe file holds. */
	private const BODY = '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=';

	/** Changes that can move uploads or change how the web server routes them. */
	private const WATCHED_OPTIONS = array( 'permalink_structure', 'upload_path', 'upload_url_path', 'home', 'siteurl' );

	public function __construct( private ThumbnailDiskCache $disk, private EncryptionKey $key, private OptionStore $options ) {}

	public function register(): void {
		add_action( self::HOOK, array( $this, 'run' ) );
		add_action( 'init', array( $this, 'schedule' ) );
		foreach ( self::WATCHED_OPTIONS as $option ) {
			add_action( 'update_option_' . $option, array( $this, 'recheck' ) );
		}
		add_action( 'load-options-permalink.php', array( $this, 'recheck_on_save' ) );
	}

	/**
	 * Saving Settings → Permalinks, changed or not, is what admins do when
	 * URLs misbehave (it rewrites .htaccess): check again then too.
	 */
	public function recheck_on_save(): void {
		if ( isset( $_SERVER['REQUEST_METHOD'] ) && 'POST' === $_SERVER['REQUEST_METHOD'] ) {
			$this->recheck();
		}
	}

	/**
	 * Whether the last check passed for the uploads URL in use now.
	 */
	public function passed(): bool {
		$result = $this->result();
		return null !== $result && true === $result['ok'] && $this->disk->base_url() === $result['base'];
	}

	/**
	 * The last check: ok, the uploads URL it tested, whether the second
	 * request was served without PHP, when, and what went wrong.
	 *
	 * @return array{ok: bool, base: string, static: bool, checked: int, detail: string}|null
	 */
	public function result(): ?array {
		$result = $this->options->read( Keys::STATIC_IMAGES );
		return is_array( $result ) && isset( $result['ok'], $result['base'], $result['static'], $result['checked'], $result['detail'] ) ? $result : null;
	}

	/**
	 * Daily, and as soon as possible while there is no result.
	 */
	public function schedule(): void {
		if ( false === wp_next_scheduled( self::HOOK ) ) {
			wp_schedule_event( time() + ( null === $this->result() ? 0 : DAY_IN_SECONDS ), 'daily', self::HOOK );
		}
	}

	/**
	 * Back to query URLs until a new check passes, and check soon.
	 */
	public function recheck(): void {
		self::forget();
		wp_schedule_event( time(), 'daily', self::HOOK );
	}

	/**
	 * On activation and deactivation: the next request schedules a check.
	 */
	public static function forget(): void {
		wp_clear_scheduled_hook( self::HOOK );
		delete_option( Keys::STATIC_IMAGES );
	}

	/**
	 * WP-Cron (and the bench): the two loopback requests; stores the result.
	 *
	 * @return array{ok: bool, base: string, static: bool, checked: int, detail: string}
	 */
	public function run(): array {
		$nonce = strtolower( wp_generate_password( 20, false ) );
		$name  = $nonce . '.' . $this->sign( $nonce );
		$url   = $this->disk->base_url() . '/' . ThumbnailDiskCache::STATIC_DIR . '/' . self::DIR . '/' . $name . '.jpg';
		$args  = array(
			'timeout'     => 10,
			'redirection' => 0,
			/** This filter is documented in wp-includes/class-wp-http-streams.php */
			'sslverify'   => (bool) apply_filters( 'https_local_ssl_verify', false ),
		);

		$static = false;
		$first  = wp_remote_get( $url, $args );
		$detail = $this->problem( $first, $nonce );
		if ( '' === $detail ) {
			$second = wp_remote_get( $url, $args );
			$detail = $this->problem( $second, null );
			$static = '' === $detail && '' === wp_remote_retrieve_header( $second, self::HEADER );
		}
		@unlink( $this->path( $name ) ); // phpcs:ignore WordPress.PHP.NoSilencedErrors -- not written when the first request failed.

		$result = array(
			'ok'      => '' === $detail,
			'base'    => $this->disk->base_url(),
			'static'  => $static,
			'checked' => time(),
			'detail'  => $detail,
		);
		update_option( Keys::STATIC_IMAGES, $result, true );
		return $result;
	}

	/**
	 * Answers a request for a probe file that is not there: writes it, so
	 * the next request shows whether the web server serves files that exist.
	 *
	 * @param string $name The file name without ".jpg".
	 */
	public function answer( string $name ): ImageResponse {
		if ( 1 !== preg_match( '/^([a-z0-9]{20})\.([A-Za-z0-9_-]{43})$/', $name, $match ) || ! hash_equals( $this->sign( $match[1] ), $match[2] ) ) {
			return ImageResponse::error( 403 );
		}
		$body = (string) base64_decode( self::BODY, true );
		$path = $this->path( $name );
		if ( ! wp_mkdir_p( dirname( $path ) ) || strlen( $body ) !== file_put_contents( $path, $body ) ) {
			return ImageResponse::error( 500 );
		}
		return new ImageResponse(
			200,
			array(
				'Cache-Control'          => 'no-store',
				'Content-Type'           => 'image/jpeg',
				'Content-Length'         => (string) strlen( $body ),
				'X-Content-Type-Options' => 'nosniff',
				self::HEADER             => $match[1],
			),
			null,
			$body
		);
	}

	private function path( string $name ): string {
		return $this->disk->dir() . '/' . ThumbnailDiskCache::STATIC_DIR . '/' . self::DIR . '/' . $name . '.jpg';
	}

	private function sign( string $nonce ): string {
		return rtrim( strtr( base64_encode( hash_hmac( 'sha256', 'probe|' . $nonce, $this->key->signing_key(), true ) ), '+/', '-_' ), '=' );
	}

	/**
	 * What is wrong with a probe answer; '' when nothing is.
	 *
	 * @param array<string, mixed>|\WP_Error $response
	 * @param string|null                    $nonce    The header the plugin must have sent; null when any sender will do.
	 */
	private function problem( array|\WP_Error $response, ?string $nonce ): string {
		if ( is_wp_error( $response ) ) {
			return 'request failed: ' . $response->get_error_message();
		}
		$status = (int) wp_remote_retrieve_response_code( $response );
		if ( 200 !== $status ) {
			return 'HTTP ' . $status . ( null === $nonce ? ' for a file that exists' : ' for a missing file (the web server did not hand it to WordPress)' );
		}
		if ( null !== $nonce && wp_remote_retrieve_header( $response, self::HEADER ) !== $nonce ) {
			return 'a missing file was answered, but not by this plugin';
		}
		if ( wp_remote_retrieve_body( $response ) !== base64_decode( self::BODY, true ) ) {
			return 'the answer did not hold the probe file';
		}
		if ( ! str_starts_with( (string) wp_remote_retrieve_header( $response, 'content-type' ), 'image/jpeg' ) ) {
			return 'served as ' . wp_remote_retrieve_header( $response, 'content-type' ) . ', not image/jpeg';
		}
		return '';
	}
}
