<?php
/**
 * A third provider is one folder and one line: tests/example-provider,
 * registered by one filter, works through the shared OAuth-app layer.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Site;

use CustomerCloudGallery\OAuth\RedirectUri;
use CustomerCloudGallery\Providers\Connection;
use CustomerCloudGallery\REST\ConnectionPresenter;
use CustomerCloudGallery\REST\CredentialsController;
use CustomerCloudGallery\Services;
use CustomerCloudGallery\Tests\ExampleProvider\ExampleModule;
use CustomerCloudGallery\Tests\TestCase;
use WP_REST_Request;

require_once dirname( __DIR__, 2 ) . '/example-provider/example-provider.php';

final class ThirdProviderTest extends TestCase {

	private Services $services;

	protected function setUp(): void {
		parent::setUp();
		$this->act_as( 'admin' );
		// The one line a third provider needs.
		$this->add_filter( 'customer_cloud_gallery_provider_modules', static fn ( array $modules, Services $services ): array => array( ...$modules, new ExampleModule( $services->encryption() ) ) );
		$this->services = new Services();
	}

	public function test_it_is_registered_beside_dropbox_and_google(): void {
		$this->assertSame( array( 'dropbox', 'google', 'example' ), $this->services->provider_ids() );
		$this->assertSame( 'Example Cloud', $this->services->providers()->get( 'example' )?->label() );
		$this->assertSame( 'example', $this->services->sources()->require( 'example' )->provider() );
	}

	public function test_its_credentials_save_connect_browse_and_disconnect_through_the_shared_layer(): void {
		$provider = $this->services->providers()->get( 'example' );
		$this->assertNotNull( $provider );
		$this->assertSame( Connection::STATUS_UNCONFIGURED, $provider->connection()->status );

		$fields = array_column( $provider->connection()->credential_fields, 'kind', 'name' );
		$this->assertSame( array( 'clientId' => 'id', 'clientSecret' => 'secret' ), $fields, 'The Settings form is drawn from these.' );

		$saved = $this->credentials()->create_item( $this->request( 'POST', array( 'clientId' => 'example-app', 'clientSecret' => 'example-secret' ) ) );
		$this->assertSame( Connection::STATUS_READY, $saved->get_data()['status'] );
		$this->assertSame( array( 'clientId' => 'example-app', 'secretStored' => true ), $saved->get_data()['credentials'] );

		$redirect = RedirectUri::for_provider( 'example' );
		parse_str( (string) wp_parse_url( $provider->authorization_url( 'state-1', 'challenge-1', $redirect ), PHP_URL_QUERY ), $query );
		$connection = $provider->complete_authorization( (string) $query['code'], 'verifier-1', $redirect );

		$this->assertSame( Connection::STATUS_CONNECTED, $connection->status );
		$this->assertSame( 'Sam Example', $connection->account['name'] ?? null );

		$source  = $this->services->sources()->require( 'example' );
		$listing = $source->list( $source->root() );
		$this->assertSame( array( 'Portraits', 'Weddings' ), array_values( array_map( static fn ( array $row ): string => $row[1], $listing->folders ) ) );

		$this->assertSame( Connection::STATUS_READY, $provider->disconnect()->status );
		$removed = $this->credentials()->delete_item( $this->request( 'DELETE' ) );
		$this->assertSame( Connection::STATUS_UNCONFIGURED, $removed->get_data()['status'] );
	}

	private function credentials(): CredentialsController {
		$module = $this->services->modules()[2];
		$this->assertSame( 'example', $module->id() );
		return $module->rest_controllers( new ConnectionPresenter( $this->services->providers(), $this->services->thumbnail_health() ) )[0];
	}

	/**
	 * @param array<string, string> $params
	 */
	private function request( string $method, array $params = array() ): WP_REST_Request {
		$request = new WP_REST_Request( $method, '/customer-cloud-gallery/v1/connections/example/credentials' );
		foreach ( $params as $name => $value ) {
			$request->set_param( $name, $value );
		}
		return $request;
	}
}
