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

	/**
	 * The same on the sandbox Google consent page: every requested Drive
	 * scope ticked (or only $scopes), then Allow or Cancel.
	 *
	 * @param list<string>|null $scopes The scopes to leave ticked; null for all offered.
	 *
	 * @return array<string, string> The query Google appended to the redirect URI.
	 */
	public static function decide_google( string $authorize_url, string $decision = 'allow', ?array $scopes = null ): array {
		$page = Http::request( 'GET', $authorize_url );
		Assert::assertSame( 200, $page['status'], 'The consent page refused the authorize URL: ' . wp_strip_all_tags( $page['body'] ) );
		Assert::assertSame( 1, preg_match( '/name="authorize_request" value="([^"]*)"/', $page['body'], $match ), 'The consent form has no authorize_request.' );
		preg_match_all( '/name="scope" value="([^"]*)"/', $page['body'], $offered );
		preg_match( '/name="account" value="([^"]*)"/', $page['body'], $account );

		$fields = array(
			'authorize_request=' . rawurlencode( html_entity_decode( $match[1], ENT_QUOTES | ENT_HTML5 ) ),
			'account=' . rawurlencode( html_entity_decode( $account[1] ?? '', ENT_QUOTES | ENT_HTML5 ) ),
			'decision=' . rawurlencode( $decision ),
		);
		foreach ( $scopes ?? array_map( static fn ( string $scope ): string => html_entity_decode( $scope, ENT_QUOTES | ENT_HTML5 ), $offered[1] ) as $scope ) {
			$fields[] = 'scope=' . rawurlencode( $scope );
		}
		$parts  = wp_parse_url( $authorize_url );
		$origin = $parts['scheme'] . '://' . $parts['host'] . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' );
		$answer = Http::request( 'POST', $origin . '/o/oauth2/v2/auth', array( 'Content-Type' => 'application/x-www-form-urlencoded' ), implode( '&', $fields ) );
		Assert::assertSame( 302, $answer['status'], 'Google did not redirect back: ' . wp_strip_all_tags( $answer['body'] ) );

		parse_str( (string) wp_parse_url( $answer['headers']['location'], PHP_URL_QUERY ), $query );
		return array_map( 'strval', $query );
	}
}
