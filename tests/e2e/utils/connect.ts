/**
 * External dependencies
 */
import { expect, type Browser, type Page } from '@playwright/test';

/**
 * Internal dependencies
 */
import { registerApp, registerGoogleClient } from './sandbox';
import { SettingsPage } from './settings-page';

/**
 * Connects the site to the sandbox Dropbox the way the setup guide says:
 * register an app with the shown redirect URI, save its credentials,
 * Connect Dropbox, Allow.
 *
 * @param page A page logged in as an administrator.
 */
export async function connectDropbox( page: Page ): Promise< void > {
	const settings = new SettingsPage( page );
	await settings.open();
	const app = await registerApp( await settings.redirectUri() );
	await settings.saveCredentials( app.key, app.secret );
	await settings.connect();
	await settings.consent( 'Allow' );
	await expect(
		page.getByText( /Dropbox is connected as/ ).first()
	).toBeVisible();
}

/**
 * Connects the site to the sandbox Google Drive the way its setup guide
 * says: register an OAuth client with the shown redirect URI, save its
 * Client ID and secret, Connect Google Drive, Allow.
 *
 * @param page A page logged in as an administrator.
 */
export async function connectGoogle( page: Page ): Promise< void > {
	const settings = new SettingsPage( page, 'google' );
	await settings.open();
	const client = await registerGoogleClient( await settings.redirectUri() );
	await settings.saveCredentials( client.id, client.secret );
	await settings.connect();
	await settings.consent( 'Allow' );
	await expect(
		page.getByText( /Google Drive is connected as/ ).first()
	).toBeVisible();
}

/**
 * Connects Dropbox from a suite whose own pages are logged out: opens an
 * administrator's page for it, then closes it.
 *
 * @param browser The test's browser.
 */
export async function connectDropboxAsAdmin(
	browser: Browser
): Promise< void > {
	const admin = await browser.newPage( {
		baseURL: process.env.WP_BASE_URL,
		storageState: process.env.STORAGE_STATE_PATH,
	} );
	await connectDropbox( admin );
	await admin.close();
}
