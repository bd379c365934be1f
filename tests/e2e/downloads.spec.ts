/**
 * External dependencies
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

/**
 * WordPress dependencies
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import { expectNoAxeViolations } from './utils/axe';
import { connectDropboxAsAdmin } from './utils/connect';
import { docsScreenshot } from './utils/docs-screenshot';
import {
	downloadMemory,
	expiredCopyOf,
	recordDownloadMemory,
	stopRecordingDownloadMemory,
	testedZipEntries,
} from './utils/downloads';
import { folder, publish } from './utils/galleries';
import { expectEveryPhotoLoaded } from './utils/photos';
import { sandbox } from './utils/sandbox';

const MEBIBYTE = 1024 * 1024;

/** The block's wrapper, the open lightbox included. */
const GALLERY = '.wp-block-customer-cloud-gallery-gallery';

/** The real photographs of the sample library, copied round-robin into a 100-photo album. */
const SOURCES = [
	'/Portfolio/Nature/Aqua.jpg',
	'/Portfolio/Nature/Blinds.jpg',
	'/Portfolio/Nature/Dune.jpg',
	'/Portfolio/Nature/FreshFlower.jpg',
	'/Portfolio/Nature/Garden.jpg',
	'/Portfolio/Nature/GreenMeadow.jpg',
	'/Portfolio/Nature/LadyBird.jpg',
	'/Portfolio/Nature/RainDrops.jpg',
	'/Portfolio/Nature/Storm.jpg',
	'/Portfolio/Nature/TwoWings.jpg',
	'/Portfolio/Landscapes/Volna.jpg',
	'/Portfolio/Wildlife/Elephants 5640×3172.jpg',
];

const ALBUM = `Downloads ${ Date.now() }`;
const NAMES = Array.from(
	{ length: 100 },
	( _, i ) =>
		`Shot ${ String( i + 1 ).padStart( 3, '0' ) } ${ path.basename(
			SOURCES[ i % SOURCES.length ]!
		) }`
);

/**
 * Reloads until no photo on the page is the grey tile a thumbnail still
 * being made is shown as (it is never cached), so the guide's screenshot
 * shows photos. The 16 MB originals take the sandbox a while.
 *
 * @param page The gallery page.
 */
async function withoutPlaceholders( page: Page ): Promise< void > {
	await expect
		.poll(
			async () => {
				await page.reload();
				await expectEveryPhotoLoaded( page );
				return page
					.locator( `${ GALLERY } .ccg-gallery__grid img` )
					.evaluateAll( async ( images ) => {
						const types = await Promise.all(
							images.map( async ( image ) =>
								(
									await fetch(
										( image as HTMLImageElement ).currentSrc
									)
								).headers.get( 'content-type' )
							)
						);
						return types.filter( ( type ) => type !== 'image/jpeg' )
							.length;
					} );
			},
			{ timeout: 120_000, intervals: [ 5_000 ] }
		)
		.toBe( 0 );
}

test.describe( 'Downloads, as a logged-out visitor', () => {
	test.describe.configure( { mode: 'serial' } );

	let gallery = '';
	let libraryDir = '';

	test.beforeAll( async ( { browser, requestUtils } ) => {
		test.setTimeout( 180_000 );
		await connectDropboxAsAdmin( browser );
		const control = sandbox();
		for ( const name of NAMES ) {
			await control.putFile( `/${ ALBUM }/${ name }`, {
				copyOf: SOURCES[ NAMES.indexOf( name ) % SOURCES.length ]!,
			} );
		}
		libraryDir = (
			( await (
				await fetch( `${ process.env.CCG_SANDBOX_CONTROL }/` )
			).json() ) as { libraryDir: string }
		 ).libraryDir;
		const album = await folder( requestUtils, '', ALBUM );
		gallery = await publish( requestUtils, 'Photos to take home', {
			provider: 'dropbox',
			folderId: album.id,
			folderPath: album.path,
			lightbox: true,
			perPage: 12,
			columns: 4,
			downloads: true,
		} );
		recordDownloadMemory();
	} );

	test.afterAll( async () => {
		stopRecordingDownloadMemory();
		const control = sandbox();
		for ( const name of NAMES ) {
			await control.deleteFile( `/${ ALBUM }/${ name }` );
		}
	} );

	test.use( { storageState: { cookies: [], origins: [] } } );

	test( 'the controls are links with names, in the grid and in the open lightbox, with no axe violations', async ( {
		page,
	} ) => {
		test.setTimeout( 240_000 );
		await page.goto( gallery );
		const all = page.getByRole( 'link', {
			name: 'Download all photos (ZIP)',
		} );
		await expect( all ).toBeVisible();
		await expect( all ).toHaveAttribute( 'download', '' );
		const first = page.getByRole( 'link', {
			name: 'Download Shot 001 Aqua',
		} );
		await expect( first ).toBeVisible();
		const html = await page.content();
		// Dropbox ids and revisions as the API writes them ("id:" + 22
		// characters, "rev:" + hex), never CSS such as "__grid:after".
		expect( html ).not.toMatch(
			/dropboxapi|:\d+\/2\/files|\brev:[0-9a-f]{9,}|\bid:[A-Za-z0-9_-]{10,}/
		);
		for ( const href of await page
			.locator( 'a[download][href]' )
			.evaluateAll( ( links ) =>
				links.map( ( link ) => ( link as HTMLAnchorElement ).href )
			) ) {
			expect( new URL( href ).searchParams.has( 'ccg_download' ) ).toBe(
				true
			);
			expect( new URL( href ).origin ).toBe(
				new URL( page.url() ).origin
			);
		}
		// Our markup: the theme's own navigation is not this plugin's to fix.
		await expectNoAxeViolations( page, GALLERY );
		await withoutPlaceholders( page );
		await docsScreenshot( page.locator( GALLERY ), 'downloads-controls' );

		await page.locator( '.ccg-gallery__link' ).first().click();
		const dialog = page.getByRole( 'dialog' );
		await expect( dialog ).toBeVisible();
		const inLightbox = dialog.getByRole( 'link', { name: 'Download' } );
		await expect( inLightbox ).toBeVisible();
		await expect( inLightbox ).toHaveAttribute(
			'href',
			( await first.getAttribute( 'href' ) )!
		);
		await expectNoAxeViolations( page, GALLERY );
		await page.keyboard.press( 'ArrowRight' );
		await expect( inLightbox ).toHaveAttribute(
			'href',
			( await page
				.getByRole( 'link', { name: 'Download Shot 002 Blinds' } )
				.getAttribute( 'href' ) )!
		);
	} );

	test( '"Download all" streams a valid ZIP of the whole album in under 64 MB of PHP memory', async ( {
		page,
	} ) => {
		test.setTimeout( 300_000 );
		await page.goto( gallery );
		recordDownloadMemory();
		const [ download ] = await Promise.all( [
			page.waitForEvent( 'download' ),
			page
				.getByRole( 'link', { name: 'Download all photos (ZIP)' } )
				.click(),
		] );
		const file = await download.path();
		expect( download.suggestedFilename() ).toBe( `${ ALBUM }.zip` );
		const entries = testedZipEntries( file );
		expect( [ ...entries ].sort() ).toEqual( [ ...NAMES ].sort() );
		const albumBytes = NAMES.reduce(
			( sum, name ) =>
				sum + fs.statSync( path.join( libraryDir, ALBUM, name ) ).size,
			0
		);
		// Bigger than the memory limit it is checked against, so holding it would fail.
		expect( albumBytes ).toBeGreaterThan( 64 * MEBIBYTE );
		expect( fs.statSync( file ).size ).toBeGreaterThan( albumBytes );

		await expect.poll( () => downloadMemory().length ).toBe( 1 );
		const [ peak ] = downloadMemory();
		console.log(
			`Download all: ${ ( albumBytes / MEBIBYTE ).toFixed(
				1
			) } MiB of photos; PHP peak ${ ( peak!.real / MEBIBYTE ).toFixed(
				1
			) } MiB (allocated), ${ ( peak!.used / MEBIBYTE ).toFixed(
				1
			) } MiB (used)`
		);
		expect( peak!.real ).toBeLessThan( 64 * MEBIBYTE );
	} );

	test( 'a single photo resumes with Range', async ( { page, request } ) => {
		await page.goto( gallery );
		const href = ( await page
			.getByRole( 'link', {
				name: 'Download Shot 012 Elephants 5640×3172',
			} )
			.getAttribute( 'href' ) )!;
		const original = fs.readFileSync(
			path.join( libraryDir, ALBUM, NAMES[ 11 ]! )
		);
		const head = await request.get( href, {
			headers: { Range: 'bytes=0-999999' },
		} );
		expect( head.status() ).toBe( 206 );
		expect( head.headers()[ 'content-range' ] ).toBe(
			`bytes 0-999999/${ original.length }`
		);
		const rest = await request.get( href, {
			headers: { Range: 'bytes=1000000-' },
		} );
		expect( rest.status() ).toBe( 206 );
		expect( rest.headers()[ 'content-range' ] ).toBe(
			`bytes 1000000-${ original.length - 1 }/${ original.length }`
		);
		const joined = Buffer.concat( [
			await head.body(),
			await rest.body(),
		] );
		expect( joined.equals( original ) ).toBe( true );
	} );

	test( 'an expired download link gets 410 and the way back to the gallery', async ( {
		page,
		request,
	} ) => {
		await page.goto( gallery );
		const galleryUrl = page.url();
		const href = ( await page
			.getByRole( 'link', { name: 'Download all photos (ZIP)' } )
			.getAttribute( 'href' ) )!;
		const expired = expiredCopyOf( href );
		expect( ( await request.get( expired ) ).status() ).toBe( 410 );

		await page.goto( expired );
		await expect(
			page.getByRole( 'heading', {
				name: 'This download link has expired',
			} )
		).toBeVisible();
		await expectNoAxeViolations( page );
		await page.getByRole( 'link', { name: 'Back to the gallery' } ).click();
		await expect( page ).toHaveURL( galleryUrl );
	} );
} );
