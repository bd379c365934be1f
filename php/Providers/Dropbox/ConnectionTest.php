<?php
/**
 * "Test connection": asks Dropbox who we are and what we can see.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Dropbox;

use CustomerCloudGallery\Providers\TestResult;
use CustomerCloudGallery\Storage\UnreadableSecret;

final class ConnectionTest {

	/** Enough for a sample of the top-level folders without paging. */
	private const LISTING_LIMIT = 25;

	public function __construct(
		private TokenStore $tokens,
		private ApiClient $api,
		private AuthorizedCalls $calls,
		private HealthStore $health,
		private ConnectionFactory $connections,
		private Diagnosis $diagnosis
	) {}

	public function run(): TestResult {
		$before     = $this->connections->build();
		$untestable = TestResult::untestable( $before, $this->diagnosis->not_connected() );
		if ( null !== $untestable ) {
			return $untestable;
		}

		try {
			$record = $this->tokens->load();
			if ( null === $record ) {
				return TestResult::failed( $before, $this->diagnosis->not_connected() );
			}
			if ( false !== $record->has_scope( Scopes::ACCOUNT_INFO ) ) {
				$this->refresh_account();
			}
			$folders = array();
			if ( false !== $record->has_scope( Scopes::FILES_METADATA ) ) {
				$page    = $this->calls->call( fn ( string $token ): FolderPage => $this->api->list_folder( $token, '', self::LISTING_LIMIT ) );
				$folders = $page->folder_paths();
			}
			// Dropbox just accepted the grant, so an earlier refusal is over.
			$this->health->clear_revoked();
		} catch ( DropboxError $error ) {
			return TestResult::failed( $this->connections->build(), $this->diagnosis->from_error( $error ) );
		} catch ( UnreadableSecret ) {
			$after = $this->connections->build();
			return TestResult::failed( $after, $after->problem ?? $this->diagnosis->credentials_unreadable( false ) );
		}

		$after = $this->connections->build();
		return TestResult::answered(
			$after,
			null !== $after->account
				? sprintf(
					/* translators: 1: Dropbox account name, 2: its email address. */
					__( 'Dropbox answered for %1$s (%2$s).', 'customer-cloud-gallery' ),
					$after->account['name'],
					$after->account['email']
				)
				: __( 'Dropbox answered; the account is unknown because the app lacks the account_info.read permission.', 'customer-cloud-gallery' ),
			__( 'It sees no folders at the top level.', 'customer-cloud-gallery' ),
			$folders
		);
	}

	/**
	 * @throws DropboxError
	 * @throws UnreadableSecret
	 */
	private function refresh_account(): void {
		$account = $this->calls->call( fn ( string $token ): Account => $this->api->get_current_account( $token ) );
		// Re-read: the call may have refreshed the token in the meantime.
		$latest = $this->tokens->load( true );
		if ( null !== $latest ) {
			$this->tokens->save( $latest->with_account( $account ) );
		}
	}
}
