<?php
/**
 * A download sink that reads the body and keeps none of it.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Conformance;

use CustomerCloudGallery\Http\StreamSink;

final class DiscardSink implements StreamSink {

	public function open( int $status, array $headers ): bool {
		return 200 === $status || 206 === $status;
	}

	public function write( string $bytes ): bool {
		return true;
	}
}
