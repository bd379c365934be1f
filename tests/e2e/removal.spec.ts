/**
 * External dependencies
 */
import fs from 'node:fs';
import path from 'node:path';
import { request, type APIRequestContext } from '@playwright/test';

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
import { SettingsPage } from './utils/settings-page';
import {
	cachedFile,
	findFolder,
	imageUrlsIn,
	publishGallery,
	runWarming,
} from './utils/warming';

/** The grace period after a revoked grant, for this suite (7 days on a real site). */
const GRACE_SECONDS = 40;

/**
 * Makes "one refresh interval" one second for this suite, so a visit
 * followed by WP-Cron is what five minutes and a visit are on a real site,
 * and the grace period after a revoked grant GRACE_SECONDS.
 */
const SHORT_REFRESH = `<?php
add_filter( 'ccg_listing_max_age', static fn () => 1 );
add_filter( 'ccg_gone_folder_seconds', static fn () => 1 );
add_filter( 'ccg_revoked_grace_seconds', static fn () => ${ GRACE_SECONDS } );
`;

function muPlugin(): string {
	return path.join(
		process.env.CCG_WP_PATH as string,
		'wp-content',
		'mu-plugins',
		'ccg-e2e-short-refresh.php'
	);
}

async function libraryDir(): Promise< string > {
	const control = await request.newContext();
	try {
		const response = await control.get(
			`${ process.env.CCG_SANDBOX_CONTROL }/`
		);
		return ( ( await response.json() ) as { libraryDir: string } )
			.libraryDir;
	} finally {
		await control.dispose();
	}
}

/**
 * The page's image URLs by photo title (the `alt`), read from its HTML.
 *
 * @param html The gallery page.
 */
function urlsByPhoto( html: string ): Map< string, string[] > {
	const photos = new Map< string, string[] >();
	for ( const [ tag ] of html.matchAll( /<img\b[^>]*>/g ) ) {
		const alt = tag.match( /\salt="([^"]*)"/ )?.[ 1 ];
		const urls = imageUrlsIn( tag );
		if ( alt && urls.length > 0 ) {
			photos.set( alt, urls );
		}
	}
	return photos;
}

/**
 * Logged-out views after the listing's refresh interval, until `done` says
 * the page shows the change: a view finds the listing stale and schedules
 * its refresh, WP-Cron runs it (a cron run the view spawned may hold the
 * cron lock for a moment), and a later view shows the result.
 *
 * @param visitor A logged-out client.
 * @param url     The gallery page.
 * @param done    Whether the page's HTML shows the change.
 * @param timeout How long to try.
 * @return The page's HTML once it does.
 */
async function viewAfterRefresh(
	visitor: APIRequestContext,
	url: string,
	done: ( html: string ) => boolean,
	timeout = 30_000
): Promise< string > {
	let html = '';
	await expect
		.poll(
			async () => {
				await new Promise( ( resolve ) =>
					setTimeout( resolve, 1_100 )
				);
				await visitor.get( url );
				await visitor.get( '/wp-cron.php' );
				html = await ( await visitor.get( url ) ).text();
				return done( html );
			},
			{ timeout, intervals: [ 0 ] }
		)
		.toBe( true );
	return html;
}

test.describe( 'What the photographer removes disappears', () => {
	test.describe.configure( { mode: 'serial' } );
	test.use( { storageState: { cookies: [], origins: [] } } );

	let folderDir = '';
	let galleryUrl = '';
	let visitor: APIRequestContext;

	test.beforeAll( async ( { browser, requestUtils } ) => {
		fs.writeFileSync( muPlugin(), SHORT_REFRESH );
		await connectDropboxAsAdmin( browser );
		const library = await libraryDir();
		const manifest = await sandbox().library();
		const ceremony = path.join( library, manifest?.paths.ceremony ?? '' );
		const name = `Removal ${ Date.now() }`;
		folderDir = path.join( library, name );
		fs.mkdirSync( folderDir );
		for ( const file of fs
			.readdirSync( ceremony )
			.filter( ( f ) => f.endsWith( '.jpg' ) )
			.slice( 0, 3 ) ) {
			fs.copyFileSync(
				path.join( ceremony, file ),
				path.join( folderDir, file )
			);
		}
		const folder = await findFolder( requestUtils, 'dropbox', [ name ] );
		galleryUrl = await publishGallery(
			requestUtils,
			'A client gallery',
			'dropbox',
			folder
		);
		await runWarming( galleryUrl );
		visitor = await request.newContext( {
			baseURL: process.env.WP_BASE_URL,
			storageState: { cookies: [], origins: [] },
		} );
	} );

	test.afterAll( async () => {
		fs.rmSync( muPlugin(), { force: true } );
		fs.rmSync( folderDir, { recursive: true, force: true } );
		await visitor?.dispose();
	} );

	test( 'a photo deleted in Dropbox leaves the page after one refresh, with its files and URLs', async ( {
		page,
	} ) => {
		const before = urlsByPhoto(
			await ( await visitor.get( galleryUrl ) ).text()
		);
		expect( before.size ).toBe( 3 );
		const [ title, urls ] = [ ...before ][ 0 ] as [ string, string[] ];
		for ( const url of urls ) {
			expect( fs.existsSync( cachedFile( url ) ), url ).toBe( true );
		}

		const file = fs
			.readdirSync( folderDir )
			.find( ( f ) => path.parse( f ).name === title );
		fs.rmSync( path.join( folderDir, file as string ) );

		const after = urlsByPhoto(
			await viewAfterRefresh(
				visitor,
				galleryUrl,
				( html ) => ! urlsByPhoto( html ).has( title )
			)
		);
		expect( [ ...after.keys() ] ).not.toContain( title );
		expect( after.size ).toBe( 2 );
		for ( const url of urls ) {
			expect( fs.existsSync( cachedFile( url ) ), url ).toBe( false );
			expect( ( await visitor.get( url ) ).status(), url ).toBe( 404 );
		}

		await page.goto( galleryUrl );
		expect( await expectEveryPhotoLoaded( page ) ).toBe( 2 );
	} );

	test( 'Disconnect stops every Dropbox image URL at once and empties the cache folder', async ( {
		browser,
	} ) => {
		const urls = [
			...urlsByPhoto(
				await ( await visitor.get( galleryUrl ) ).text()
			).values(),
		].flat();
		expect( urls.length ).toBeGreaterThan( 0 );
		for ( const url of urls ) {
			expect( ( await visitor.get( url ) ).status() ).toBe( 200 );
		}

		const admin = await browser.newPage( {
			baseURL: process.env.WP_BASE_URL,
			storageState: process.env.STORAGE_STATE_PATH,
		} );
		const settings = new SettingsPage( admin );
		await settings.open();
		await settings.disconnect();
		await expect(
			admin.getByRole( 'button', { name: 'Connect Dropbox' } )
		).toBeVisible();
		await admin.close();

		for ( const url of urls ) {
			expect( fs.existsSync( cachedFile( url ) ), url ).toBe( false );
			expect( ( await visitor.get( url ) ).status(), url ).toBe( 404 );
		}
		const shards = path.dirname(
			path.dirname( cachedFile( urls[ 0 ] as string ) )
		);
		const left = fs
			.readdirSync( shards )
			.filter( ( shard ) => /^[0-9a-f]{2}$/.test( shard ) )
			.flatMap( ( shard ) =>
				fs
					.readdirSync( path.join( shards, shard ) )
					.filter( ( f ) => f.endsWith( '.jpg' ) )
			);
		expect( left ).toEqual( [] );
		await expect
			.poll( async () => ( await visitor.get( galleryUrl ) ).text() )
			.toContain( 'This gallery is not available right now.' );
	} );

	test( 'a grant revoked at Dropbox keeps the photos for the grace period with a countdown for admins, then stops', async ( {
		browser,
		page,
	} ) => {
		// It waits out the (shortened) grace period.
		test.setTimeout( ( GRACE_SECONDS + 120 ) * 1000 );
		await connectDropboxAsAdmin( browser );
		await page.goto( galleryUrl );
		expect( await expectEveryPhotoLoaded( page ) ).toBe( 2 );
		const urls = [
			...urlsByPhoto(
				await ( await visitor.get( galleryUrl ) ).text()
			).values(),
		].flat();

		await sandbox().revokeAllGrants();
		const admin = await browser.newPage( {
			baseURL: process.env.WP_BASE_URL,
			storageState: process.env.STORAGE_STATE_PATH,
		} );
		const notice = admin.locator( '.ccg-grace-notice' );
		// Visits go on; the listing's refresh is what learns of the refusal.
		await expect
			.poll(
				async () => {
					await visitor.get( galleryUrl );
					await visitor.get( '/wp-cron.php' );
					await admin.goto( '/wp-admin/' );
					return notice.count();
				},
				{ timeout: 30_000 }
			)
			.toBe( 1 );
		await expect( notice ).toContainText(
			/Dropbox no longer accepts this site’s access\. Published galleries keep showing the photos already cached for \d+ seconds? more/
		);

		await page.goto( galleryUrl );
		expect(
			await expectEveryPhotoLoaded( page ),
			'In the grace period'
		).toBe( 2 );

		await viewAfterRefresh(
			visitor,
			galleryUrl,
			( html ) =>
				html.includes( 'This gallery is not available right now.' ),
			( GRACE_SECONDS + 30 ) * 1000
		);
		await admin.goto( '/wp-admin/' );
		await expect( notice ).toContainText( 'its grace period is over' );
		await admin.close();
		await expect
			.poll(
				async () => {
					await visitor.get( '/wp-cron.php' );
					return urls.filter( ( url ) =>
						fs.existsSync( cachedFile( url ) )
					);
				},
				{ timeout: 30_000 }
			)
			.toEqual( [] );
	} );

	test( 'a folder deleted in Dropbox gives visitors the neutral message and empties its cache', async ( {
		browser,
		page,
	} ) => {
		await connectDropboxAsAdmin( browser );
		// Disconnect emptied the cache: the photos load again, each fetched once.
		await page.goto( galleryUrl );
		await expectEveryPhotoLoaded( page );
		const urls = [
			...urlsByPhoto(
				await ( await visitor.get( galleryUrl ) ).text()
			).values(),
		].flat();
		expect( urls.length ).toBeGreaterThan( 0 );

		fs.rmSync( folderDir, { recursive: true, force: true } );
		await viewAfterRefresh( visitor, galleryUrl, ( html ) =>
			html.includes( 'This gallery is not available right now.' )
		);

		for ( const url of urls ) {
			expect( fs.existsSync( cachedFile( url ) ), url ).toBe( false );
		}
		await page.goto( galleryUrl );
		await expect(
			page.getByText( 'This gallery is not available right now.' )
		).toBeVisible();
		await expect( page.locator( '.ccg-gallery__grid img' ) ).toHaveCount(
			0
		);
	} );
} );
