/**
 * External dependencies
 */
import type { Page } from '@playwright/test';

/**
 * WordPress dependencies
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import { connectDropbox } from './utils/connect';
import { folder } from './utils/galleries';
import {
	insertGallery,
	logInAs,
	restNonce,
	setDropboxGalleryFolder,
} from './utils/users';

const ASK =
	'Ask an administrator to choose the gallery folder for Dropbox in Customer Cloud Gallery → Settings.';

/**
 * GET /folders as the logged-in user of `page`.
 *
 * @param page     A page with the block editor open.
 * @param folderId A folder id, or '' for the top.
 * @return Status and body.
 */
async function browse( page: Page, folderId = '' ) {
	const response = await page.request.get(
		'/wp-json/customer-cloud-gallery/v1/folders',
		{
			headers: { 'X-WP-Nonce': await restNonce( page ) },
			params: { provider: 'dropbox', folder: folderId },
		}
	);
	return {
		status: response.status(),
		body: ( await response.json() ) as { code?: string; message?: string },
	};
}

/**
 * The editor's preview of a gallery of `target`, as the block asks for it.
 *
 * @param page        A page with the block editor open.
 * @param target      The gallery's folder.
 * @param target.id   Its id.
 * @param target.path Its path.
 * @return The rendered HTML.
 */
async function preview( page: Page, target: { id: string; path: string } ) {
	const response = await page.request.get(
		'/wp-json/wp/v2/block-renderer/customer-cloud-gallery/gallery',
		{
			headers: { 'X-WP-Nonce': await restNonce( page ) },
			params: {
				context: 'edit',
				'attributes[provider]': 'dropbox',
				'attributes[folderId]': target.id,
				'attributes[folderPath]': target.path,
			},
		}
	);
	expect( response.status() ).toBe( 200 );
	return ( ( await response.json() ) as { rendered: string } ).rendered;
}

/**
 * No way to an image: no <img>, no image endpoint, no cache folder.
 *
 * @param html Rendered HTML.
 */
function expectNoImageUrl( html: string ) {
	expect( html ).not.toContain( '<img' );
	expect( html ).not.toContain( 'ccg_image' );
	expect( html ).not.toContain( '/uploads/customer-cloud-gallery' );
}

test.describe( 'A contributor and the gallery folder', () => {
	test.beforeAll( async ( { browser, requestUtils } ) => {
		const admin = await browser.newPage( {
			baseURL: process.env.WP_BASE_URL,
			storageState: process.env.STORAGE_STATE_PATH,
		} );
		await connectDropbox( admin );
		await admin.close();
		await setDropboxGalleryFolder( requestUtils, null );
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await setDropboxGalleryFolder( requestUtils, null );
	} );

	test( 'without one: the message in the block, 403 from /folders, a preview with no image URL; with one: only inside it', async ( {
		browser,
		requestUtils,
	} ) => {
		const clients = await folder( requestUtils, '', 'Clients' );
		const portfolio = await folder( requestUtils, '', 'Portfolio' );
		const wedding = await folder(
			requestUtils,
			clients.id,
			'Smith Wedding 2026'
		);
		const ceremony = await folder( requestUtils, wedding.id, 'Ceremony' );

		const page = await logInAs( browser, 'contributor' );
		await insertGallery( page );
		const canvas = page.frameLocator( 'iframe[name="editor-canvas"]' );
		await expect( canvas.getByText( ASK ) ).toBeVisible( {
			timeout: 30_000,
		} );
		await expect( canvas.getByRole( 'tree' ) ).toHaveCount( 0 );

		const refused = await browse( page );
		expect( refused.status ).toBe( 403 );
		expect( refused.body.message ).toBe( ASK );
		expect( ( await browse( page, portfolio.id ) ).status ).toBe( 403 );

		const withheld = await preview( page, ceremony );
		expect( withheld ).toContain( ASK );
		expectNoImageUrl( withheld );

		// The administrator chooses /Clients on the Settings screen.
		await setDropboxGalleryFolder( requestUtils, clients );

		await insertGallery( page );
		const tree = canvas.getByRole( 'tree', { name: 'Folders' } );
		await expect(
			tree.getByRole( 'treeitem', { name: 'Smith Wedding 2026' } )
		).toBeVisible( { timeout: 30_000 } );
		await expect(
			tree.getByRole( 'treeitem', { name: 'Portfolio' } )
		).toHaveCount( 0 );
		await expect( canvas.getByText( ASK ) ).toHaveCount( 0 );

		expect( ( await browse( page ) ).status ).toBe( 200 );
		const outside = await browse( page, portfolio.id );
		expect( outside.status ).toBe( 403 );
		expect( outside.body.code ).toBe( 'ccg_outside_root' );
		expectNoImageUrl( await preview( page, portfolio ) );
		expect( await preview( page, ceremony ) ).toContain(
			'ccg-gallery__grid'
		);
		await page.close();
	} );
} );
