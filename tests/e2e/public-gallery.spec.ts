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
import { connectDropboxAsAdmin } from './utils/connect';
import { expectEveryPhotoLoaded } from './utils/photos';
import { sandbox } from './utils/sandbox';

interface FolderListing {
	folders: Array< { id: string; name: string; path: string } >;
}

const HOSTILE = '<img src=x onerror=alert(1)>';

/** Where a thumbnail's static uploads URL points. */
const STATIC_IMAGE =
	/\/wp-content\/uploads\/customer-cloud-gallery\/i\/[0-9a-f]{2}\/[\w-]+\.[\w-]+\.jpg$/;

/**
 * The `src` of the gallery's first photo.
 *
 * @param page The gallery page.
 */
function firstSource( page: Page ): Promise< string | null > {
	return page
		.locator( '.ccg-gallery__grid img' )
		.first()
		.getAttribute( 'src' );
}

test.describe( 'Public gallery, as a logged-out visitor', () => {
	test.describe.configure( { mode: 'serial' } );

	let galleryUrl = '';

	test.beforeAll( async ( { browser, requestUtils } ) => {
		// The tests below are logged out; connecting needs the admin.
		await connectDropboxAsAdmin( browser );

		const root = await requestUtils.rest< FolderListing >( {
			path: '/customer-cloud-gallery/v1/folders',
			params: { provider: 'dropbox', folder: '' },
		} );
		const edgeCases = root.folders.find( ( f ) => f.name === 'Edge Cases' );
		expect( edgeCases ).toBeDefined();
		const attributes = {
			provider: 'dropbox',
			folderId: edgeCases!.id,
			folderPath: edgeCases!.path,
			caption: 'filename',
			perPage: 24,
		};
		const post = await requestUtils.createPost( {
			title: 'Edge cases gallery',
			content: `<!-- wp:customer-cloud-gallery/gallery ${ JSON.stringify(
				attributes
			) } /-->`,
			status: 'publish',
			date_gmt: new Date().toISOString(),
		} );
		galleryUrl = `/?p=${ post.id }`;

		// The site checks in the background (WP-Cron) that its web server
		// hands missing uploads files to WordPress; until then, images keep
		// their /?ccg_image= URLs. Wait for that check, nudging WP-Cron.
		const visitor = await browser.newPage( {
			baseURL: process.env.WP_BASE_URL,
		} );
		await expect
			.poll(
				async () => {
					await visitor.request.get( '/wp-cron.php' );
					await visitor.goto( galleryUrl );
					return firstSource( visitor );
				},
				{ timeout: 30_000 }
			)
			.toMatch( STATIC_IMAGE );
		await visitor.close();
	} );

	test.use( { storageState: { cookies: [], origins: [] } } );

	test.afterEach( async () => {
		await sandbox().clearFaults();
	} );

	test( 'sees every photo, with hostile file names shown as text', async ( {
		page,
	} ) => {
		const dialogs: string[] = [];
		page.on( 'dialog', async ( dialog ) => {
			dialogs.push( dialog.message() );
			await dialog.dismiss();
		} );
		await page.goto( galleryUrl );
		await expect(
			page.getByRole( 'heading', {
				name: 'Edge cases gallery',
				level: 1,
			} )
		).toBeVisible();

		await expectEveryPhotoLoaded( page );
		await expect(
			page.locator( '.ccg-gallery__caption', { hasText: HOSTILE } )
		).toHaveCount( 1 );
		await expect( page.getByRole( 'img', { name: HOSTILE } ) ).toHaveCount(
			1
		);
		// HEIC, PDF and text files are skipped, never shown broken.
		await expect(
			page.locator( '.ccg-gallery__caption', { hasText: 'IMG_2040' } )
		).toHaveCount( 0 );
		expect( dialogs ).toEqual( [] );

		const sources = await page
			.locator( '.ccg-gallery__grid img' )
			.evaluateAll( ( imgs ) =>
				( imgs as HTMLImageElement[] ).flatMap( ( img ) => [
					img.getAttribute( 'src' ) ?? '',
					...( img.getAttribute( 'srcset' ) ?? '' )
						.split( ',' )
						.map(
							( candidate ) =>
								candidate.trim().split( ' ' )[ 0 ] ?? ''
						),
				] )
			);
		for ( const source of sources ) {
			expect( new URL( source ).pathname ).toMatch( STATIC_IMAGE );
		}

		const html = await page.content();
		expect( html ).not.toMatch( /dropbox(api|usercontent)?\.com/i );
		expect( html ).not.toMatch( /\bsl\.[A-Za-z0-9_-]{20,}/ );
		expect( html ).not.toMatch( /localhost:89(1[0-9])/ ); // the sandbox's hosts
		const gallery = await page
			.locator( '.wp-block-customer-cloud-gallery-gallery' )
			.evaluate( ( node ) => node.outerHTML );
		expect( gallery ).not.toMatch( /nonce/i );
	} );

	test( 'a warm second view costs Dropbox nothing', async ( { page } ) => {
		await page.goto( galleryUrl );
		await expectEveryPhotoLoaded( page );

		await sandbox().resetRequestCounts();
		await page.reload();
		const count = await expectEveryPhotoLoaded( page );
		const sources = await page
			.locator( '.ccg-gallery__grid img' )
			.evaluateAll( ( imgs ) =>
				( imgs as HTMLImageElement[] ).map( ( img ) => img.currentSrc )
			);
		expect( sources ).toHaveLength( count );
		for ( const source of sources ) {
			expect( ( await page.request.get( source ) ).status() ).toBe( 200 );
		}
		expect( ( await sandbox().requestCounts() ).total ).toBe( 0 );
	} );

	test( 'a tampered image URL is refused without asking Dropbox', async ( {
		page,
	} ) => {
		await page.goto( galleryUrl );
		const url = new URL( ( await firstSource( page ) )!, page.url() );
		const name = path.posix.basename( url.pathname, '.jpg' );
		const flip = ( token: string ) =>
			token.slice( 0, -1 ) + ( token.endsWith( 'A' ) ? 'B' : 'A' );
		const tamperedStatic = new URL(
			path.posix.join(
				path.posix.dirname( url.pathname ),
				`${ flip( name ) }.jpg`
			),
			url
		);
		const tamperedQuery = new URL( '/', url );
		tamperedQuery.searchParams.set( 'ccg_image', flip( name ) );

		await sandbox().resetRequestCounts();
		for ( const tampered of [ tamperedStatic, tamperedQuery ] ) {
			expect(
				( await page.request.get( tampered.toString() ) ).status()
			).toBe( 403 );
		}
		expect( ( await sandbox().requestCounts() ).total ).toBe( 0 );
	} );

	test( 'a photo whose cached file is gone comes back on the next visit', async ( {
		browser,
		page,
	} ) => {
		const site = process.env.CCG_WP_PATH;
		expect( site, 'npm test sets CCG_WP_PATH' ).toBeTruthy();
		await page.goto( galleryUrl );
		await expectEveryPhotoLoaded( page );
		// The srcset candidate the browser chose for this viewport.
		const loaded = await page
			.locator( '.ccg-gallery__grid img' )
			.first()
			.evaluate( ( img: HTMLImageElement ) => img.currentSrc );
		const url = new URL( loaded );
		expect( url.pathname ).toMatch( STATIC_IMAGE );
		const file = path.join( site!, decodeURIComponent( url.pathname ) );
		expect( fs.existsSync( file ) ).toBe( true );

		// Evicted, or the cache was cleared, while a page cache or a CDN
		// still holds the page that points at the file.
		fs.rmSync( file );
		await sandbox().resetRequestCounts();
		const visitor = await browser.newPage( {
			baseURL: process.env.WP_BASE_URL,
		} );
		await visitor.goto( galleryUrl );
		await expectEveryPhotoLoaded( visitor );
		expect(
			await visitor
				.locator( '.ccg-gallery__grid img' )
				.first()
				.evaluate( ( img: HTMLImageElement ) => img.currentSrc )
		).toBe( loaded );
		await visitor.close();

		expect( fs.existsSync( file ) ).toBe( true );
		expect( await sandbox().requestCounts() ).toMatchObject( {
			total: 1,
			counts: { 'files/get_thumbnail_v2': 1 },
		} );
	} );

	test( 'still renders with its photos while Dropbox is down', async ( {
		page,
	} ) => {
		await page.goto( galleryUrl );
		const before = await expectEveryPhotoLoaded( page );

		await sandbox().expireAccessTokens();
		await sandbox().ageTemporaryLinks( 5 * 3600 );
		await sandbox().addFault( { route: '*', kind: 'status', status: 503 } );
		await page.reload();
		expect( await expectEveryPhotoLoaded( page ) ).toBe( before );

		await sandbox().clearFaults();
		await sandbox().addFault( {
			route: '*',
			kind: 'status',
			status: 429,
			retryAfter: 30,
		} );
		await page.reload();
		expect( await expectEveryPhotoLoaded( page ) ).toBe( before );
	} );
} );
