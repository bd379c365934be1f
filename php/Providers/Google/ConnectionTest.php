<?php
/**
 * "Test connection": asks Drive who we are and what we can see.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

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
			if ( null === $this->tokens->load() ) {
				return TestResult::failed( $before, $this->diagnosis->not_connected() );
			}
			// Any Drive call proves the API is enabled and the scope granted.
			$this->refresh_account();
			$folders = $this->top_level_folders();
			// Google just accepted the grant, so an earlier refusal is over.
			$this->health->clear_revoked();
		} catch ( GoogleError $error ) {
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
					/* translators: 1: Google account name, 2: its email address. */
					__( 'Google Drive answered for %1$s (%2$s).', 'customer-cloud-gallery' ),
					$after->account['name'],
					$after->account['email']
				)
				: __( 'Google Drive answered; the account name could not be read.', 'customer-cloud-gallery' ),
			__( 'It sees no folders at the top of My Drive and no shared drives.', 'customer-cloud-gallery' ),
			$folders
		);
	}

	/**
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	private function refresh_account(): void {
		$account = $this->calls->call( fn ( string $token ): Account => $this->api->about( $token ) );
		// Re-read: the call may have refreshed the token in the meantime.
		$latest = $this->tokens->load( true );
		if ( null !== $latest ) {
			$this->tokens->save( $latest->with_account( $account ) );
		}
	}

	/**
	 * Folders at the top of My Drive, then the shared drives, as display paths.
	 *
	 * @return list<string>
	 *
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	private function top_level_folders(): array {
		$page = $this->calls->call(
			fn ( string $token ): array => $this->api->files(
				$token,
				array(
					'q'        => "'root' in parents and trashed = false and mimeType = '" . DriveFiles::FOLDER . "'",
					'fields'   => 'files(name)',
					'pageSize' => self::LISTING_LIMIT,
					'orderBy'  => 'name_natural',
				)
			)
		);

		$paths = array();
		foreach ( is_array( $page['files'] ?? null ) ? $page['files'] : array() as $file ) {
			if ( is_array( $file ) && is_string( $file['name'] ?? null ) ) {
				$paths[] = '/' . GoogleProvider::my_drive_label() . '/' . $file['name'];
			}
		}
		$drives = $this->calls->call( fn ( string $token ): array => $this->api->drives( $token, self::LISTING_LIMIT ) );
		foreach ( is_array( $drives['drives'] ?? null ) ? $drives['drives'] : array() as $drive ) {
			if ( is_array( $drive ) && is_string( $drive['name'] ?? null ) ) {
				$paths[] = '/' . $drive['name'];
			}
		}
		return $paths;
	}
}
