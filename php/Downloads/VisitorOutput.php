<?php
/**
 * Sends a download to the visitor as it is produced.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Downloads;

/**
 * Output buffers would hold the whole download (and zlib compression would
 * too), so they are closed before the first byte; each chunk is flushed to
 * the web server at once. No cookie or session header of WordPress's goes
 * out with a file.
 */
final class VisitorOutput {

	private bool $started = false;

	/**
	 * @param array<string, string> $headers
	 */
	public function start( int $status, array $headers ): void {
		if ( $this->started ) {
			return;
		}
		$this->started = true;
		while ( ob_get_level() > 0 ) {
			ob_end_clean();
		}
		if ( function_exists( 'set_time_limit' ) ) {
			set_time_limit( 0 );
		}
		// phpcs:ignore WordPress.PHP.IniSet.Risky -- a ZIP is never compressed by PHP on the way out.
		ini_set( 'zlib.output_compression', '0' );
		if ( ! headers_sent() ) {
			header_remove( 'Set-Cookie' );
			header_remove( 'Pragma' );
			header_remove( 'Expires' );
			status_header( $status );
			foreach ( $headers as $name => $value ) {
				header( $name . ': ' . $value );
			}
		}
	}

	public function started(): bool {
		return $this->started;
	}

	/**
	 * @return bool False once the visitor has gone.
	 */
	public function write( string $bytes ): bool {
		echo $bytes; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- file bytes, sent as an attachment with nosniff.
		flush();
		return 0 === connection_aborted();
	}

	/**
	 * Content-Disposition for $name: an ASCII fallback and the UTF-8 name (RFC 6266).
	 */
	public static function attachment( string $name ): string {
		$ascii = (string) preg_replace( '/[^A-Za-z0-9 ._()-]/', '_', $name );
		return 'attachment; filename="' . $ascii . '"; filename*=UTF-8\'\'' . rawurlencode( $name );
	}
}
