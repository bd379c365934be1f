<?php
/**
 * What the thumbnail endpoint answers, before it is sent.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Images;

final class ImageResponse {

	/**
	/** A neutral grey 4:3 tile: what a photo that cannot be shown looks like. */
	private const PLACEHOLDER = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3"><rect width="4" height="3" fill="#e0e0e0"/></svg>';

	/**
	 * @param array<string, string> $headers
	 * @param string|null           $file    A file to send as the body.
	 * @param string|null           $body    Or the body itself.
	 */
	public function __construct(
		public readonly int $status,
		public readonly array $headers,
		public readonly ?string $file = null,
		public readonly ?string $body = null
	) {}

	/**
	 * Instead of a broken image when the provider cannot give the thumbnail: a
	 * grey tile, never stored for long, so the photo appears once it can.
	 *
	 * @param int      $max_age     Seconds caches may keep the tile (0: not at all).
	 * @param int|null $retry_after Seconds the provider asked us to wait.
	 */
	public static function placeholder( int $max_age, ?int $retry_after = null ): self {
		$headers = array(
			'Cache-Control'          => $max_age > 0 ? 'public, max-age=' . $max_age : 'no-store',
			'Content-Type'           => 'image/svg+xml',
			'Content-Length'         => (string) strlen( self::PLACEHOLDER ),
			'X-Content-Type-Options' => 'nosniff',
		);
		if ( null !== $retry_after ) {
			$headers['Retry-After'] = (string) $retry_after;
		}
		return new self( 200, $headers, null, self::PLACEHOLDER );
	}

	public static function error( int $status, ?int $retry_after = null ): self {
		$headers = array(
			'Cache-Control' => 'no-store',
			'Content-Type'  => 'text/plain; charset=utf-8',
		);
		if ( null !== $retry_after ) {
			$headers['Retry-After'] = (string) $retry_after;
		}
		return new self( $status, $headers );
	}

	/**
	 * Sends it; no cookie, no session, nothing else of WordPress's.
	 */
	public function send(): void {
		if ( ! headers_sent() ) {
			header_remove( 'Set-Cookie' );
			header_remove( 'Pragma' );
			header_remove( 'Expires' );
			status_header( $this->status );
			foreach ( $this->headers as $name => $value ) {
				header( $name . ': ' . $value );
			}
		}
		if ( 200 !== $this->status ) {
			return;
		}
		if ( null !== $this->file ) {
			readfile( $this->file );
		} elseif ( null !== $this->body ) {
			echo $this->body; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a constant image, not HTML.
		}
	}
}
