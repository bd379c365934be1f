<?php
/**
 * What this site knows about its connection to one cloud provider.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers;

/**
 * Provider-neutral and free of secrets by construction: nothing here may be
 * withheld from the browser except what the REST layer filters by capability
 * (credentials and the redirect URI).
 */
final class Connection {

	public const STATUS_UNCONFIGURED    = 'unconfigured';
	public const STATUS_READY           = 'ready';
	public const STATUS_CONNECTED       = 'connected';
	public const STATUS_NEEDS_ATTENTION = 'needs_attention';

	/**
	 * @param array<string, string|bool>|null         $credentials       Public view of the stored credentials, under
	 *                                                                    the form's field names, plus secretStored.
	 * @param array{name: string, email: string}|null $account           Null when unknown.
	 * @param list<string>                            $granted_scopes
	 * @param list<string>                            $missing_scopes
	 * @param list<array<string, mixed>>              $credential_fields What the Settings form shows (no values).
	 */
	public function __construct(
		public readonly string $provider,
		public readonly string $label,
		public readonly string $status,
		public readonly ?array $credentials,
		public readonly string $redirect_uri,
		public readonly ?array $account = null,
		public readonly ?string $access_type = null,
		public readonly array $granted_scopes = array(),
		public readonly array $missing_scopes = array(),
		public readonly ?int $connected_at = null,
		public readonly ?Problem $problem = null,
		public readonly array $credential_fields = array()
	) {}

	/**
	 * The same connection, reporting a problem found by the current request
	 * (e.g. the provider unreachable during a test) that is not stored.
	 */
	public function with_problem( ?Problem $problem ): self {
		return new self(
			$this->provider,
			$this->label,
			$this->status,
			$this->credentials,
			$this->redirect_uri,
			$this->account,
			$this->access_type,
			$this->granted_scopes,
			$this->missing_scopes,
			$this->connected_at,
			$problem,
			$this->credential_fields
		);
	}

	public function is_connected(): bool {
		return self::STATUS_CONNECTED === $this->status;
	}
}
