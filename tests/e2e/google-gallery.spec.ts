/**
 * External dependencies
 */
import type { Browser, Page } from '@playwright/test';

/**
 * WordPress dependencies
 */
import {
	test,
	expect,
	type RequestUtils,
} from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import { connectDropbox, connectGoogle } from './utils/connect';
import { docsScreenshot } from './utils/docs-screenshot';
import { arrowDownTo } from './utils/folder-tree';
import { expectEveryPhotoLoaded } from './utils/photos';
import { googleRequestCount, sandbox } from './utils/sandbox';

interface FolderRef {
	id: string;
	name: string;
	path: string;
}

/** Hosts a visitor's page must never name: the plugin serves every image. */
const CLOUD_HOSTS =
	/googleapis\.com|googleusercontent\.com|dropbox(api|usercontent)?\.com/i;
/** The sandbox's hosts in the test environment (ports 8910 and up). */
const SANDBOX_HOSTS = /localhost:89(1[0-9])/;

/**
 * Walks the folder routes from a provider's root by folder names, as the
 * editor's tree does, and returns the folder found.
 *
 * @param requestUtils REST helper logged in as the admin.
 * @param provider     Provider.
 * @param names        Folder names from the root down.
 * @return The folder.
 */
async function findFolder(
	requestUtils: RequestUtils,
	provider: 'dropbox' | 'google',
	names: string[]
): Promise< FolderRef > {
	let folder: FolderRef = { id: '', name: '', path: '/' };
	for ( const name of names ) {
		const listing = await requestUtils.rest< { folders: FolderRef[] } >( {
			path: '/customer-cloud-gallery/v1/folders',
			params: { provider, folder: folder.id },
		} );
		const next = listing.folders.find( ( item ) => item.name === name );
		if ( ! next ) {
			throw new Error( `No folder "${ name }" in ${ folder.path }.` );
		}
		folder = next;
	}
	return folder;
}

function galleryBlock( provider: string, folder: FolderRef ): string {
	return `<!-- wp:customer-cloud-gallery/gallery ${ JSON.stringify( {
		provider,
		folderId: folder.id,
		folderPath: folder.path,
		lightbox: false,
	} ) } /-->`;
}

/**
 * A page as a visitor without any WordPress session sees it.
 *
 * @param browser The browser.
 * @return A logged-out page.
 */
async function visitorPage( browser: Browser ): Promise< Page > {
	return browser.newPage( {
		baseURL: process.env.WP_BASE_URL,
		storageState: { cookies: [], origins: [] },
	} );
}

/**
 * The plugin's own image addresses: a static file in uploads, or its image
 * endpoint while that file is being made.
 */
const PLUGIN_IMAGE =
	/^\/wp-content\/uploads\/customer-cloud-gallery\/i\/[0-9a-f]{2}\/[\w-]+\.[\w-]+\.jpg$/;

/**
 * Every image of the page comes from the site itself, through the plugin,
 * and the markup names no cloud host.
 *
 * @param page A gallery page.
 */
async function expectServedByThePlugin( page: Page ): Promise< void > {
	const html = await page.content();
	expect( html ).not.toMatch( CLOUD_HOSTS );
	expect( html ).not.toMatch( SANDBOX_HOSTS );
	expect( html ).not.toMatch( /ya29\.[A-Za-z0-9_-]{20,}/ );
	const sources = await page
		.locator( '.ccg-gallery__grid img' )
		.evaluateAll( ( imgs ) =>
			( imgs as HTMLImageElement[] ).flatMap( ( img ) => [
				img.currentSrc,
				...( img.getAttribute( 'srcset' ) ?? '' )
					.split( ',' )
					.map( ( candidate ) => candidate.trim().split( ' ' )[ 0 ] )
					.filter(
						( candidate ): candidate is string => !! candidate
					),
			] )
		);
	expect( sources.length ).toBeGreaterThan( 0 );
	const site = new URL( process.env.WP_BASE_URL ?? page.url() ).origin;
	for ( const source of sources ) {
		const url = new URL( source, page.url() );
		expect( url.origin ).toBe( site );
		expect(
			PLUGIN_IMAGE.test( url.pathname ) ||
				url.searchParams.has( 'ccg_image' )
		).toBe( true );
	}
}

test.describe( 'Google Drive galleries', () => {
	test.describe.configure( { mode: 'serial' } );

	let sideBySideUrl = '';

	test.beforeAll( async ( { browser, requestUtils } ) => {
		const admin = await browser.newPage( {
			baseURL: process.env.WP_BASE_URL,
			storageState: process.env.STORAGE_STATE_PATH,
		} );
		await connectDropbox( admin );
		await connectGoogle( admin );
		await admin.close();

		const nature = await findFolder( requestUtils, 'dropbox', [
			'Portfolio',
			'Nature',
		] );
		const anderson = await findFolder( requestUtils, 'google', [
			'Studio Shared',
			'Clients',
			'Anderson Engagement 2026',
		] );
		const post = await requestUtils.createPost( {
			title: 'Dropbox and Drive side by side',
			content: [
				galleryBlock( 'dropbox', nature ),
				galleryBlock( 'google', anderson ),
			].join( '\n' ),
			status: 'publish',
			date_gmt: new Date().toISOString(),
		} );
		sideBySideUrl = `/?p=${ post.id }`;
	} );

	test.afterEach( async () => {
		await sandbox().clearFaults();
	} );

	test.afterAll( async ( { requestUtils } ) => {
		// Later specs count sandbox requests; no Drive gallery may warm then.
		await requestUtils
			.rest( {
				method: 'POST',
				path: '/customer-cloud-gallery/v1/connections/google/disconnect',
			} )
			.catch( () => undefined );
	} );

	test(
		'an editor picks a Drive folder with the keyboard, publishes, and a visitor sees the grid',
		{ tag: '@smoke' },
		async ( { admin, editor, page, browser } ) => {
			await admin.createNewPost( { title: 'Drive gallery' } );
			await editor.insertBlock( {
				name: 'customer-cloud-gallery/gallery',
			} );

			await editor.canvas
				.getByRole( 'combobox', { name: 'Storage provider' } )
				.selectOption( { label: 'Google Drive' } );
			const tree = editor.canvas.getByRole( 'tree', { name: 'Folders' } );
			await expect(
				tree.getByRole( 'treeitem', { name: 'My Drive' } )
			).toBeVisible();
			await expect(
				tree.getByRole( 'treeitem', { name: 'Studio Shared' } )
			).toBeVisible();
			await docsScreenshot( page, 'google-gallery-tree' );

			// Keyboard only, from the tree's single tab stop.
			await tree.getByRole( 'treeitem' ).first().focus();
			await page.keyboard.press( 'm' ); // type-ahead: My Drive
			await page.keyboard.press( 'ArrowRight' ); // open it
			await expect(
				tree.getByRole( 'treeitem', { name: 'Portfolio' } )
			).toBeVisible();
			await page.keyboard.press( 'ArrowRight' ); // into its first child
			await arrowDownTo( page, 'Portfolio' );
			await page.keyboard.press( 'ArrowRight' );
			await expect(
				tree.getByRole( 'treeitem', { name: 'Nature' } )
			).toBeVisible();
			await page.keyboard.press( 'ArrowRight' );
			await arrowDownTo( page, 'Nature' );
			await page.keyboard.press( 'Enter' );
			await expect(
				editor.canvas.getByText( 'Chosen: /My Drive/Portfolio/Nature' )
			).toBeVisible();
			await page.keyboard.press( 'Tab' );
			await page.keyboard.press( 'Enter' ); // "Use this folder"

			const previewPhotos = editor.canvas.locator( '.ccg-preview img' );
			await expect( previewPhotos.first() ).toBeVisible( {
				timeout: 30_000,
			} );
			const chosen = ( await editor.getBlocks() )[ 0 ]?.attributes;
			expect( chosen ).toMatchObject( {
				provider: 'google',
				folderPath: '/My Drive/Portfolio/Nature',
			} );
			expect( chosen?.folderId ).toMatch( /^[\w-]+$/ );
			expect( chosen?.folderId ).not.toMatch( /^id:/ );

			const postId = await editor.publishPost();
			const visitor = await visitorPage( browser );
			await visitor.goto( `/?p=${ postId }` );
			await expect(
				visitor.getByRole( 'heading', {
					name: 'Drive gallery',
					level: 1,
				} )
			).toBeVisible();
			await expectEveryPhotoLoaded( visitor );
			await expectServedByThePlugin( visitor );
			await visitor.close();
		}
	);

	test( 'one page shows a Dropbox gallery and a Drive gallery side by side', async ( {
		browser,
	} ) => {
		const visitor = await visitorPage( browser );
		await visitor.goto( sideBySideUrl );

		const galleries = visitor.locator(
			'.wp-block-customer-cloud-gallery-gallery'
		);
		await expect( galleries ).toHaveCount( 2 );
		const dropboxPhotos = await expectEveryPhotoLoaded(
			galleries.nth( 0 )
		);
		const drivePhotos = await expectEveryPhotoLoaded( galleries.nth( 1 ) );
		expect( dropboxPhotos ).toBeGreaterThan( 0 );
		expect( drivePhotos ).toBeGreaterThan( 0 );
		await expectServedByThePlugin( visitor );
		await visitor.close();
	} );

	test( 'a warm view makes no call to Google', async ( { browser } ) => {
		const visitor = await visitorPage( browser );
		await visitor.goto( sideBySideUrl );
		await expectEveryPhotoLoaded( visitor );

		await sandbox().resetRequestCounts();
		await visitor.reload();
		const count = await expectEveryPhotoLoaded( visitor );
		const sources = await visitor
			.locator( '.ccg-gallery__grid img' )
			.evaluateAll( ( imgs ) =>
				( imgs as HTMLImageElement[] ).map( ( img ) => img.currentSrc )
			);
		expect( sources ).toHaveLength( count );
		for ( const source of sources ) {
			expect( ( await visitor.request.get( source ) ).status() ).toBe(
				200
			);
		}
		// WP-Cron's poll of Drive's changes may come due meanwhile: that is
		// the site's own background call, not the visitor's.
		const { counts } = await sandbox().requestCounts();
		expect(
			( await googleRequestCount() ) -
				( counts[ 'google/drive/v3/changes' ] ?? 0 )
		).toBe( 0 );
		await visitor.close();
	} );

	test( 'the page still renders while Google answers 403 rateLimitExceeded', async ( {
		browser,
		requestUtils,
	} ) => {
		// A Drive folder no page has shown yet, so Google must be asked.
		const wildlife = await findFolder( requestUtils, 'google', [
			'My Drive',
			'Portfolio',
			'Wildlife',
		] );
		const nature = await findFolder( requestUtils, 'dropbox', [
			'Portfolio',
			'Nature',
		] );
		const visitor = await visitorPage( browser );
		await visitor.goto( sideBySideUrl );
		const galleries = visitor.locator(
			'.wp-block-customer-cloud-gallery-gallery'
		);
		const before = await expectEveryPhotoLoaded( galleries.nth( 1 ) );

		await sandbox().expireGoogleAccessTokens();
		await sandbox().addFault( {
			route: 'google/*',
			kind: 'status',
			status: 403,
			reason: 'rateLimitExceeded',
		} );
		// Published only now: its warming on save (WP-Cron, set off by any
		// page view) must not list the folder before Google starts refusing.
		const fresh = await requestUtils.createPost( {
			title: 'Drive while rate limited',
			content: [
				galleryBlock( 'dropbox', nature ),
				galleryBlock( 'google', wildlife ),
			].join( '\n' ),
			status: 'publish',
			date_gmt: new Date().toISOString(),
		} );

		// A gallery the site has seen keeps every photo.
		const response = await visitor.reload();
		expect( response?.status() ).toBe( 200 );
		await expect( galleries ).toHaveCount( 2 );
		expect( await expectEveryPhotoLoaded( galleries.nth( 1 ) ) ).toBe(
			before
		);
		await expectEveryPhotoLoaded( galleries.nth( 0 ) );

		// A gallery it has not seen yet: the page, and the Dropbox gallery
		// beside it, render all the same.
		const cold = await visitor.goto( `/?p=${ fresh.id }` );
		expect( cold?.status() ).toBe( 200 );
		await expect(
			visitor.getByRole( 'heading', {
				name: 'Drive while rate limited',
				level: 1,
			} )
		).toBeVisible();
		await expectEveryPhotoLoaded( galleries.nth( 0 ) );
		const [ fault ] = await sandbox().faults();
		expect( fault?.hits ).toBeGreaterThan( 0 );
		await visitor.close();
	} );
} );
