/**
 * External dependencies
 */
import type { Browser, Page } from '@playwright/test';

/**
 * WordPress dependencies
 */
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

/**
 * A fresh browser session logged in as one of the site's test users.
 *
 * @param browser  Playwright's browser.
 * @param username The user (password "password", as npm test creates them).
 * @return The logged-in page.
 */
export async function logInAs(
	browser: Browser,
	username: string
): Promise< Page > {
	const page = await browser.newPage( {
		baseURL: process.env.WP_BASE_URL,
		storageState: { cookies: [], origins: [] },
	} );
	await page.goto( '/wp-login.php' );
	await page.getByLabel( 'Username or Email Address' ).fill( username );
	await page.getByLabel( 'Password', { exact: true } ).fill( 'password' );
	await page.getByRole( 'button', { name: 'Log In' } ).click();
	await page.waitForURL( /wp-admin/ );
	return page;
}

/**
 * Opens a new post and inserts the block, as the given user.
 *
 * @param page A logged-in page.
 */
export async function insertGallery( page: Page ): Promise< void > {
	await page.goto( '/wp-admin/post-new.php' );
	await page.waitForFunction( () =>
		window.wp?.blocks?.getBlockType( 'customer-cloud-gallery/gallery' )
	);
	await page.evaluate( () => {
		const { data, blocks } = window.wp;
		data.dispatch( 'core/block-editor' ).insertBlocks(
			blocks.createBlock( 'customer-cloud-gallery/gallery' )
		);
	} );
}

/**
 * The editor's REST nonce, as the block uses it.
 *
 * @param page A page with the block editor open.
 * @return The nonce.
 */
export async function restNonce( page: Page ): Promise< string > {
	return page.evaluate(
		// @ts-expect-error -- WordPress's globals are not typed here.
		() => window.wpApiSettings?.nonce as string
	);
}

/**
 * Sets (or with null clears) the Dropbox gallery folder, as the admin does
 * on the Settings screen. The test site is shared by every spec, so a spec
 * that sets one clears it again.
 *
 * @param requestUtils The admin's REST client.
 * @param folder       The folder, or null for none.
 */
export async function setDropboxGalleryFolder(
	requestUtils: RequestUtils,
	folder: { id: string; path: string } | null
): Promise< void > {
	await requestUtils.rest( {
		method: 'POST',
		path: '/customer-cloud-gallery/v1/settings',
		data: { galleryRoot: { dropbox: folder } },
	} );
}
