<?php
/**
 * Reads Drive's change log: changes.getStartPageToken and changes.list.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Providers\OAuthApp\AuthorizedCalls;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * One token covers the whole account, My Drive and shared drives alike, so
 * a poll of a Drive where nothing changed is a single call. Pages are
 * followed to the end; Drive documents that its page tokens do not expire,
 * so a run that stops at the page cap keeps the nextPageToken and the next
 * run goes on from there.
 */
final class DriveChangeFeed {

	/** Only what maps a change to galleries. */
	private const FIELDS = 'nextPageToken,newStartPageToken,changes(fileId,removed,file(parents,trashed,mimeType))';

	/** The API's maximum. */
	private const PAGE_SIZE = 1000;

	/** Pages one run reads at most: a burst of changes finishes over a few runs. */
	private const MAX_PAGES = 20;

	public function __construct( private ApiClient $api, private AuthorizedCalls $calls ) {}

	/**
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	public function start(): string {
		$token = $this->calls->call( fn ( string $access ): string => $this->api->start_page_token( $access ) );
		if ( '' === $token ) {
			throw new GoogleError( GoogleError::UNEXPECTED, 200, 'Drive gave no start page token.' );
		}
		return $token;
	}

	/**
	 * @throws GoogleError BAD_REQUEST when Drive refuses the token.
	 * @throws UnreadableSecret
	 */
	public function since( string $token ): DriveChangeSet {
		$parents = array();
		$pages   = 0;
		do {
			$cursor = $token;
			$page   = $this->calls->call( fn ( string $access ): array => $this->api->changes( $access, $cursor, self::FIELDS, self::PAGE_SIZE ) );
			foreach ( is_array( $page['changes'] ?? null ) ? $page['changes'] : array() as $change ) {
				$id = is_array( $change ) ? DriveFiles::string( $change, 'fileId' ) : '';
				if ( '' !== $id ) {
					$parents[ $id ] = self::parents_of( $change );
				}
			}
			$next  = DriveFiles::string( $page, 'nextPageToken' );
			$token = '' !== $next ? $next : DriveFiles::string( $page, 'newStartPageToken' );
			++$pages;
		} while ( '' !== $next && $pages < self::MAX_PAGES );
		if ( '' === $token ) {
			throw new GoogleError( GoogleError::UNEXPECTED, 200, 'Drive gave neither a next page nor a new start page token.' );
		}
		return new DriveChangeSet( $parents, $token );
	}

	/**
	 * @param array<mixed> $change
	 *
	 * @return list<string>
	 */
	private static function parents_of( array $change ): array {
		$file = $change['file'] ?? null;
		if ( true === ( $change['removed'] ?? false ) || ! is_array( $file ) || ! is_array( $file['parents'] ?? null ) ) {
			return array();
		}
		return array_values( array_filter( $file['parents'], 'is_string' ) );
	}
}
