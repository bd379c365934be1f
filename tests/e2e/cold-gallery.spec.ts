/**
 * WordPress dependencies
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import { connectDropboxAsAdmin } from './utils/connect';
import { publish } from './utils/galleries';
import { expectEveryPhotoLoaded } from './utils/photos';
import { sandbox } from './utils/sandbox';
import { findFolder, restoreWarming, withoutWarming } from './utils/warming';

/** The cold gallery: 100 photos, all on the first page. */
const PHOTOS = 100;

const THUMBNAIL_ROUTES = [
	'files/get_thumbnail_v2',
	'files/get_thumbnail_batch',
];

test.describe( 'A cold gallery, as its first visitor', () => {
	test.use( { storageState: { cookies: [], origins: [] } } );

	// Inside /Scale, so the empty folder it leaves changes nothing other
	// specs see at the top level (Test connection looks there for a photo).
	const folderName = `Scale/E2E cold ${ Date.now() }`;

	// Publishing schedules warming (WP-Cron), which would fetch the photos
	// before the visitor does; this suite measures the visitor's cold path.
	test.beforeAll( async ( { browser } ) => {
		await connectDropboxAsAdmin( browser );
		withoutWarming();
		const control = sandbox();
		for ( let i = 1; i <= PHOTOS; i++ ) {
			const n = String( i ).padStart( 4, '0' );
			await control.putFile( `/${ folderName }/Photo ${ n }.jpg`, {
				copyOf: `/Scale/5000 photos/Photo ${ n }.jpg`,
			} );
		}
	} );

	test.afterAll( async () => {
		restoreWarming();
		const control = sandbox();
		await control.clearFaults();
		for ( let i = 1; i <= PHOTOS; i++ ) {
			const n = String( i ).padStart( 4, '0' );
			await control.deleteFile( `/${ folderName }/Photo ${ n }.jpg` );
		}
	} );

	test( 'loads 100 photos with at most 4 thumbnail calls and one listing', async ( {
		page,
		requestUtils,
	} ) => {
		const folder = await findFolder(
			requestUtils,
			'dropbox',
			folderName.split( '/' )
		);
		const url = await publish( requestUtils, 'Cold gallery', {
			provider: 'dropbox',
			folderId: folder.id,
			folderPath: folder.path,
			perPage: PHOTOS,
			lightbox: false,
		} );

		const control = sandbox();
		// Every Dropbox call waits 150 ms, as the benchmark does.
		await control.addFault( { kind: 'latency', latencyMs: 150 } );
		await control.resetRequestCounts();

		const types: string[] = [];
		page.on( 'response', ( response ) => {
			if (
				/customer-cloud-gallery\/i\/|ccg_image=/.test( response.url() )
			) {
				types.push( response.headers()[ 'content-type' ] ?? '' );
			}
		} );
		await page.setViewportSize( { width: 1280, height: 900 } );
		await page.goto( url );
		// Scrolls each photo into view (the grid lazy-loads below the fold)
		// and waits until it has decoded.
		expect( await expectEveryPhotoLoaded( page ) ).toBe( PHOTOS );
		expect( types.length ).toBeGreaterThanOrEqual( PHOTOS );
		expect(
			types.filter( ( type ) => ! type.startsWith( 'image/jpeg' ) ),
			'Photos, not grey placeholders.'
		).toEqual( [] );

		const { counts } = await control.requestCounts();
		const thumbnailCalls = THUMBNAIL_ROUTES.reduce(
			( sum, route ) => sum + ( counts[ route ] ?? 0 ),
			0
		);
		expect( thumbnailCalls, JSON.stringify( counts ) ).toBeGreaterThan( 0 );
		expect( thumbnailCalls, JSON.stringify( counts ) ).toBeLessThanOrEqual(
			4
		);
		// The listing: at most once (publishing through REST renders the
		// post for its response, which may have listed the folder already).
		expect(
			( counts[ 'files/list_folder' ] ?? 0 ) +
				( counts[ 'files/list_folder/continue' ] ?? 0 ),
			JSON.stringify( counts )
		).toBeLessThanOrEqual( 1 );
		const others = Object.keys( counts ).filter(
			( route ) =>
				! THUMBNAIL_ROUTES.includes( route ) &&
				! route.startsWith( 'files/list_folder' )
		);
		expect( others, 'Nothing else is asked of Dropbox.' ).toEqual( [] );
	} );
} );
