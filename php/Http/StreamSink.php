<?php
/**
 * Where a streamed response's body goes, chunk by chunk.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Http;

interface StreamSink {

	/**
	 * Called once, when the provider's headers are in and before any byte
	 * of its body.
	 *
	 * @param array<string, string> $headers Lower-cased names.
	 *
	 * @return bool Whether to receive the body; false leaves it to the
	 *              transport, which keeps a short error body for the caller.
	 */
	public function open( int $status, array $headers ): bool;

	/**
	 * @return bool False stops the transfer (the visitor left, a limit was reached).
	 */
	public function write( string $bytes ): bool;
}
