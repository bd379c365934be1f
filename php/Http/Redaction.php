<?php
/**
 * Keeps tokens and secrets out of the error texts the plugin keeps or shows.
 *
 * @package CustomerCloudGallery
 */

declare(strict_types=1);

namespace CustomerCloudGallery\Http;

/**
 * Providers and the HTTP layer echo request details back in their error
 * texts (a header, a form body), and those texts end up in error summaries,
 * REST answers and logs. Every provider's summaries pass through here.
 */
final class Redaction {

	private const MAX_SUMMARY = 300;

	/**
	 * Removes known secrets and anything shaped like a bearer credential, and
	 * caps the length: error texts may echo request headers back.
	 *
	 * @param list<string> $secrets
	 */
	public static function redact( string $text, array $secrets ): string {
		foreach ( $secrets as $secret ) {
			if ( '' !== $secret ) {
				$text = str_replace( $secret, '[redacted]', $text );
			}
		}
		$text = (string) preg_replace( '/\b(Bearer|Basic)\s+[^\s"\'\\\\]+/i', '$1 [redacted]', $text );
		$text = trim( wp_strip_all_tags( $text ) );
		return strlen( $text ) > self::MAX_SUMMARY ? substr( $text, 0, self::MAX_SUMMARY ) . '…' : $text;
	}
}
