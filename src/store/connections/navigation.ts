/**
 * Sends the browser to another page (the provider's consent screen).
 *
 * @param url Absolute URL.
 */
export function assignLocation( url: string ): void {
	window.location.assign( url );
}
