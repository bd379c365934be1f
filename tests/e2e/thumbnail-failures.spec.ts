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
import { connectDropboxAsAdmin } from './utils/connect';
import { folder, publish } from './utils/galleries';
import { sandbox } from './utils/sandbox';
import { SettingsPage } from './utils/settings-page';

const THUMBNAIL_ROUTES = [
	'files/get_thumbnail_v2',
	'files/get_thumbnail_batch',
] as const;

/**
 * Test connection tries a photo at the top level, else in the first five
 * folders it looks into, breadth first (Dropbox\ConnectionSurvey). Other
 * specs leave empty folders at the top level of a library a local run
 * keeps (Dropbox keeps a folder whose files are deleted, and so does the
 * sandbox), and enough of them sorted before /Portfolio left no photo to
 * try: "thumbnails are untested". A photo at the top level is tried first,
 * whatever else is there.
 */
const PROBE_PHOTO = '/Thumbnail failures probe.jpg';

/**
 * Views the gallery as a visitor and waits for every image to settle.
 *
 * @param page A logged-out page.
 * @param url  The gallery post.
 * @return The Content-Type of each image's answer.
 */
async function viewGallery( page: Page, url: string ): Promise< string[] > {
	const types: string[] = [];
	page.on( 'response', ( response ) => {
		if ( response.request().resourceType() === 'image' ) {
			types.push( response.headers()[ 'content-type' ] ?? '' );
		}
	} );
	await page.goto( url );
	const photos = page.locator( '.ccg-gallery__grid img' );
	const count = await photos.count();
	expect( count ).toBeGreaterThan( 0 );
	for ( let i = 0; i < count; i++ ) {
		await photos.nth( i ).scrollIntoViewIfNeeded();
		await expect
			.poll( () =>
				photos
					.nth( i )
					.evaluate( ( img: HTMLImageElement ) => img.complete )
			)
			.toBe( true );
	}
	return types;
}

async function thumbnailCalls(): Promise< number > {
	const { counts } = await sandbox().requestCounts();
	return THUMBNAIL_ROUTES.reduce(
		( sum, route ) => sum + ( counts[ route ] ?? 0 ),
		0
	);
}

test.describe( 'Dropbox refusing every thumbnail', () => {
	test.describe.configure( { mode: 'serial' } );

	let galleryUrl = '';

	test.beforeAll( async ( { browser, requestUtils } ) => {
		await connectDropboxAsAdmin( browser );

		// A folder no other spec shows, so none of its photos is on disk.
		const portfolio = await folder( requestUtils, '', 'Portfolio' );
		const landscapes = await folder(
			requestUtils,
			portfolio.id,
			'Landscapes'
		);
		const manifest = await sandbox().library();
		await sandbox().putFile( PROBE_PHOTO, {
			copyOf: manifest!.photos.find( ( photo ) =>
				photo.path.startsWith( '/Portfolio/' )
			)!.path,
		} );
		// Refused before anything is warmed.
		for ( const route of THUMBNAIL_ROUTES ) {
			await sandbox().addFault( { route, kind: 'status', status: 400 } );
		}
		galleryUrl = await publish( requestUtils, 'Refused thumbnails', {
			provider: 'dropbox',
			folderId: landscapes.id,
			folderPath: landscapes.path,
			perPage: 12,
		} );
	} );

	test.afterAll( async () => {
		await sandbox().clearFaults();
		await sandbox()
			.deleteFile( PROBE_PHOTO )
			.catch( () => undefined );
	} );

	test.describe( 'a visitor', () => {
		test.use( { storageState: { cookies: [], origins: [] } } );

		test( 'sees placeholders, and a second view asks Dropbox nothing', async ( {
			page,
		} ) => {
			const first = await viewGallery( page, galleryUrl );
			expect( first.length ).toBeGreaterThan( 0 );
			expect( new Set( first ) ).toEqual(
				new Set( [ 'image/svg+xml' ] )
			);
			expect( await thumbnailCalls() ).toBeGreaterThan( 0 );

			await sandbox().resetRequestCounts();
			const second = await page.context().newPage();
			await viewGallery( second, galleryUrl );
			expect( await thumbnailCalls() ).toBe( 0 );
		} );
	} );

	test( 'the admin sees it in Settings, Site Health and Test connection', async ( {
		page,
	} ) => {
		const settings = new SettingsPage( page );
		await settings.open();
		await expect(
			page
				.getByText( /Thumbnails from Dropbox have been failing since/ )
				.first()
		).toBeVisible();

		await page.goto( '/wp-admin/site-health.php' );
		await expect(
			page.getByText( 'Gallery thumbnails from Dropbox are failing' )
		).toBeVisible( { timeout: 30_000 } );

		await settings.open();
		await settings.testConnection();
		await expect(
			page
				.getByText(
					/Dropbox lists folders but refused a photo's thumbnail/
				)
				.first()
		).toBeVisible();
		await expect( page.getByText( /Error 400/ ).first() ).toBeVisible();

		// Once Dropbox gives photos again, the test passes and says so.
		await sandbox().clearFaults();
		await settings.testConnection();
		await expect(
			page.getByText( /It fetched a thumbnail of/ ).first()
		).toBeVisible();
		await expect(
			page.getByText( /Thumbnails from Dropbox have been failing since/ )
		).toHaveCount( 0 );
	} );
} );
