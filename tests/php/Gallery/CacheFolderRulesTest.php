<?php
/**
 * The cache folder's .htaccess: denies listings without anything a host may
 * forbid, and reaches sites that wrote an older one.
 *
 * What Apache does with it is proven on the production stack
 * (tools/production-stack/listing-check.ts, AllowOverride All and
 * FileInfo); this guards what PHP writes.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Gallery;

use CustomerCloudGallery\Images\ImageRef;
use CustomerCloudGallery\Tests\Support\TestImages;
use CustomerCloudGallery\Tests\TestCase;

final class CacheFolderRulesTest extends TestCase {

	public function test_the_rules_deny_listings_with_directives_that_need_only_file_info(): void {
		$rules = $this->write_and_read();

		$this->assertMatchesRegularExpression( '#<IfModule mod_alias\.c>\s*RedirectMatch 403 /\$\s*</IfModule>#', $rules, 'Folder URLs (ending in "/") are refused.' );
		$this->assertStringContainsString( 'Header set Cache-Control "public, max-age=31536000, immutable"', $rules );
		// Options needs AllowOverride Options (else a 500 for every file here);
		// a RewriteEngine here would replace WordPress's rules for this folder.
		$this->assertDoesNotMatchRegularExpression( '#^\s*(Options|RewriteEngine|RewriteRule|Require|Order|Deny)\b#mi', $rules );
	}

	public function test_an_older_htaccess_is_replaced_on_the_next_write(): void {
		$file = $this->services()->thumbnail_cache()->dir() . '/.htaccess';
		wp_mkdir_p( dirname( $file ) );
		file_put_contents( $file, "# Customer Cloud Gallery: an earlier version's rules.\n" );

		$rules = $this->write_and_read();

		$this->assertStringContainsString( 'RedirectMatch 403', $rules );
		$this->assertStringNotContainsString( 'an earlier version', $rules );
	}

	private function write_and_read(): string {
		$disk = $this->services()->thumbnail_cache();
		$this->assertNotNull( $disk->write( new ImageRef( 'dropbox', 'id:rules' . wp_generate_password( 6, false ), 'r1', 'w256h256' ), TestImages::jpeg() ) );
		return (string) file_get_contents( $disk->dir() . '/.htaccess' );
	}
}
