/**
 * External dependencies
 */
import path from 'node:path';
import { request, type Browser } from '@playwright/test';

/**
 * WordPress dependencies
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import { connectDropbox, connectGoogle } from './utils/connect';
import { arrowDownTo } from './utils/folder-tree';
import { sandbox } from './utils/sandbox';
import { SCREENS, jpegSize, viewAs, type ShownPhoto } from './utils/screens';
import {
	clearThumbnailCache,
	findFolder,
	publishGallery,
	restoreWarming,
	runWarming,
	withoutWarming,
} from './utils/warming';

/** The sample library's photos by title (file name without extension): pixel size as displayed. */
type Originals = Map< string, { width: number; height: number } >;

/**
 * The Portfolio/Nature photos of the sandbox library (Dropbox and Drive
 * show the same files).
 */
async function natureOriginals(): Promise< Originals > {
	const library = await sandbox().library();
	const originals: Originals = new Map();
	for ( const photo of library?.photos ?? [] ) {
		if (
			path.posix.dirname( photo.path ).endsWith( '/Portfolio/Nature' ) &&
			photo.width &&
			photo.height
		) {
			// The manifest's sizes are as displayed, orientation applied.
			originals.set(
				path.posix.basename(
					photo.path,
					path.posix.extname( photo.path )
				),
				{ width: photo.width, height: photo.height }
			);
		}
	}
	expect( originals.size ).toBeGreaterThan( 0 );
	return originals;
}

/**
 * Every photo is the photograph itself as a JPEG, at most as large as the
 * srcset candidate the browser chose, in the original's proportions: never
 * the plugin's grey placeholder (an SVG), never a broken image.
 *
 * @param shown     What one screen showed.
 * @param screen    The screen's name, for messages.
 * @param originals The library's photos.
 */
function expectPhotographs(
	shown: ShownPhoto[],
	screen: string,
	originals: Originals
): void {
	expect( shown.length ).toBe( originals.size );
	for ( const photo of shown ) {
		const what = `${ screen }: ${ photo.alt } (${ photo.currentSrc })`;
		expect( photo.status, what ).toBe( 200 );
		expect( photo.contentType, what ).toBe( 'image/jpeg' );
		const size = jpegSize( photo.body );
		expect( size, `${ what } is a JPEG` ).not.toBeNull();
		// The browser decoded these bytes (its natural size is scaled by the
		// candidate's density, so only the proportions compare).
		expect( photo.naturalWidth / photo.naturalHeight, what ).toBeCloseTo(
			size!.width / size!.height,
			1
		);
		expect( photo.candidateWidth, what ).toBeGreaterThan( 0 );
		expect(
			Math.max( size!.width, size!.height ),
			what
		).toBeLessThanOrEqual( photo.candidateWidth );
		expect( Math.min( size!.width, size!.height ), what ).toBeGreaterThan(
			100
		);
		const original = originals.get( photo.alt );
		expect( original, what ).toBeDefined();
		expect( size!.width / size!.height, what ).toBeCloseTo(
			original!.width / original!.height,
			1
		);
	}
}

/**
 * A first or second view at every screen, each in a fresh browser context.
 *
 * @param browser   The browser.
 * @param url       The gallery page.
 * @param originals The library's photos.
 * @return What each screen showed.
 */
async function viewAtEveryScreen(
	browser: Browser,
	url: string,
	originals: Originals
): Promise< ShownPhoto[][] > {
	const views: ShownPhoto[][] = [];
	for ( const screen of SCREENS ) {
		const shown = await viewAs( browser, url, screen );
		expectPhotographs( shown, screen.name, originals );
		views.push( shown );
	}
	// Otherwise the three screens would prove no more than one.
	const picked = new Set(
		views.flat().map( ( photo ) => photo.candidateWidth )
	);
	test.info().annotations.push( {
		type: 'srcset widths picked',
		description: SCREENS.map(
			( screen, i ) =>
				`${ screen.name }: ${ [
					...new Set( views[ i ]!.map( ( p ) => p.candidateWidth ) ),
				].join( '/' ) }w`
		).join( '; ' ),
	} );
	expect( picked.size ).toBeGreaterThanOrEqual( 2 );
	return views;
}

/**
 * The sandbox's request counts, all providers and routes, since the last reset.
 */
async function providerCalls(): Promise< Record< string, number > > {
	return ( await sandbox().requestCounts() ).counts;
}

test.describe( 'A fresh gallery on a phone, a laptop and a retina screen', () => {
	// Each test publishes, warms and loads the gallery six times.
	test.describe.configure( { mode: 'serial', timeout: 240_000 } );

	let originals: Originals;

	test.afterEach( () => restoreWarming() );

	test.beforeAll( async ( { browser } ) => {
		const admin = await browser.newPage( {
			baseURL: process.env.WP_BASE_URL,
			storageState: process.env.STORAGE_STATE_PATH,
		} );
		await connectDropbox( admin );
		await admin.close();
		originals = await natureOriginals();
	} );

	test.afterEach( async () => {
		await sandbox().clearFaults();
	} );

	// Later specs assume Nature's thumbnails have never been fetched.
	test.afterAll( () => {
		clearThumbnailCache();
	} );

	test( 'Dropbox, published then warmed by WP-Cron: first views on every screen get JPEGs from the disk cache, and second views cost nothing', async ( {
		browser,
		requestUtils,
	} ) => {
		clearThumbnailCache();
		await sandbox().resetRequestCounts();
		const nature = await findFolder( requestUtils, 'dropbox', [
			'Portfolio',
			'Nature',
		] );
		const url = await publishGallery(
			requestUtils,
			'Nature, warmed',
			'dropbox',
			nature
		);
		await runWarming( url );
		const warming = await providerCalls();
		expect( warming[ 'files/get_thumbnail_batch' ] ).toBeGreaterThan( 0 );
		expect( warming[ 'files/get_thumbnail_v2' ] ?? 0 ).toBe( 0 );

		await sandbox().resetRequestCounts();
		await viewAtEveryScreen( browser, url, originals );
		expect( await providerCalls(), 'first views' ).toEqual( {} );

		await sandbox().resetRequestCounts();
		await viewAtEveryScreen( browser, url, originals );
		expect( await providerCalls(), 'second views' ).toEqual( {} );
	} );

	test( 'Dropbox, first visitors before warming (warming off): every screen gets JPEGs on demand, a batch call per run of photos and size, and second views cost nothing', async ( {
		admin,
		browser,
		editor,
		page,
	} ) => {
		clearThumbnailCache();
		withoutWarming();

		// The editor's way: insert the block, pick the folder, publish.
		await admin.createNewPost( { title: 'Nature, not warmed yet' } );
		await editor.insertBlock( { name: 'customer-cloud-gallery/gallery' } );
		const tree = editor.canvas.getByRole( 'tree', { name: 'Folders' } );
		await expect(
			tree.getByRole( 'treeitem', { name: 'Portfolio' } )
		).toBeVisible();
		await tree.getByRole( 'treeitem' ).first().focus();
		await page.keyboard.press( 'p' ); // type-ahead: Portfolio
		await page.keyboard.press( 'ArrowRight' ); // open it
		await expect(
			tree.getByRole( 'treeitem', { name: 'Nature' } )
		).toBeVisible();
		await page.keyboard.press( 'ArrowRight' ); // into its first child
		await arrowDownTo( page, 'Nature' );
		await page.keyboard.press( 'Enter' );
		await page.keyboard.press( 'Tab' );
		await page.keyboard.press( 'Enter' ); // "Use this folder"
		const preview = editor.canvas.locator( '.ccg-preview' );
		await expect( preview.locator( 'img' ).first() ).toBeVisible( {
			timeout: 30_000,
		} );
		const postId = await editor.publishPost();
		const url = `/?p=${ postId }`;
		await page.goto( '/wp-admin/' );
		// WP-Cron runs, and the warming publishing scheduled does nothing.
		const cron = await request.newContext( {
			baseURL: process.env.WP_BASE_URL,
		} );
		await cron.get( '/wp-cron.php' );
		await cron.dispose();
		// What the editor's preview fetched would serve the visitors too.
		clearThumbnailCache();

		await sandbox().resetRequestCounts();
		const first = await viewAtEveryScreen( browser, url, originals );
		// Each screen picks one srcset size for all its photos; a miss
		// fetches its run of the page's window (24 per page: 25 photos) at
		// that size, the window split into interleaved runs of at most 25,
		// or 8 at 2048 px (ThumbnailSize::per_call()); a run with no photo
		// shown costs nothing.
		const shownAt = new Map< number, Set< string > >();
		for ( const photo of first.flat() ) {
			const urls = shownAt.get( photo.candidateWidth ) ?? new Set();
			urls.add( photo.currentSrc );
			shownAt.set( photo.candidateWidth, urls );
		}
		let runs = 0;
		for ( const [ width, urls ] of shownAt ) {
			runs += Math.min(
				Math.ceil( 25 / ( width > 1024 ? 8 : 25 ) ),
				urls.size
			);
		}
		expect(
			await providerCalls(),
			`first views: one get_thumbnail_batch per run and size shown (${ [
				...shownAt.keys(),
			].join( ', ' ) } px)`
		).toEqual( {
			'files/get_thumbnail_batch': runs,
		} );

		await sandbox().resetRequestCounts();
		await viewAtEveryScreen( browser, url, originals );
		expect( await providerCalls(), 'second views' ).toEqual( {} );
	} );

	test( 'Google Drive, published then warmed by WP-Cron: first views on every screen get JPEGs from the disk cache, and second views cost nothing', async ( {
		browser,
		requestUtils,
	} ) => {
		const admin = await browser.newPage( {
			baseURL: process.env.WP_BASE_URL,
			storageState: process.env.STORAGE_STATE_PATH,
		} );
		await connectGoogle( admin );
		await admin.close();
		try {
			clearThumbnailCache();
			const nature = await findFolder( requestUtils, 'google', [
				'My Drive',
				'Portfolio',
				'Nature',
			] );
			const url = await publishGallery(
				requestUtils,
				'Drive nature, warmed',
				'google',
				nature
			);
			await runWarming( url );

			await sandbox().resetRequestCounts();
			await viewAtEveryScreen( browser, url, originals );
			expect( await providerCalls(), 'first views' ).toEqual( {} );

			await sandbox().resetRequestCounts();
			await viewAtEveryScreen( browser, url, originals );
			expect( await providerCalls(), 'second views' ).toEqual( {} );
		} finally {
			// Later specs count sandbox requests; no Drive gallery may warm then.
			await requestUtils
				.rest( {
					method: 'POST',
					path: '/customer-cloud-gallery/v1/connections/google/disconnect',
				} )
				.catch( () => undefined );
		}
	} );
} );
