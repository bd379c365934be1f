/**
 * External dependencies
 */
import type { Browser, Page } from '@playwright/test';

/**
 * WordPress dependencies
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import { connectDropbox } from './utils/connect';

/**
 * A fresh browser session logged in as one of the site's test users.
 *
 * @param browser  Playwright's browser.
 * @param username The user (password "password", as npm test creates them).
 */
async function logInAs( browser: Browser, username: string ): Promise< Page > {
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
async function insertGallery( page: Page ): Promise< void > {
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

test.describe( 'Who may use the Cloud Gallery block', () => {
	test.beforeAll( async ( { browser } ) => {
		const admin = await browser.newPage( {
			baseURL: process.env.WP_BASE_URL,
			storageState: process.env.STORAGE_STATE_PATH,
		} );
		await connectDropbox( admin );
		await admin.close();
	} );

	for ( const role of [ 'author', 'contributor' ] ) {
		test( `an ${ role } browses folders with the admin's connection but cannot change it`, async ( {
			browser,
		} ) => {
			const page = await logInAs( browser, role );
			await insertGallery( page );
			const canvas = page.frameLocator( 'iframe[name="editor-canvas"]' );
			await expect(
				canvas
					.getByRole( 'tree', { name: 'Folders' } )
					.getByRole( 'treeitem', { name: 'Portfolio' } )
			).toBeVisible( { timeout: 30_000 } );

			// The editor's REST nonce, as the block uses it.
			const nonce = await page.evaluate(
				// @ts-expect-error -- WordPress's globals are not typed here.
				() => window.wpApiSettings?.nonce as string
			);
			for ( const action of [
				'disconnect',
				'authorize',
				'credentials',
				'test',
			] ) {
				const response = await page.request.post(
					`/wp-json/customer-cloud-gallery/v1/connections/dropbox/${ action }`,
					{
						headers: { 'X-WP-Nonce': nonce },
						// A valid body, so the refusal is the permission
						// check's and not the argument schema's.
						data: {
							appKey: 'someonesappkey',
							appSecret: 'someonessecret',
							accessType: 'full',
						},
					}
				);
				expect( response.status(), action ).toBe( 403 );
			}
			await page.goto(
				'/wp-admin/admin.php?page=customer-cloud-gallery'
			);
			await expect(
				page.getByRole( 'heading', {
					name: 'Customer Cloud Gallery Settings',
				} )
			).toHaveCount( 0 );
			await page.close();
		} );
	}
} );
