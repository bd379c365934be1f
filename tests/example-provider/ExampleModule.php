<?php
/**
 * Everything Example Cloud, behind ProviderModule.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\ExampleProvider;

use CustomerCloudGallery\Cache\Locks;
use CustomerCloudGallery\Providers\BuildsOnce;
use CustomerCloudGallery\Providers\OAuthApp\OAuthAppParts;
use CustomerCloudGallery\Providers\OAuthApp\OAuthAppProvider;
use CustomerCloudGallery\Providers\ProviderModule;
use CustomerCloudGallery\REST\ConnectionPresenter;
use CustomerCloudGallery\Storage\Encryption;
use CustomerCloudGallery\Storage\OptionStore;

final class ExampleModule implements ProviderModule {

	use BuildsOnce;

	public function __construct( private Encryption $encryption ) {
		add_filter( 'pre_http_request', array( ExampleCloud::class, 'answer' ), 10, 3 );
	}

	public function id(): string {
		return ExampleDescription::ID;
	}

	public function provider(): OAuthAppProvider {
		return $this->app()->provider( new ExampleSurvey(), $this->source() );
	}

	public function source(): ExampleSource {
		return $this->once( __FUNCTION__, fn () => new ExampleSource( $this->app()->tokens() ) );
	}

	public function rest_controllers( ConnectionPresenter $presenter ): array {
		return $this->app()->rest_controllers( $this->provider(), $presenter );
	}

	private function app(): OAuthAppParts {
		return $this->once(
			__FUNCTION__,
			fn () => new OAuthAppParts( new ExampleDescription(), new ExampleDiagnosis(), new OptionStore(), $this->encryption, new Locks(), $this->oauth( ... ), $this->oauth( ... ) )
		);
	}

	private function oauth(): ExampleOAuth {
		return $this->once( __FUNCTION__, fn () => new ExampleOAuth() );
	}
}
