<?php
/**
 * Works out a connection's status from what is stored.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\OAuthApp;

use CustomerCloudGallery\OAuth\RedirectUri;
use CustomerCloudGallery\Providers\Connection;
use CustomerCloudGallery\Providers\Problem;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * Never calls the provider and never throws: an unreadable secret becomes a
 * needs_attention status, not an error on the page.
 */
final class ConnectionFactory {

	public function __construct(
		private ProviderDescription $provider,
		private CredentialsStore $credentials,
		private TokenStore $tokens,
		private HealthStore $health,
		private ProviderDiagnosis $diagnosis
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
			return $this->connection( Connection::STATUS_NEEDS_ATTENTION, $summary, $record, $this->diagnosis->refused( $refusal ) );
		}
		$missing = $this->provider->missing_scopes( $record->scopes, $this->health->missing_scopes() );
		if ( array() !== $missing ) {
			return $this->connection( Connection::STATUS_NEEDS_ATTENTION, $summary, $record, $this->diagnosis->missing_scope( $missing ) );
		}
		$flagged = $this->diagnosis->flagged( $this->health );
		if ( null !== $flagged ) {
			return $this->connection( Connection::STATUS_NEEDS_ATTENTION, $summary, $record, $flagged );
		}
		return $this->connection( Connection::STATUS_CONNECTED, $summary, $record, $this->diagnosis->note( $summary['settings'] ) );
	}

	/**
	 * @param array{client_id: string, secret_stored: bool, settings: array<string, string>}|null $summary
	 */
	private function connection( string $status, ?array $summary, ?TokenRecord $record, ?Problem $problem ): Connection {
		return new Connection(
			$this->provider->id(),
			$this->provider->label(),
			$status,
			null === $summary ? null : $this->credentials_json( $summary ),
			RedirectUri::for_provider( $this->provider->id() ),
			$this->account( $record ),
			null === $summary || null === $record ? null : $this->provider->access_type( $summary['settings'] ),
			$record?->scopes ?? array(),
			null === $record ? array() : $this->provider->missing_scopes( $record->scopes, $this->health->missing_scopes() ),
			$record?->connected_at,
			$problem,
			array_map( static fn ( CredentialField $field ): array => $field->to_json(), $this->provider->credentials_form()->fields() )
		);
	}

	/**
	 * The stored values under their form names, without the secret.
	 *
	 * @param array{client_id: string, secret_stored: bool, settings: array<string, string>} $summary
	 *
	 * @return array<string, string|bool>
	 */
	private function credentials_json( array $summary ): array {
		$form = $this->provider->credentials_form();
		$json = array(
			$form->id->name => $summary['client_id'],
			'secretStored'  => $summary['secret_stored'],
		);
		foreach ( $form->choices as $choice ) {
			$json[ $choice->name ] = $summary['settings'][ $choice->stored ] ?? $choice->default_choice();
		}
		return $json;
	}

	/**
	 * Unknown (null) when the grant may not read it or the lookup failed.
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
