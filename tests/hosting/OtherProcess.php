<?php
/**
 * Runs PHP in a second process with the same site loaded: what another
 * request (another PHP-FPM worker, another web node) sees of the cache.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Hosting;

final class OtherProcess {

	/**
	 * Starts `$code` (WordPress loaded) without waiting; returns the process.
	 *
	 * @return array{0: resource, 1: array<int, resource>}
	 */
	public static function start( string $code ): array {
		$script  = '$_SERVER["HTTP_HOST"] = "localhost"; $_SERVER["REQUEST_URI"] = "/";'
			. 'require getenv("CCG_WP_PATH") . "/wp-load.php";' . $code;
		$process = proc_open(
			array( PHP_BINARY, '-d', 'display_errors=stderr', '-r', $script ),
			array( 1 => array( 'pipe', 'w' ), 2 => array( 'pipe', 'w' ) ),
			$pipes
		);
		if ( ! is_resource( $process ) ) {
			throw new \RuntimeException( 'Could not start a PHP process.' );
		}
		return array( $process, $pipes );
	}

	/**
	 * Waits for a started process; returns what it printed, or throws with its errors.
	 *
	 * @param array{0: resource, 1: array<int, resource>} $started From start().
	 */
	public static function finish( array $started ): string {
		[ $process, $pipes ] = $started;
		$out  = stream_get_contents( $pipes[1] );
		$err  = stream_get_contents( $pipes[2] );
		$code = proc_close( $process );
		if ( 0 !== $code ) {
			throw new \RuntimeException( "Other process failed ({$code}): {$err}{$out}" );
		}
		return (string) $out;
	}

	public static function run( string $code ): string {
		return self::finish( self::start( $code ) );
	}
}
