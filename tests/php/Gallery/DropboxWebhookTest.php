<?php
/**
 * The Dropbox webhook: the verification GET, signed notifications, and a
 * photo added in the sandbox reaching the published page through it.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Gallery\Albums\AlbumRefresh;
use CustomerCloudGallery\Gallery\FolderListings;
use CustomerCloudGallery\Gallery\GalleryWarmer;
use CustomerCloudGallery\REST\DropboxWebhookController;
use CustomerCloudGallery\Tests\GalleryTestCase;
use WP_REST_Request;
use WP_REST_Response;

final class DropboxWebhookTest extends GalleryTestCase {

	private const ROUTE = '/customer-cloud-gallery/v1/webhooks/dropbox';

	private int $post_id = 0;

	private ?string $added = null;

	protected function setUp(): void {
		parent::setUp();
		$this->post_id = (int) wp_insert_post(
			array(
				'post_title'   => 'Smith wedding',
				'post_status'  => 'publish',
				'post_author'  => $this->user( 'admin' )->ID,
				'post_content' => $this->block(),
			)
		);
		$this->services()->folder_listings()->for_render( 'dropbox', $this->ceremony() );
		wp_unschedule_hook( FolderListings::REFRESH_HOOK );
		$this->sandbox->reset_request_counts();
	}

	protected function tearDown(): void {
		if ( null !== $this->added ) {
			$this->sandbox->delete_file( $this->added );
			$this->sandbox->webhook_deliveries();
		}
		wp_delete_post( $this->post_id, true );
		// The site's own server wrote WP-Cron events: read them from the database.
		$this->forget_cached_options();
		parent::tearDown();
	}

	public function test_the_challenge_is_echoed_as_plain_text_exactly(): void {
		$challenge = 'a"b<script>x</script>' . wp_generate_password( 12, false );
		$request   = new WP_REST_Request( 'GET', self::ROUTE );
		$request->set_query_params( array( 'challenge' => $challenge ) );
		$response = rest_do_request( $request );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( $challenge, $response->get_data() );
		$this->assertSame( 'nosniff', $response->get_headers()['X-Content-Type-Options'] );

		// Over HTTP, as Dropbox asks: the body is the challenge itself, not JSON.
		$http = wp_remote_get( add_query_arg( 'challenge', rawurlencode( $challenge ), DropboxWebhookController::url() ), array( 'timeout' => 20 ) );
		$this->assertSame( 200, wp_remote_retrieve_response_code( $http ) );
		$this->assertSame( $challenge, wp_remote_retrieve_body( $http ) );
		$this->assertStringStartsWith( 'text/plain', (string) wp_remote_retrieve_header( $http, 'content-type' ) );
		$this->assertSame( 'nosniff', wp_remote_retrieve_header( $http, 'x-content-type-options' ) );
	}

	public function test_a_wrong_or_missing_signature_is_403_and_schedules_nothing(): void {
		$body = $this->notification( $this->stored_grant()->account_id );
		foreach ( array( hash_hmac( 'sha256', $body, 'not-the-secret' ), '', hash_hmac( 'sha256', $body . ' ', $this->app['secret'] ) ) as $signature ) {
			$this->assertSame( 403, $this->notify( $body, $signature )->get_status() );
		}
		$this->assertFalse( $this->scheduled() );
	}

	public function test_a_signed_notification_for_the_connected_account_schedules_one_refresh_per_gallery(): void {
		$body = $this->notification( $this->stored_grant()->account_id );
		for ( $i = 0; $i < 100; $i++ ) {
			$response = $this->notify( $body, hash_hmac( 'sha256', $body, $this->app['secret'] ) );
			$this->assertSame( 200, $response->get_status() );
		}
		$this->assertNotFalse( $this->scheduled() );
		$this->assertCount( 1, $this->events(), 'A burst of 100 schedules one refresh of the gallery.' );
		$this->assertSame( 0, $this->dropbox_calls(), 'Nothing is listed in the request.' );
	}

	public function test_a_notification_also_refreshes_the_albums_a_gallery_shows(): void {
		$wedding   = $this->id_of( dirname( $this->paths['ceremony'] ) );
		$reception = $this->id_of( dirname( $this->paths['ceremony'] ) . '/Reception' );
		$attrs     = array(
			'provider'   => 'dropbox',
			'folderId'   => $wedding,
			'folderPath' => dirname( $this->paths['ceremony'] ),
		);
		$post_id   = (int) wp_insert_post(
			array(
				'post_title'   => 'Smith wedding, every part',
				'post_status'  => 'publish',
				'post_author'  => $this->user( 'admin' )->ID,
				'post_content' => '<!-- wp:customer-cloud-gallery/gallery ' . wp_json_encode( $attrs ) . ' /-->',
			)
		);
		$body      = $this->notification( $this->stored_grant()->account_id );
		try {
			// Without albums, its subfolders are not the gallery's: not refreshed.
			$this->render_content( (string) get_post_field( 'post_content', $post_id ), $post_id );
			wp_unschedule_hook( FolderListings::REFRESH_HOOK );
			wp_unschedule_hook( AlbumRefresh::HOOK );
			$this->notify( $body, hash_hmac( 'sha256', $body, $this->app['secret'] ) );
			do_action( AlbumRefresh::HOOK, 'dropbox' );
			$this->assertEqualsCanonicalizing( array( $this->ceremony(), $wedding ), $this->refreshed() );

			// With albums, the cards shown (Ceremony, Reception) are: a photo
			// added to the Reception album names Reception's folder only.
			$albums = '<!-- wp:customer-cloud-gallery/gallery ' . wp_json_encode( $attrs + array( 'albums' => true ) ) . ' /-->';
			wp_update_post(
				array(
					'ID'           => $post_id,
					'post_content' => $albums,
				)
			);
			$this->assertStringContainsString( 'Reception', $this->render_content( $albums, $post_id ) );
			wp_unschedule_hook( FolderListings::REFRESH_HOOK );
			wp_unschedule_hook( AlbumRefresh::HOOK );
			for ( $i = 0; $i < 100; $i++ ) {
				$response = $this->notify( $body, hash_hmac( 'sha256', $body, $this->app['secret'] ) );
			}
			$this->assertSame( array( 'scheduled' => 2 ), $response->get_data(), 'The request schedules the two galleries…' );
			$this->assertNotFalse( wp_next_scheduled( AlbumRefresh::HOOK, array( 'dropbox' ) ), '…and one event for their albums, however many notifications.' );
			$this->assertEqualsCanonicalizing( array( $this->ceremony(), $wedding ), $this->refreshed(), 'No album is looked for in the request.' );

			do_action( AlbumRefresh::HOOK, 'dropbox' );
			$this->assertEqualsCanonicalizing( array( $this->ceremony(), $wedding, $reception ), $this->refreshed(), 'Then WP-Cron adds the album; Ceremony, a gallery and an album, stays one refresh.' );
		} finally {
			wp_delete_post( $post_id, true );
		}
	}

	public function test_a_signed_notification_for_another_account_schedules_nothing(): void {
		$body = $this->notification( 'dbid:AAAnotherAccount00000000000000000000' );
		$this->assertSame( 200, $this->notify( $body, hash_hmac( 'sha256', $body, $this->app['secret'] ) )->get_status() );
		$this->assertFalse( $this->scheduled() );
	}

	public function test_a_photo_added_in_dropbox_reaches_the_page_through_the_webhook(): void {
		$before = substr_count( $this->render_content( $this->block(), $this->post_id ), 'class="ccg-gallery__item"' );
		$this->sandbox->register_app(
			array(
				'key'         => $this->app['key'],
				'webhookUris' => array( DropboxWebhookController::url() ),
			)
		);
		$this->added = $this->paths['ceremony'] . '/PHPUnit webhook ' . strtolower( wp_generate_password( 8, false ) ) . '.jpg';
		$photos      = $this->services()->folder_listings()->for_render( 'dropbox', $this->ceremony() )->page( 0, 1 );
		$this->assertSame( 'added', $this->sandbox->put_file( $this->added, $this->paths['ceremony'] . '/' . $photos[0]->name ) );

		$deliveries = $this->sandbox->webhook_deliveries();
		$last       = end( $deliveries );
		$this->assertIsArray( $last );
		$this->assertSame( array( DropboxWebhookController::url(), 'delivered', 200 ), array( $last['uri'], $last['outcome'], $last['status'] ), $last['body'] );
		$this->assertSame( array( 'scheduled' => 1 ), json_decode( $last['body'], true ), 'The site scheduled a refresh of the one gallery it shows.' );

		// The site's own WP-Cron may run the refresh first (the notification's
		// request spawns it): either way, the webhook alone brings the photo.
		$deadline = microtime( true ) + 15;
		while ( true ) {
			$this->forget_cached_options();
			$this->run_listing_in_background( $this->ceremony() );
			$listed = in_array( basename( $this->added ), $this->names(), true );
			if ( $listed || microtime( true ) > $deadline ) {
				break;
			}
			usleep( 250000 );
		}
		$this->assertTrue( $listed, 'The notification refreshed the listing, which no page view would for five minutes.' );
		$after = $this->render_content( $this->block(), $this->post_id );
		$this->assertSame( $before + 1, substr_count( $after, 'class="ccg-gallery__item"' ) );
	}

	/**
	 * The race a burst of uploads brings: a notification arrives while a
	 * WP-Cron run is under way. spawn_cron() does nothing while that run
	 * holds the cron lock, and the run took its list of due events before
	 * the refresh existed. Here the run itself schedules the refresh from a
	 * test must-use plugin's event (as a notification served meanwhile
	 * would), so the race happens every time; the refresh must still run
	 * with no other request to the site (CronRelay).
	 */
	public function test_a_refresh_scheduled_during_a_cron_run_runs_when_that_run_ends(): void {
		$plugin = WPMU_PLUGIN_DIR . '/ccg-test-notified-mid-run.php';
		wp_mkdir_p( WPMU_PLUGIN_DIR );
		file_put_contents( // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents
			$plugin,
			"<?php\nadd_action( 'ccg_test_notified_mid_run', static function ( string \$key ): void { CustomerCloudGallery\\Plugin::services()->folder_listings()->schedule_refresh( 'dropbox', \$key ); } );\n"
		);
		try {
			// No notification either: only the run's own event schedules the refresh.
			$this->sandbox->register_app(
				array(
					'key'         => $this->app['key'],
					'webhookUris' => array(),
				)
			);
			$this->added = $this->paths['ceremony'] . '/PHPUnit relay ' . strtolower( wp_generate_password( 8, false ) ) . '.jpg';
			$photos      = $this->services()->folder_listings()->for_render( 'dropbox', $this->ceremony() )->page( 0, 1 );
			$this->assertSame( 'added', $this->sandbox->put_file( $this->added, $this->paths['ceremony'] . '/' . $photos[0]->name ) );
			// Nothing of the plugin is due when the run starts (saving the post
			// scheduled its warming, which would list the folder): the only
			// refresh is the one the run schedules.
			wp_unschedule_hook( FolderListings::REFRESH_HOOK );
			wp_unschedule_hook( GalleryWarmer::HOOK );
			// And no run left over from the tests before: this one must hold the lock.
			$quiet = microtime( true ) + 20;
			while ( false !== get_transient( 'doing_cron' ) && microtime( true ) < $quiet ) {
				usleep( 100000 );
				$this->forget_cached_options();
			}
			wp_schedule_single_event( time() - 1, 'ccg_test_notified_mid_run', array( $this->ceremony() ) );
			$lock = sprintf( '%.22F', microtime( true ) );
			set_transient( 'doing_cron', $lock );
			wp_remote_post( add_query_arg( 'doing_wp_cron', $lock, site_url( 'wp-cron.php' ) ), array( 'blocking' => false, 'timeout' => 0.01 ) );

			// Nothing else asks the site anything (reading the cached listing
			// here asks Dropbox nothing): only the relay can start the refresh.
			$deadline = microtime( true ) + 15;
			do {
				usleep( 250000 );
				$this->forget_cached_options();
				$listed = in_array( basename( $this->added ), $this->names(), true );
			} while ( ! $listed && microtime( true ) < $deadline );
			$this->assertFalse( wp_next_scheduled( 'ccg_test_notified_mid_run', array( $this->ceremony() ) ), 'The run took the event.' );
			$this->assertTrue( $listed, 'The refresh ran once the run that scheduled it ended.' );
		} finally {
			wp_delete_file( $plugin );
			wp_unschedule_hook( 'ccg_test_notified_mid_run' );
		}
	}

	/**
	 * @return list<string>
	 */
	private function names(): array {
		return array_map( static fn ( $photo ): string => $photo->name, $this->services()->folder_listings()->for_render( 'dropbox', $this->ceremony() )->page( 0, 500 ) );
	}

	private function block(): string {
		return '<!-- wp:customer-cloud-gallery/gallery ' . wp_json_encode(
			array(
				'provider'   => 'dropbox',
				'folderId'   => $this->ceremony(),
				'folderPath' => $this->paths['ceremony'],
				'perPage'    => 100,
			)
		) . ' /-->';
	}

	private function notification( ?string $account ): string {
		return (string) wp_json_encode(
			array(
				'list_folder' => array( 'accounts' => array( $account ) ),
				'delta'       => array( 'users' => array( 3108464210 ) ),
			)
		);
	}

	private function notify( string $body, string $signature ): WP_REST_Response {
		$request = new WP_REST_Request( 'POST', self::ROUTE );
		$request->set_header( 'Content-Type', 'application/json' );
		if ( '' !== $signature ) {
			$request->set_header( 'X-Dropbox-Signature', $signature );
		}
		$request->set_body( $body );
		return rest_do_request( $request );
	}

	private function scheduled(): int|false {
		return wp_next_scheduled( FolderListings::REFRESH_HOOK, array( 'dropbox', $this->ceremony() ) );
	}

	/**
	 * @return list<string> The Dropbox listing keys of the refreshes scheduled.
	 */
	private function refreshed(): array {
		return array_map( static fn ( array $event ): string => (string) $event['args'][1], $this->events() );
	}

	/**
	 * @return list<array<string, mixed>>
	 */
	private function events(): array {
		$found = array();
		foreach ( _get_cron_array() as $hooks ) {
			foreach ( $hooks[ FolderListings::REFRESH_HOOK ] ?? array() as $event ) {
				$found[] = $event;
			}
		}
		return $found;
	}
}
