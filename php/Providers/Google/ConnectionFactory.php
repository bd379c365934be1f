<?php
/**
 * Works out the Google Drive connection's status from what is stored.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\OAuth\RedirectUri;
use CustomerCloudGallery\Providers\Connection;
use CustomerCloudGallery\Providers\Problem;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * Never calls Google and never throws: an unreadable secret becomes a
 * needs_attention status, not an error on the page.
 */
final class ConnectionFactory {

	public function __construct(
		private CredentialsStore $credentials,
		private TokenStore $tokens,
		private HealthStore $health,
		private Diagnosis $diagnosis
	) {}

	public function build(): Connection {
		$summary = $this->credentials->summary();
		if ( null === $summary || ! $summary['secret_stored'] ) {
			return $this->connection( Connection::STATUS_UNCONFIGURED, $summary, null, $this->diagnosis->not_configured() );
		}

		$secret_readable = $this->credentials->secret_readable();
		try {
			$record = $this->tokens->load();
		} catch ( UnreadableSecret ) {
			return $this->connection( Connection::STATUS_NEEDS_ATTENTION, $summary, null, $this->diagnosis->credentials_unreadable( $secret_readable ) );
		}
		if ( ! $secret_readable ) {
			return $this->connection( Connection::STATUS_NEEDS_ATTENTION, $summary, $record, $this->diagnosis->credentials_unreadable( false ) );
		}
		if ( null === $record ) {
			return $this->connection( Connection::STATUS_READY, $summary, null, null );
		}

		$refusal = $this->health->refusal();
		if ( null !== $refusal ) {
			$problem = HealthStore::REFUSED_TESTING === $refusal ? $this->diagnosis->testing_expired() : $this->diagnosis->revoked();
			return $this->connection( Connection::STATUS_NEEDS_ATTENTION, $summary, $record, $problem );
		}
		if ( array() !== Scopes::missing( $record->scopes, $this->health->missing_scopes() ) ) {
			return $this->connection( Connection::STATUS_NEEDS_ATTENTION, $summary, $record, $this->diagnosis->missing_scope() );
		}
		if ( $this->health->api_disabled() ) {
			return $this->connection( Connection::STATUS_NEEDS_ATTENTION, $summary, $record, $this->diagnosis->api_disabled() );
		}
		return $this->connection( Connection::STATUS_CONNECTED, $summary, $record, null );
	}

	/**
	 * @param array{client_id: string, secret_stored: bool}|null $summary
	 */
	private function connection( string $status, ?array $summary, ?TokenRecord $record, ?Problem $problem ): Connection {
		return new Connection(
			GoogleProvider::ID,
			GoogleProvider::label_text(),
			$status,
			null === $summary ? null : array(
				'clientId'     => $summary['client_id'],
				'secretStored' => $summary['secret_stored'],
			),
			RedirectUri::for_provider( GoogleProvider::ID ),
			$this->account( $record ),
			null,
			$record?->scopes ?? array(),
			null === $record ? array() : Scopes::missing( $record->scopes, $this->health->missing_scopes() ),
			$record?->connected_at,
			$problem
		);
	}

	/**
	 * Unknown (null) when the about.get lookup failed.
	 *
	 * @return array{name: string, email: string}|null
	 */
	private function account( ?TokenRecord $record ): ?array {
		if ( null === $record || null === $record->account_name ) {
			return null;
		}
		return array(
			'name'  => $record->account_name,
			'email' => (string) $record->account_email,
		);
	}
}
