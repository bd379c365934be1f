<?php
/**
 * Client of the sandbox Dropbox's JSON control API (tools/sandbox-cloud).
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Support;

use RuntimeException;

/**
 * Plain cURL, not the WordPress HTTP API: this is the test talking to the
 * double's "App Console", not the plugin talking to Dropbox.
 */
final class Sandbox {

	public function __construct( private string $base ) {}

	/**
	 * From CCG_SANDBOX_CONTROL, or null when the tests run without a sandbox.
	 */
	public static function from_environment(): ?self {
		$base = getenv( 'CCG_SANDBOX_CONTROL' );
		return is_string( $base ) && '' !== $base ? new self( rtrim( $base, '/' ) ) : null;
	}

	/**
	 * @param array<string, mixed> $app key, secret, name, redirectUris, accessType, scopes.
	 *
	 * @return array<string, mixed>
	 */
	public function register_app( array $app ): array {
		return $this->call( 'POST', '/dropbox/apps', $app )['app'];
	}

	public function delete_app( string $key ): void {
		$this->call( 'DELETE', '/dropbox/apps/' . rawurlencode( $key ) );
	}

	/**
	 * A Google Cloud OAuth client ("Cloud Console").
	 *
	 * @param array<string, mixed> $client name, redirectUris, publishingStatus, driveApiEnabled.
	 *
	 * @return array{clientId: string, clientSecret: string, name: string}
	 */
	public function register_google_client( array $client ): array {
		return $this->call( 'POST', '/google/clients', $client )['client'];
	}

	public function delete_google_client( string $client_id ): void {
		$this->call( 'DELETE', '/google/clients/' . rawurlencode( $client_id ) );
	}

	public function set_token_lifetime( int $seconds ): void {
		$this->call( 'POST', '/dropbox/settings', array( 'tokenLifetimeSeconds' => $seconds ) );
	}

	/**
	 * Caps the sandbox Dropbox's list_folder pages (and, with $google, Drive's
	 * files.list pages) at $max entries; they still vary and include empty
	 * pages with has_more. Reset by reset_page_entries().
	 */
	public function set_max_page_entries( int $max, bool $google = false ): void {
		$this->call( 'POST', $google ? '/google/settings' : '/dropbox/settings', array( 'maxPageEntries' => $max ) );
	}

	/**
	 * @return int The Dropbox (or Drive) page cap in force.
	 */
	public function max_page_entries( bool $google = false ): int {
		return (int) ( $this->call( 'GET', $google ? '/google/settings' : '/dropbox/settings' )['maxPageEntries'] ?? 0 );
	}

	public function expire_access_tokens(): int {
		return (int) $this->call( 'POST', '/dropbox/tokens/expire' )['expired'];
	}

	/**
	 * Expires every Google access token the sandbox issued.
	 */
	public function expire_google_access_tokens(): int {
		return (int) ( $this->call( 'POST', '/google/tokens/expire' )['expired'] ?? 0 );
	}

	/**
	 * @return list<array<string, mixed>>
	 */
	public function grants( string $app_key ): array {
		$grants = $this->call( 'GET', '/dropbox/grants' )['grants'];
		return array_values( array_filter( $grants, static fn ( array $grant ): bool => $grant['appKey'] === $app_key ) );
	}

	/**
	 * @param array<string, mixed> $spec route, kind (status|latency|drop), status, retryAfter, body, latencyMs, count.
	 */
	public function add_fault( array $spec ): void {
		$this->call( 'POST', '/faults', $spec );
	}

	public function clear_faults(): void {
		$this->call( 'DELETE', '/faults' );
	}

	public function reset_request_counts(): void {
		$this->call( 'POST', '/requests' );
	}

	/**
	 * Requests the sandbox received for one route key, e.g. "oauth2/token".
	 */
	public function requests( string $route ): int {
		return (int) ( $this->call( 'GET', '/requests' )['counts'][ $route ] ?? 0 );
	}

	/**
	 * Requests to every route since the last reset.
	 */
	public function total_requests(): int {
		return (int) ( $this->call( 'GET', '/requests' )['total'] ?? 0 );
	}

	/**
	 * The most requests of one route key that were in flight at once since
	 * the last reset, e.g. "google/thumbnail" or "files/get_thumbnail_batch".
	 */
	public function max_in_flight( string $route ): int {
		return (int) ( $this->call( 'GET', '/requests' )['maxInFlight'][ $route ] ?? 0 );
	}

	/**
	 * @return array<string, int> Requests per route since the last reset.
	 */
	public function request_counts(): array {
		return $this->call( 'GET', '/requests' )['counts'];
	}

	/**
	 * The sample library's manifest (paths by role, counts).
	 *
	 * @return array<string, mixed>
	 */
	public function library(): array {
		return $this->call( 'GET', '/library' );
	}

	/**
	 * Where the library lives on disk, to move folders around behind Dropbox's back.
	 */
	public function library_dir(): string {
		return (string) $this->call( 'GET', '/' )['libraryDir'];
	}

	/**
	 * Adds or replaces a library file with a copy of another library file's
	 * bytes: both providers see a new revision of it.
	 */
	public function put_file( string $path, string $copy_of ): string {
		return (string) $this->call(
			'PUT',
			'/library/files',
			array(
				'path'   => $path,
				'copyOf' => $copy_of,
			)
		)['change']['kind'];
	}

	/**
	 * Every Dropbox webhook delivery so far, once those under way have finished.
	 *
	 * @return list<array{appKey: string, uri: string, outcome: string, status: int|null, body: string, path: string}>
	 */
	public function webhook_deliveries(): array {
		return $this->call( 'GET', '/dropbox/webhooks' )['deliveries'];
	}

	public function delete_file( string $path ): void {
		$this->call( 'DELETE', '/library/files', array( 'path' => $path ) );
	}

	/**
	 * @param array<string, mixed>|null $body
	 *
	 * @return array<string, mixed>
	 */
	private function call( string $method, string $path, ?array $body = null ): array {
		$response = Http::request( $method, $this->base . $path, null === $body ? array() : array( 'Content-Type' => 'application/json' ), null === $body ? null : (string) json_encode( $body ) );
		$json     = json_decode( $response['body'], true );
		if ( $response['status'] >= 400 || ! is_array( $json ) ) {
			throw new RuntimeException( "Sandbox control {$method} {$path} answered {$response['status']}: {$response['body']}" );
		}
		return $json;
	}
}
