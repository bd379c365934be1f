<?php
/**
 * Plays the admin in front of the sandbox's Dropbox consent screen.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Tests\Support;

use PHPUnit\Framework\Assert;

final class ConsentScreen {

	/**
	 * Opens the authorize URL, presses Allow (or Cancel) and returns the query
	 * Dropbox redirects back to the site with (code + state, or error + state).
	 *
	 * @return array<string, string>
	 */
	public static function decide( string $authorize_url, string $decision = 'allow' ): array {
		$page = Http::request( 'GET', $authorize_url );
		Assert::assertSame( 200, $page['status'], 'The consent screen refused the authorize URL: ' . wp_strip_all_tags( $page['body'] ) );
		Assert::assertSame( 1, preg_match( '/name="authorize_request" value="([^"]*)"/', $page['body'], $match ), 'The consent form has no authorize_request.' );

		$parts  = wp_parse_url( $authorize_url );
		$origin = $parts['scheme'] . '://' . $parts['host'] . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' );
		$answer = Http::request(
			'POST',
			$origin . '/oauth2/authorize',
			array( 'Content-Type' => 'application/x-www-form-urlencoded' ),
			http_build_query(
				array(
					'authorize_request' => html_entity_decode( $match[1], ENT_QUOTES | ENT_HTML5 ),
					'decision'          => $decision,
				)
			)
		);
		Assert::assertSame( 302, $answer['status'], 'Dropbox did not redirect back: ' . wp_strip_all_tags( $answer['body'] ) );

		parse_str( (string) wp_parse_url( $answer['headers']['location'], PHP_URL_QUERY ), $query );
		return array_map( 'strval', $query );
	}
}
