<?php
/**
 * Site Health shows the static-thumbnail self-check, with the fix when it failed.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Site;

use CustomerCloudGallery\Admin\StaticImagesSiteHealth;
use CustomerCloudGallery\Images\FallbackProbe;
use CustomerCloudGallery\Storage\Keys;
use CustomerCloudGallery\Tests\TestCase;

final class StaticImagesSiteHealthTest extends TestCase {

	private function health(): array {
		return ( new StaticImagesSiteHealth( $this->services()->fallback_probe() ) )->run();
	}

	public function test_it_is_registered_as_a_direct_test(): void {
		$tests = apply_filters( 'site_status_tests', array( 'direct' => array(), 'async' => array() ) );
		$this->assertArrayHasKey( StaticImagesSiteHealth::TEST, $tests['direct'] );
	}

	public function test_a_passed_check_is_good(): void {
		$this->pin_static_images_check( true );
		$result = $this->health();
		$this->assertSame( 'good', $result['status'] );
		$this->assertSame( '', $result['actions'] );
	}

	public function test_no_check_yet_says_so(): void {
		FallbackProbe::forget();
		$result = $this->health();
		$this->assertSame( 'recommended', $result['status'] );
		$this->assertStringContainsString( 'not been checked', $result['label'] );
	}

	public function test_a_failed_check_shows_what_failed_escaped_and_the_fix_for_both_servers(): void {
		update_option(
			Keys::STATIC_IMAGES,
			array(
				'ok'      => false,
				'base'    => $this->services()->thumbnail_cache()->base_url(),
				'static'  => false,
				'checked' => time(),
				'detail'  => 'answered 404 <script>',
			)
		);
		$result = $this->health();
		$this->assertSame( 'recommended', $result['status'] );
		$this->assertStringContainsString( 'answered 404 &lt;script&gt;', $result['description'] );
		$this->assertStringNotContainsString( '<script>', $result['description'] );
		$this->assertStringContainsString( 'try_files $uri /index.php?$args;', $result['description'] );
		$this->assertStringContainsString( 'immutable', $result['description'] );
		$this->assertStringContainsString( '.htaccess', $result['description'] );
		$this->assertStringContainsString( 'options-permalink.php', $result['actions'] );
	}

	public function test_a_check_passed_for_another_uploads_url_is_not_good(): void {
		update_option(
			Keys::STATIC_IMAGES,
			array(
				'ok'      => true,
				'base'    => 'https://cdn.example.com/uploads/customer-cloud-gallery',
				'static'  => true,
				'checked' => time(),
				'detail'  => '',
			)
		);
		$this->assertSame( 'recommended', $this->health()['status'] );
	}
}
