/**
 * WordPress dependencies
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import { connectDropboxAsAdmin } from './utils/connect';
import { folder } from './utils/galleries';
import { sandbox } from './utils/sandbox';

const FINAL = /^[\d,.\s]+ photos? in this folder$/;
const COUNTING = /^Counting… [\d,.\s]+ photos? so far$/;

/**
 * Dropbox documents list_folder's `limit` as approximate: a server may
 * answer a big folder in pages of a handful of entries. The editor then
 * says it is still counting, and never shows a partial count as final.
 */
test.describe( 'A 5,000-photo folder that Dropbox lists 7 entries at a time', () => {
	let previousMax = 0;

	test.beforeAll( async ( { browser } ) => {
		await connectDropboxAsAdmin( browser );
		previousMax = ( await sandbox().settings() ).maxPageEntries;
		await sandbox().setMaxPageEntries( 7 );
	} );

	test.afterAll( async () => {
		await sandbox().setMaxPageEntries( previousMax );
	} );

	test( 'the editor counts up to every photo, then visitors see the gallery complete', async ( {
		admin,
		editor,
		page,
		requestUtils,
		browser,
	} ) => {
		// A folder no other spec lists, so nothing of it is cached.
		const scale = await folder( requestUtils, '', 'Scale' );
		const photos = await folder( requestUtils, scale.id, '5000 photos' );

		await admin.createNewPost( { title: 'Counting gallery' } );
		await editor.insertBlock( {
			name: 'customer-cloud-gallery/gallery',
			attributes: {
				provider: 'dropbox',
				folderId: photos.id,
				folderPath: photos.path,
			},
		} );
		await editor.openDocumentSettingsSidebar();

		const count = page
			.getByRole( 'region', { name: 'Editor settings' } )
			.getByText(
				new RegExp( `${ FINAL.source }|${ COUNTING.source }` )
			);
		const seen: string[] = [];
		const started = Date.now();
		let text = '';
		while ( ! FINAL.test( text ) && Date.now() - started < 120_000 ) {
			text = ( await count.textContent( { timeout: 30_000 } ) ) ?? '';
			if ( seen[ seen.length - 1 ] !== text ) {
				seen.push( text );
			}
			await page.waitForTimeout( 250 );
		}

		console.log(
			`counted in ${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s: ${ seen.length } distinct texts, from "${ seen[ 0 ] }" to "${ text }"`
		);
		expect( text ).toBe( '5,000 photos in this folder' );
		// Before the end, only "Counting…", with a number that never drops.
		const partial = seen.slice( 0, -1 );
		for ( const shown of partial ) {
			expect( shown ).toMatch( COUNTING );
		}
		const numbers = partial.map( ( shown ) =>
			Number( shown.replace( /\D/g, '' ) )
		);
		expect( numbers ).toEqual( [ ...numbers ].sort( ( a, b ) => a - b ) );

		const postId = await editor.publishPost();
		const visitor = await browser.newPage( {
			baseURL: process.env.WP_BASE_URL,
		} );
		await visitor.goto( `/?p=${ postId }` );
		await expect(
			visitor.locator( '.ccg-gallery__grid img' ).first()
		).toBeVisible();
		await expect(
			visitor.getByText( /still being added to this gallery/ )
		).toHaveCount( 0 );
		await visitor.close();

		const listing = await requestUtils.rest< {
			photoCount: number;
			complete: boolean;
		} >( {
			path: '/customer-cloud-gallery/v1/folders',
			params: { provider: 'dropbox', folder: photos.id },
		} );
		expect( listing ).toMatchObject( { photoCount: 5000, complete: true } );
	} );
} );
