<?php
/**
 * "Test connection": asks Drive who we are and what we can see.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Providers\Connection;
use CustomerCloudGallery\Providers\Problem;
use CustomerCloudGallery\Providers\TestResult;
use CustomerCloudGallery\Storage\UnreadableSecret;

final class ConnectionTest {

	/** Enough for a sample of the top-level folders without paging. */
	private const LISTING_LIMIT = 25;

	/** How many folder names the message spells out. */
	private const NAMED_FOLDERS = 10;

	public function __construct(
		private TokenStore $tokens,
		private ApiClient $api,
		private AuthorizedCalls $calls,
		private HealthStore $health,
		private ConnectionFactory $connections,
		private Diagnosis $diagnosis
	) {}

	public function run(): TestResult {
		$before = $this->connections->build();
		if ( in_array( $before->status, array( Connection::STATUS_UNCONFIGURED, Connection::STATUS_READY ), true ) ) {
			return $this->failed( $before, $before->problem ?? $this->diagnosis->not_connected() );
		}
		if ( null !== $before->problem && 'credentials_unreadable' === $before->problem->code ) {
			return $this->failed( $before, $before->problem );
		}

		try {
			if ( null === $this->tokens->load() ) {
				return $this->failed( $before, $this->diagnosis->not_connected() );
			}
			// Any Drive call proves the API is enabled and the scope granted.
			$this->refresh_account();
			$folders = $this->top_level_folders();
			// Google just accepted the grant, so an earlier refusal is over.
			$this->health->clear_revoked();
		} catch ( GoogleError $error ) {
			return $this->failed( $this->connections->build(), $this->diagnosis->from_error( $error ) );
		} catch ( UnreadableSecret ) {
			$after = $this->connections->build();
			return $this->failed( $after, $after->problem ?? $this->diagnosis->credentials_unreadable( false ) );
		}

		$after = $this->connections->build();
		return new TestResult( $after->is_connected(), $this->message( $after, $folders ), $after, $folders );
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

	private function failed( Connection $connection, Problem $problem ): TestResult {
		return new TestResult( false, $problem->message . ' ' . $problem->fix, $connection->with_problem( $problem ) );
	}

	/**
	 * @param list<string> $folders
	 */
	private function message( Connection $connection, array $folders ): string {
		$sentences = array(
			null !== $connection->account
				? sprintf(
					/* translators: 1: Google account name, 2: its email address. */
					__( 'Google Drive answered for %1$s (%2$s).', 'customer-cloud-gallery' ),
					$connection->account['name'],
					$connection->account['email']
				)
				: __( 'Google Drive answered; the account name could not be read.', 'customer-cloud-gallery' ),
		);

		$shown = array_slice( $folders, 0, self::NAMED_FOLDERS );
		$more  = count( $folders ) > count( $shown ) ? ', …' : '';
		if ( array() === $folders ) {
			$sentences[] = __( 'It sees no folders at the top of My Drive and no shared drives.', 'customer-cloud-gallery' );
		} else {
			$sentences[] = sprintf(
				/* translators: %s: comma-separated folder paths, e.g. "/My Drive/Weddings, /Studio Shared". */
				__( 'Top-level folders it sees: %s.', 'customer-cloud-gallery' ),
				implode( ', ', $shown ) . $more
			);
		}

		if ( null !== $connection->problem ) {
			$sentences[] = $connection->problem->message;
			$sentences[] = $connection->problem->fix;
		}
		return implode( ' ', $sentences );
	}
}
