/** Customer Cloud Gallery → Settings, from any admin page. */
const SETTINGS_PATH = 'admin.php?page=customer-cloud-gallery';

/**
 * The Settings screen's address. The editor runs in wp-admin; the canvas
 * iframe has no useful base URL, so the link is made absolute here.
 *
 * @return Absolute URL.
 */
export function settingsUrl(): string {
	return new URL( SETTINGS_PATH, window.location.href ).href;
}
