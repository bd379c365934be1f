<?php
/**
 * Drive changes polled on WP-Cron refresh exactly the galleries they touch,
 * against the sandbox Google's changes.list.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Gallery\FolderListings;
use CustomerCloudGallery\Providers\Google\ChangesPoller;
use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Tests\GalleryTestCase;

final class DriveChangesTest extends GalleryTestCase {

	/** @var array{clientId: string, clientSecret: string, name: string} */
	private array $client;

	/** @var array<string, string> Gallery folder ids by name. */
	private array $folders = array();

	/** @var list<int> */
	private array $post_ids = array();

	/** @var list<string> Library files this test added. */
	private array $added = array();

	protected function setUp(): void {
		parent::setUp();
		wp_clear_scheduled_hook( ChangesPoller::HOOK );
		$this->client = $this->register_google_client( 'PHPUnit Drive changes' );
		$this->connect_google();
		$this->folders = array(
			'nature'    => $this->drive_folder( array( 'My Drive', 'Portfolio', 'Nature' ) ),
			'ceremony'  => $this->drive_folder( array( 'My Drive', 'Clients', 'Smith Wedding 2026', 'Ceremony' ) ),
			'landscape' => $this->drive_folder( array( 'My Drive', 'Portfolio', 'Landscapes' ) ),
			'portfolio' => $this->drive_folder( array( 'My Drive', 'Portfolio' ) ),
		);
		wp_set_current_user( 0 );
	}

	protected function tearDown(): void {
		foreach ( $this->added as $path ) {
			try {
				$this->sandbox->delete_file( $path );
			} catch ( \Throwable ) {
				// Already gone.
			}
		}
		foreach ( $this->post_ids as $post_id ) {
			wp_delete_post( $post_id, true );
		}
		wp_clear_scheduled_hook( ChangesPoller::HOOK );
		if ( isset( $this->client ) ) {
			$this->sandbox->delete_google_client( $this->client['clientId'] );
		}
		parent::tearDown();
	}

	public function test_polling_starts_with_a_published_drive_gallery_and_refreshes_only_the_touched_one(): void {
		$this->assertFalse( wp_next_scheduled( ChangesPoller::HOOK ), 'Nothing to poll for yet.' );
		$nature_post = $this->publish( 'nature' );
		$this->publish( 'ceremony' );
		$this->assertNotFalse( wp_next_scheduled( ChangesPoller::HOOK ), 'Saving a post with a Drive gallery starts polling.' );
		$this->assertMatchesRegularExpression( '/^\S+$/', (string) get_option( Keys::GOOGLE_CHANGES_TOKEN ), 'The start page token is stored at once.' );
		$this->assertSame( 12, $this->listing( 'nature' )->photo_count() );
		$this->listing( 'ceremony' );
		wp_unschedule_hook( FolderListings::REFRESH_HOOK );

		$names = array_map( static fn ( int $n ): string => sprintf( '/Portfolio/Nature/Changes %02d.jpg', $n ), range( 1, 20 ) );
		$nature = $this->nature_photos();
		foreach ( $names as $i => $path ) {
			$this->add( $path, $nature[ $i % count( $nature ) ] );
		}
		$before = get_option( Keys::GOOGLE_CHANGES_TOKEN );
		$purged = array();
		$this->add_filter(
			'customer_cloud_gallery_changed',
			static function ( array $post_ids ) use ( &$purged ): void {
				array_push( $purged, ...$post_ids );
			}
		);
		$this->sandbox->reset_request_counts();
		do_action( ChangesPoller::HOOK );

		// The run that saw the change refreshes the gallery it touches, and
		// only it, and purges the page showing it: no second WP-Cron run.
		$this->assertSame( 32, $this->listing( 'nature' )->photo_count(), 'Twenty photos more, in the same run.' );
		$this->assertSame( array( $nature_post ), $purged );
		$this->assertSame( array(), $this->refreshes_scheduled(), 'Nothing left for the next run.' );
		$this->assertSame( 1, $this->google_counts()['google/drive/v3/changes'] ?? 0 );
		$this->assertNotSame( $before, get_option( Keys::GOOGLE_CHANGES_TOKEN ), 'The new start page token is stored.' );
		$listed = $this->google_counts()['google/drive/v3/files'] ?? 0;
		$this->sandbox->reset_request_counts();
		do_action( FolderListings::REFRESH_HOOK, 'google', $this->folders['nature'] );
		$this->assertSame( $this->google_counts()['google/drive/v3/files'] ?? 0, $listed, 'The touched gallery\'s files.list pages, none of the other one.' );

		// A deleted file names no parent: the cached listing says whose it was.
		$this->sandbox->delete_file( $names[0] );
		do_action( ChangesPoller::HOOK );
		$this->assertSame( 31, $this->listing( 'nature' )->photo_count() );
		$this->assertSame( array(), $this->refreshes_scheduled() );
	}

	public function test_refreshes_a_run_has_no_time_for_stay_scheduled_for_the_next_run(): void {
		$this->publish( 'nature' );
		$this->listing( 'nature' );
		wp_unschedule_hook( FolderListings::REFRESH_HOOK );
		$this->add( '/Portfolio/Nature/Changes late.jpg', $this->nature_photos()[0] );
		$this->add_filter( 'ccg_listing_budget_seconds', static fn ( float $seconds, string $context ): float => 'background' === $context ? 0.0 : $seconds, 10, 2 );

		do_action( ChangesPoller::HOOK );

		$this->assertSame( 12, $this->listing( 'nature' )->photo_count(), 'Not refreshed in this run.' );
		$this->assertSame( array( $this->folders['nature'] ), $this->refreshes_scheduled(), 'But scheduled, due at once.' );
	}

	public function test_a_rate_limited_refresh_waits_as_a_wp_cron_event_would(): void {
		$this->publish( 'nature' );
		$this->listing( 'nature' );
		wp_unschedule_hook( FolderListings::REFRESH_HOOK );
		$this->add( '/Portfolio/Nature/Changes limited.jpg', $this->nature_photos()[0] );
		$this->sandbox->add_fault(
			array(
				'route'      => 'google/drive/v3/files',
				'kind'       => 'status',
				'status'     => 429,
				'retryAfter' => 7,
				'count'      => 1,
			)
		);

		do_action( ChangesPoller::HOOK );

		$this->assertSame( 12, $this->listing( 'nature' )->photo_count(), 'The stored listing keeps being served.' );
		$this->assertSame( array( $this->folders['nature'] ), $this->refreshes_scheduled() );
		$when = wp_next_scheduled( FolderListings::REFRESH_HOOK, array( 'google', $this->folders['nature'] ) );
		$this->assertGreaterThan( time(), $when, 'Retried after the rate limit, not at once.' );
	}

	public function test_an_unchanged_drive_costs_one_call_and_an_unrelated_change_schedules_nothing(): void {
		$this->publish( 'nature' );
		$this->listing( 'nature' );
		wp_unschedule_hook( FolderListings::REFRESH_HOOK );
		$this->sandbox->reset_request_counts();

		do_action( ChangesPoller::HOOK );
		$this->assertSame( array( 'google/drive/v3/changes' => 1 ), $this->google_counts(), 'One changes.list call covers the whole Drive.' );
		$this->assertSame( array(), $this->refreshes_scheduled() );

		$this->add( '/Portfolio/Landscapes/Changes elsewhere.jpg', $this->nature_photos()[0] );
		do_action( ChangesPoller::HOOK );
		$this->assertSame( array(), $this->refreshes_scheduled(), 'A folder no gallery shows.' );
	}

	public function test_a_photo_added_to_an_album_refreshes_the_albums_listing(): void {
		$post_id = $this->publish( 'portfolio', array( 'albums' => true ) );
		$html    = $this->render_content( (string) get_post_field( 'post_content', $post_id ), $post_id );
		$this->assertStringContainsString( 'Landscapes', $html, 'The album card is shown.' );
		$this->services()->folder_listings()->for_render( 'google', $this->folders['landscape'] );
		wp_unschedule_hook( FolderListings::REFRESH_HOOK );

		$this->add( '/Portfolio/Landscapes/Changes album.jpg', $this->nature_photos()[0] );
		do_action( ChangesPoller::HOOK );

		$this->assertSame( array(), $this->refreshes_scheduled() );
		$this->assertContains( 'Changes album.jpg', array_column( $this->services()->folder_listings()->for_render( 'google', $this->folders['landscape'] )->photos(), 1 ), 'The change names the album\'s folder, which no post records: the album shown below the gallery is refreshed.' );
	}

	public function test_a_token_drive_refuses_gets_a_new_one_and_refreshes_every_drive_gallery_once(): void {
		$this->publish( 'nature' );
		$this->publish( 'ceremony' );
		wp_unschedule_hook( FolderListings::REFRESH_HOOK );
		update_option( Keys::GOOGLE_CHANGES_TOKEN, '999999999', false );

		do_action( ChangesPoller::HOOK );
		$scheduled = $this->refreshes_scheduled();
		sort( $scheduled );
		$expected = array( $this->folders['nature'], $this->folders['ceremony'] );
		sort( $expected );
		$this->assertSame( $expected, $scheduled );
		$this->assertNotSame( '999999999', get_option( Keys::GOOGLE_CHANGES_TOKEN ) );

		wp_unschedule_hook( FolderListings::REFRESH_HOOK );
		do_action( ChangesPoller::HOOK );
		$this->assertSame( array(), $this->refreshes_scheduled(), 'The new token works.' );
	}

	public function test_disconnecting_deletes_the_token_and_stops_polling(): void {
		$this->publish( 'nature' );
		$this->assertNotFalse( wp_next_scheduled( ChangesPoller::HOOK ) );
		$this->act_as( 'admin' );
		$this->services()->providers()->get( 'google' )->disconnect();
		$this->assertFalse( get_option( Keys::GOOGLE_CHANGES_TOKEN ) );
		$this->assertFalse( wp_next_scheduled( ChangesPoller::HOOK ) );
		$this->assertContains( Keys::GOOGLE_CHANGES_TOKEN, Keys::OPTIONS, 'Uninstall deletes it.' );

		// Connecting again resumes polling; its first run, due at once, reads a new token.
		$this->connect_google();
		$this->assertLessThanOrEqual( time(), wp_next_scheduled( ChangesPoller::HOOK ) );
		$this->assertFalse( get_option( Keys::GOOGLE_CHANGES_TOKEN ) );
		do_action( ChangesPoller::HOOK );
		$this->assertMatchesRegularExpression( '/^\S+$/', (string) get_option( Keys::GOOGLE_CHANGES_TOKEN ) );
		$this->assertContains( ChangesPoller::HOOK, Keys::CRON_HOOKS, 'Deactivation unschedules it.' );
	}

	public function test_without_drive_galleries_a_run_stops_polling(): void {
		$post = $this->publish( 'nature' );
		wp_delete_post( $post, true );
		do_action( ChangesPoller::HOOK );
		$this->assertFalse( wp_next_scheduled( ChangesPoller::HOOK ) );
		$this->assertFalse( get_option( Keys::GOOGLE_CHANGES_TOKEN ) );
	}

	public function test_the_interval_is_a_minute_and_the_filter_is_clamped(): void {
		$this->assertSame( 60, wp_get_schedules()['ccg_drive_changes']['interval'] );
		$this->add_filter( 'ccg_drive_changes_interval', static fn (): int => 5 );
		$this->assertSame( 30, ChangesPoller::interval() );
		$this->add_filter( 'ccg_drive_changes_interval', static fn (): int => 86400, 11 );
		$this->assertSame( 3600, ChangesPoller::interval() );
	}

	private function connect_google(): void {
		$this->connect_google_as_admin( $this->client );
	}

	private function publish( string $gallery, array $attrs = array() ): int {
		$post_id          = (int) wp_insert_post(
			array(
				'post_title'   => 'Drive changes ' . $gallery,
				'post_status'  => 'publish',
				'post_author'  => $this->user( 'admin' )->ID,
				'post_content' => serialize_block(
					array(
						'blockName'    => 'customer-cloud-gallery/gallery',
						'attrs'        => array(
							'provider' => 'google',
							'folderId' => $this->folders[ $gallery ],
						) + $attrs,
						'innerBlocks'  => array(),
						'innerHTML'    => '',
						'innerContent' => array(),
					)
				),
			)
		);
		$this->post_ids[] = $post_id;
		return $post_id;
	}

	private function listing( string $gallery ): \CustomerCloudGallery\Gallery\Listing {
		return $this->services()->folder_listings()->for_render( 'google', $this->folders[ $gallery ] );
	}

	/**
	 * @return list<string> Library paths of the sample photos in /Portfolio/Nature.
	 */
	private function nature_photos(): array {
		$paths = array_column( $this->sandbox->library()['photos'], 'path' );
		return array_values( array_filter( $paths, static fn ( string $path ): bool => str_starts_with( $path, '/Portfolio/Nature/' ) ) );
	}

	private function add( string $path, string $copy_of ): void {
		$this->added[] = $path;
		$this->sandbox->put_file( $path, $copy_of );
	}

	/**
	 * @return list<string> The Drive listing keys WP-Cron will refresh.
	 */
	private function refreshes_scheduled(): array {
		$keys = array();
		foreach ( _get_cron_array() as $hooks ) {
			foreach ( $hooks[ FolderListings::REFRESH_HOOK ] ?? array() as $event ) {
				if ( 'google' === ( $event['args'][0] ?? null ) ) {
					$keys[] = (string) $event['args'][1];
				}
			}
		}
		return $keys;
	}

	/**
	 * @return array<string, int>
	 */
	private function google_counts(): array {
		return array_filter( $this->sandbox->request_counts(), static fn ( string $route ): bool => str_starts_with( $route, 'google/' ), ARRAY_FILTER_USE_KEY );
	}

	/**
	 * A folder's id, found by names as the administrator clicks through the tree.
	 *
	 * @param list<string> $names From the virtual root down.
	 */
	private function drive_folder( array $names ): string {
		$answer = $this->folders( 'admin', array( 'provider' => 'google' ) )->get_data();
		$id     = '';
		foreach ( $names as $name ) {
			$id = '';
			foreach ( $answer['folders'] as $folder ) {
				$id = $name === $folder['name'] ? $folder['id'] : $id;
			}
			$this->assertNotSame( '', $id, "No folder {$name}" );
			$answer = $this->folders(
				'admin',
				array(
					'provider' => 'google',
					'folder'   => $id,
				)
			)->get_data();
		}
		return $id;
	}
}
