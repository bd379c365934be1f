<?php
/**
 * Works out the Dropbox connection's status from what is stored.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

use CustomerCloudGallery\OAuth\RedirectUri;
use CustomerCloudGallery\Providers\Connection;
use CustomerCloudGallery\Providers\Problem;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * Never calls Dropbox and never throws: an unreadable secret becomes a
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

		$missing = Scopes::missing( $record->scopes, $this->health->missing_scopes() );
		if ( $this->health->revoked() ) {
			return $this->connection( Connection::STATUS_NEEDS_ATTENTION, $summary, $record, $this->diagnosis->revoked() );
		}
		if ( array() !== $missing ) {
			return $this->connection( Connection::STATUS_NEEDS_ATTENTION, $summary, $record, $this->diagnosis->missing_scope( $missing ) );
		}
		$note = Credentials::ACCESS_APP_FOLDER === $summary['access_type'] ? $this->diagnosis->app_folder() : null;
		return $this->connection( Connection::STATUS_CONNECTED, $summary, $record, $note );
	}

	/**
	 * @param array{app_key: string, access_type: string, secret_stored: bool}|null $summary
	 */
	private function connection( string $status, ?array $summary, ?TokenRecord $record, ?Problem $problem ): Connection {
		$scopes = $record?->scopes ?? array();
		return new Connection(
			DropboxProvider::ID,
			DropboxProvider::label_text(),
			$status,
			null === $summary ? null : array(
				'appKey'       => $summary['app_key'],
				'secretStored' => $summary['secret_stored'],
				'accessType'   => $summary['access_type'],
			),
			RedirectUri::for_provider( DropboxProvider::ID ),
			$this->account( $record ),
			null === $summary || null === $record ? null : $summary['access_type'],
			$scopes,
			null === $record ? array() : Scopes::missing( $record->scopes, $this->health->missing_scopes() ),
			$record?->connected_at,
			$problem
		);
	}

	/**
	 * Unknown (null) when the grant lacks account_info.read or the lookup failed.
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
