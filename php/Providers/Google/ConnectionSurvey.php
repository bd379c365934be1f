<?php
/**
 * What "Test connection" looks at in Drive: the top level, and a photo.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Providers\Google;

use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Providers\OAuthApp\AuthorizedCalls;
use CustomerCloudGallery\Providers\OAuthApp\GrantSurvey;
use CustomerCloudGallery\Providers\OAuthApp\TokenRecord;
use CustomerCloudGallery\Storage\UnreadableSecret;

/**
 * Follows nextPageToken through the top of My Drive and the shared drives
 * (Drive may return fewer items than asked, even none, before the end), up
 * to a bound, and fetches one photo's thumbnail the way galleries do:
 * listing alone does not prove visitors will see photos.
 */
final class ConnectionSurvey implements GrantSurvey {

	/** Drive's pages hold at most this many; they may hold fewer. */
	private const PAGE_SIZE = 100;

	/** Pages read of each list before counting stops ("at least N more"). */
	private const MAX_PAGES = 10;

	public function __construct( private ApiClient $api, private AuthorizedCalls $calls ) {}

	/**
	 * Any Drive call proves the API is enabled and the scope granted; a
	 * refusal is explained by the diagnosis.
	 */
	public function survey( TokenRecord $record, int $photos ): array {
		list( $folders, $complete ) = $this->top_level_folders();
		return array( $folders, $complete, $this->photos_to_try( $photos ) );
	}

	public function unknown_account(): string {
		return __( 'Google Drive answered; the account name could not be read.', 'customer-cloud-gallery' );
	}

	public function no_folders(): string {
		return __( 'It sees no folders at the top of My Drive and no shared drives.', 'customer-cloud-gallery' );
	}

	/**
	 * Folders at the top of My Drive, then the shared drives, as display
	 * paths, and whether that is all of them.
	 *
	 * @return array{0: list<string>, 1: bool}
	 *
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	private function top_level_folders(): array {
		$paths = array();
		list( $files, $all_files ) = $this->pages(
			fn ( string $token, string $page_token ): array => $this->api->files(
				$token,
				array(
					'q'        => "'root' in parents and trashed = false and mimeType = '" . DriveFiles::FOLDER . "'",
					'fields'   => 'nextPageToken,files(name)',
					'pageSize' => self::PAGE_SIZE,
					'orderBy'  => 'name_natural',
				),
				$page_token
			),
			'files'
		);
		foreach ( $files as $file ) {
			$paths[] = '/' . GoogleDescription::my_drive_label() . '/' . $file['name'];
		}
		list( $drives, $all_drives ) = $this->pages(
			fn ( string $token, string $page_token ): array => $this->api->drives( $token, self::PAGE_SIZE, $page_token ),
			'drives'
		);
		foreach ( $drives as $drive ) {
			$paths[] = '/' . $drive['name'];
		}
		return array( $paths, $all_files && $all_drives );
	}

	/**
	 * The named items of a paged list, and whether every page was read.
	 *
	 * @param callable(string, string): array<string, mixed> $page  One page, by access token and page token.
	 * @param string                                         $field "files" or "drives".
	 *
	 * @return array{0: list<array{name: string}>, 1: bool}
	 *
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	private function pages( callable $page, string $field ): array {
		$items = array();
		$token = '';
		for ( $pages = 0; $pages < self::MAX_PAGES; ++$pages ) {
			$json = $this->calls->call( fn ( string $access_token ): array => $page( $access_token, $token ) );
			foreach ( is_array( $json[ $field ] ?? null ) ? $json[ $field ] : array() as $item ) {
				if ( is_array( $item ) && is_string( $item['name'] ?? null ) ) {
					$items[] = array( 'name' => $item['name'] );
				}
			}
			$token = DriveFiles::string( $json, 'nextPageToken' );
			if ( '' === $token ) {
				return array( $items, true );
			}
		}
		return array( $items, false );
	}

	/**
	 * A few photos anywhere in the account, by name.
	 *
	 * @return array<string, ImageRef>
	 *
	 * @throws GoogleError
	 * @throws UnreadableSecret
	 */
	private function photos_to_try( int $how_many ): array {
		$json   = $this->calls->call(
			fn ( string $token ): array => $this->api->files(
				$token,
				array(
					'q'        => "mimeType contains 'image/' and trashed = false",
					// What DriveFiles::revision reads: a thumbnail is fetched only for the revision its token names.
					'fields'   => 'files(id,name,md5Checksum,thumbnailVersion,modifiedTime)',
					'pageSize' => $how_many,
				)
			)
		);
		$images = array();
		foreach ( is_array( $json['files'] ?? null ) ? $json['files'] : array() as $file ) {
			$id = is_array( $file ) ? DriveFiles::string( $file, 'id' ) : '';
			if ( '' !== $id ) {
				$images[ DriveFiles::string( $file, 'name' ) ] = new ImageRef( GoogleDescription::ID, $id, DriveFiles::revision( $file ), 'w256h256' );
			}
		}
		return $images;
	}
}
