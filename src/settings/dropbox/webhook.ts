/**
 * The site's Dropbox webhook URI, as the Settings page printed it (REST
 * routes' URLs depend on the permalink settings, so only the server knows
 * it). Null when the page printed none.
 *
 * @param source The object the page printed.
 * @return The URI to paste into the App Console, or null.
 */
export function dropboxWebhookUri(
	source: Window[ 'ccgSettings' ] = window.ccgSettings
): string | null {
	const uri = source?.dropboxWebhookUri;
	return typeof uri === 'string' && /^https?:\/\//.test( uri ) ? uri : null;
}
