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

test.describe( 'Who may use the Cloud Gallery block', () => {
	test.beforeAll( async ( { browser, requestUtils } ) => {
		const admin = await browser.newPage( {
			baseURL: process.env.WP_BASE_URL,
			storageState: process.env.STORAGE_STATE_PATH,
		} );
		await connectDropbox( admin );
		await admin.close();
		// Without a gallery folder they could browse nothing (least-privilege.spec.ts).
		await setDropboxGalleryFolder(
			requestUtils,
			await folder( requestUtils, '', 'Clients' )
		);
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await setDropboxGalleryFolder( requestUtils, null );
	} );

	for ( const role of [ 'author', 'contributor' ] ) {
		test( `an ${ role } browses the gallery folder with the admin's connection but cannot change it`, async ( {
			browser,
		} ) => {
			const page = await logInAs( browser, role );
			await insertGallery( page );
			const canvas = page.frameLocator( 'iframe[name="editor-canvas"]' );
			await expect(
				canvas
					.getByRole( 'tree', { name: 'Folders' } )
					.getByRole( 'treeitem', { name: 'Smith Wedding 2026' } )
			).toBeVisible( { timeout: 30_000 } );

			const nonce = await restNonce( page );
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
