<?php
/**
 * The short pages a download link answers when it cannot give the file.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Downloads;

/**
 * A visitor follows a download link in the browser, so a refusal is a page
 * that says what happened and where to go, not a bare status. Nothing on it
 * says which photo or folder a link was for.
 */
final class DownloadPages {

	/**
	 * @param string|null $back       Where the gallery is (the post the link was on).
	 * @param int|null    $retry_after Seconds, for a 429 or 503.
	 */
	public function send( int $status, string $title, string $message, ?string $back = null, ?int $retry_after = null ): void {
		if ( ! headers_sent() ) {
			header_remove( 'Set-Cookie' );
			status_header( $status );
			header( 'Content-Type: text/html; charset=utf-8' );
			header( 'Cache-Control: no-store' );
			header( 'X-Content-Type-Options: nosniff' );
			header( 'X-Robots-Tag: noindex' );
			if ( null !== $retry_after ) {
				header( 'Retry-After: ' . $retry_after );
			}
		}
		echo $this->html( $title, $message, $back ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped in html().
	}

	public function html( string $title, string $message, ?string $back ): string {
		$link = null === $back ? '' : sprintf( '<p><a href="%s">%s</a></p>', esc_url( $back ), esc_html__( 'Back to the gallery', 'customer-cloud-gallery' ) );
		return sprintf(
			'<!DOCTYPE html><html lang="%1$s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>%2$s</title></head><body style="font:1.1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1e1e1e;background:#fff"><main><h1>%2$s</h1><p>%3$s</p>%4$s</main></body></html>',
			esc_attr( get_bloginfo( 'language' ) ),
			esc_html( $title ),
			esc_html( $message ),
			$link
		);
	}
}
