<?php
/**
 * One HTTP response from a provider, as received.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Http;

final class HttpResponse {

	/**
	 * @param array<string, string> $headers Lower-cased names.
	 */
	public function __construct(
		public readonly int $status,
		private array $headers,
		public readonly string $body
	) {}

	public function header( string $name ): ?string {
		return $this->headers[ strtolower( $name ) ] ?? null;
	}

	/**
	 * The body as JSON whatever the Content-Type says: Dropbox's token
	 * endpoint answers JSON labelled text/javascript.
	 *
	 * @return array<string, mixed>|null Null unless the body is a JSON object.
	 */
	public function json_object(): ?array {
		$decoded = json_decode( $this->body, true );
		return is_array( $decoded ) ? $decoded : null;
	}
}
