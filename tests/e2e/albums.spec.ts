/**
 * External dependencies
 */
import type { Locator, Page } from '@playwright/test';

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
import { expectNoAxeViolations } from './utils/axe';
import {
	connectDropbox,
	connectDropboxAsAdmin,
	connectGoogle,
} from './utils/connect';
import { docsScreenshot } from './utils/docs-screenshot';
import { folder, publish } from './utils/galleries';
import { expectEveryPhotoLoaded } from './utils/photos';

/**
 * What the accessibility checks cover: the block's own markup. (The test
 * theme's navigation block, WordPress's own, has a "list" violation of its
 * own on every front-end page; it is not ours to fix, and not excluded.)
 */
const GALLERY = '.wp-block-customer-cloud-gallery-gallery';

/** The sandbox's /Portfolio holds exactly these three folders. */
const ALBUMS = [ 'Landscapes', 'Nature', 'Wildlife' ];

/**
 * Deletes the posts a describe published, so that their warming (WP-Cron)
 * never runs while a later spec counts the sandbox's requests.
 *
 * @param requestUtils The admin's REST client.
 * @param urls         The posts' URLs, as publish() gave them.
 */
async function deletePosts(
	requestUtils: RequestUtils,
	urls: string[]
): Promise< void > {
	for ( const url of urls ) {
		await requestUtils.rest( {
			method: 'DELETE',
			path: `/wp/v2/posts/${ url.replace( /^\/\?p=/, '' ) }`,
			params: { force: true },
		} );
	}
}

/**
 * The album cards' links, by their names.
 *
 * @param page The gallery page.
 */
function cards( page: Page ): Locator {
	return page.getByRole( 'list', { name: 'Albums' } ).getByRole( 'link' );
}

/**
 * Presses Tab until the focused element matches, as a keyboard user would
 * reach it; fails after a hundred presses.
 *
 * @param page   The page.
 * @param target The element to reach.
 */
async function tabTo( page: Page, target: Locator ): Promise< void > {
	for ( let presses = 0; presses < 100; presses++ ) {
		await page.keyboard.press( 'Tab' );
		if (
			await target.evaluate(
				( node ) => node === node.ownerDocument.activeElement
			)
		) {
			return;
		}
	}
	throw new Error( 'Tab never reached the element.' );
}

/**
 * Waits until every album cover has decoded.
 *
 * @param page The gallery page.
 */
async function expectEveryCoverLoaded( page: Page ): Promise< void > {
	const covers = page.locator( 'img.ccg-album__cover' );
	await expect( covers ).toHaveCount( ALBUMS.length );
	for ( let i = 0; i < ALBUMS.length; i++ ) {
		await expect
			.poll( () =>
				covers
					.nth( i )
					.evaluate(
						( img: HTMLImageElement ) =>
							img.complete && img.naturalWidth
					)
			)
			.toBeGreaterThan( 0 );
	}
}

test.describe( 'Albums, as a logged-out visitor', () => {
	test.describe.configure( { mode: 'serial' } );

	let galleryUrl = '';
	let clientsUrl = '';
	let otherAlbumKey = '';

	test.beforeAll( async ( { browser, requestUtils } ) => {
		await connectDropboxAsAdmin( browser );
		const portfolio = await folder( requestUtils, '', 'Portfolio' );
		galleryUrl = await publish( requestUtils, 'Portfolio albums', {
			provider: 'dropbox',
			folderId: portfolio.id,
			folderPath: portfolio.path,
			albums: true,
			lightbox: true,
		} );
		// Another block's album: a key that leads outside /Portfolio.
		const clients = await folder( requestUtils, '', 'Clients' );
		clientsUrl = await publish( requestUtils, 'Client albums', {
			provider: 'dropbox',
			folderId: clients.id,
			folderPath: clients.path,
			albums: true,
		} );
		const visitor = await browser.newPage( {
			baseURL: process.env.WP_BASE_URL,
			storageState: { cookies: [], origins: [] },
		} );
		await visitor.goto( clientsUrl );
		const href = await cards( visitor ).first().getAttribute( 'href' );
		otherAlbumKey =
			new URL( href!, visitor.url() ).searchParams.get( 'ccg-album-1' ) ??
			'';
		expect( otherAlbumKey ).toMatch( /^[0-9a-f]{12}$/ );

		// Saving warms the albums on WP-Cron; until it has run, a card may
		// wait for its count. Nudge WP-Cron until every card has one.
		await expect
			.poll(
				async () => {
					await visitor.request.get( '/wp-cron.php' );
					await visitor.goto( galleryUrl );
					return visitor.locator( '.ccg-album__count' ).count();
				},
				{ timeout: 60_000 }
			)
			.toBe( ALBUMS.length );
		await visitor.close();
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await deletePosts( requestUtils, [ galleryUrl, clientsUrl ] );
	} );

	test.use( { storageState: { cookies: [], origins: [] } } );

	test( 'sees three album cards with covers and counts', async ( {
		page,
	} ) => {
		await page.goto( galleryUrl );
		await expect( cards( page ) ).toHaveCount( ALBUMS.length );
		for ( const [ index, name ] of ALBUMS.entries() ) {
			const card = cards( page ).nth( index );
			await expect( card ).toContainText( name );
			await expect( card.locator( '.ccg-album__count' ) ).toHaveText(
				/^[1-9]\d* photos?$/
			);
		}
		await expectEveryCoverLoaded( page );
		const html = await page
			.locator( GALLERY )
			.evaluate( ( n ) => n.outerHTML );
		expect( html ).not.toMatch( /Portfolio\/|id:|nonce/i );

		await expectNoAxeViolations( page, GALLERY );
		await docsScreenshot( page.locator( GALLERY ), 'albums-cards' );
	} );

	test( 'opens an album and comes back through the breadcrumb by keyboard', async ( {
		page,
	} ) => {
		await page.goto( galleryUrl );
		const nature = cards( page ).filter( { hasText: 'Nature' } );
		const count = Number(
			(
				await nature.locator( '.ccg-album__count' ).textContent()
			)?.match( /\d+/ )?.[ 0 ]
		);
		await tabTo( page, nature );
		await page.keyboard.press( 'Enter' );
		await expect( page ).toHaveURL( /[?&]ccg-album-1=[0-9a-f]{12}$/ );

		const breadcrumb = page.getByRole( 'navigation', {
			name: 'Breadcrumb',
		} );
		await expect(
			breadcrumb.locator( '[aria-current="page"]' )
		).toHaveText( 'Nature' );
		expect( await expectEveryPhotoLoaded( page ) ).toBe(
			Math.min( count, 24 )
		);
		await expect( cards( page ) ).toHaveCount( 0 );
		await expectNoAxeViolations( page, GALLERY );
		await docsScreenshot( page.locator( GALLERY ), 'albums-album' );

		const back = breadcrumb.getByRole( 'link', { name: 'Portfolio' } );
		await tabTo( page, back );
		await page.keyboard.press( 'Enter' );
		await expect( page ).not.toHaveURL( /ccg-album-1/ );
		await expect( cards( page ) ).toHaveCount( ALBUMS.length );
	} );

	test( 'opens an album and comes back with JavaScript off', async ( {
		browser,
	} ) => {
		const context = await browser.newContext( {
			baseURL: process.env.WP_BASE_URL,
			javaScriptEnabled: false,
		} );
		const page = await context.newPage();
		await page.goto( galleryUrl );
		await cards( page ).filter( { hasText: 'Wildlife' } ).click();
		await expect( page ).toHaveURL( /[?&]ccg-album-1=[0-9a-f]{12}$/ );
		const breadcrumb = page.getByRole( 'navigation', {
			name: 'Breadcrumb',
		} );
		await expect(
			breadcrumb.locator( '[aria-current="page"]' )
		).toHaveText( 'Wildlife' );
		await expectEveryPhotoLoaded( page );

		await breadcrumb.getByRole( 'link', { name: 'Portfolio' } ).click();
		await expect( page ).not.toHaveURL( /ccg-album-1/ );
		await expect( cards( page ) ).toHaveCount( ALBUMS.length );
		await context.close();
	} );

	test( 'a hand-edited album URL gets the neutral message', async ( {
		page,
	} ) => {
		for ( const key of [ otherAlbumKey, '0123456789ab', '..%2F..' ] ) {
			await page.goto( `${ galleryUrl }&ccg-album-1=${ key }` );
			await expect( page.locator( GALLERY ) ).toContainText(
				'This gallery is not available right now.'
			);
			await expect( page.locator( `${ GALLERY } img` ) ).toHaveCount( 0 );
			await page
				.getByRole( 'link', { name: 'Back to the gallery' } )
				.click();
			await expect( cards( page ) ).toHaveCount( ALBUMS.length );
		}
	} );
} );

test.describe( 'Albums in the editor', () => {
	test( 'the Albums panel turns the cards on, and the preview shows them without leaving the editor', async ( {
		admin,
		browser,
		editor,
		page,
		requestUtils,
	} ) => {
		// The block editor is slow on a busy machine.
		test.setTimeout( 120_000 );
		await connectDropboxAsAdmin( browser );
		const portfolio = await folder( requestUtils, '', 'Portfolio' );
		await admin.createNewPost( { title: 'Albums in the editor' } );
		await editor.insertBlock( {
			name: 'customer-cloud-gallery/gallery',
			attributes: {
				provider: 'dropbox',
				folderId: portfolio.id,
				folderPath: portfolio.path,
			},
		} );
		await editor.openDocumentSettingsSidebar();
		await page
			.getByRole( 'button', { name: 'Albums', exact: true } )
			.click();
		const toggle = page.getByRole( 'checkbox', {
			name: 'Show subfolders as albums',
		} );
		await expect( async () => {
			if ( ! ( await toggle.isChecked() ) ) {
				await toggle.click();
			}
			await expect( toggle ).toBeChecked( { timeout: 2_000 } );
		} ).toPass( { timeout: 20_000 } );
		const levels = page.getByRole( 'spinbutton', { name: 'Album levels' } );
		await expect( levels ).toBeVisible();
		await levels.fill( '2' );
		expect( ( await editor.getBlocks() )[ 0 ]?.attributes ).toMatchObject( {
			albums: true,
			albumDepth: 2,
		} );

		const previewCards = editor.canvas.locator( '.ccg-preview .ccg-album' );
		await expect( previewCards ).toHaveCount( ALBUMS.length );
		await expect( previewCards.first() ).toContainText( 'Landscapes' );
		const before = page.url();
		await previewCards.first().click( { force: true } );
		await expect( previewCards ).toHaveCount( ALBUMS.length );
		expect( page.url() ).toBe( before );
	} );
} );

test.describe( 'Albums of a Google Drive folder, as a logged-out visitor', () => {
	let galleryUrl = '';

	test.beforeAll( async ( { browser, requestUtils } ) => {
		const admin = await browser.newPage( {
			baseURL: process.env.WP_BASE_URL,
			storageState: process.env.STORAGE_STATE_PATH,
		} );
		await connectDropbox( admin );
		await connectGoogle( admin );
		await admin.close();
		let portfolio = { id: '', path: '/' };
		for ( const name of [ 'My Drive', 'Portfolio' ] ) {
			const listing = await requestUtils.rest< {
				folders: Array< { id: string; name: string; path: string } >;
			} >( {
				path: '/customer-cloud-gallery/v1/folders',
				params: { provider: 'google', folder: portfolio.id },
			} );
			const next = listing.folders.find( ( f ) => f.name === name );
			expect( next, name ).toBeDefined();
			portfolio = next!;
		}
		galleryUrl = await publish( requestUtils, 'Drive albums', {
			provider: 'google',
			folderId: portfolio.id,
			folderPath: portfolio.path,
			albums: true,
		} );
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await deletePosts( requestUtils, [ galleryUrl ] );
		// Later specs count sandbox requests; no Drive gallery may warm then.
		await requestUtils
			.rest( {
				method: 'POST',
				path: '/customer-cloud-gallery/v1/connections/google/disconnect',
			} )
			.catch( () => undefined );
	} );

	test.use( { storageState: { cookies: [], origins: [] } } );

	test( 'sees three cards with covers and counts, opens one and comes back', async ( {
		page,
	} ) => {
		await expect
			.poll(
				async () => {
					await page.request.get( '/wp-cron.php' );
					await page.goto( galleryUrl );
					return page.locator( '.ccg-album__count' ).count();
				},
				{ timeout: 60_000 }
			)
			.toBe( ALBUMS.length );
		await expect( cards( page ) ).toHaveText(
			ALBUMS.map(
				( name ) =>
					new RegExp( `^\\s*${ name }\\s+[1-9]\\d* photos?\\s*$` )
			)
		);
		await expectEveryCoverLoaded( page );
		await expectNoAxeViolations( page, GALLERY );

		await tabTo( page, cards( page ).filter( { hasText: 'Landscapes' } ) );
		await page.keyboard.press( 'Enter' );
		const breadcrumb = page.getByRole( 'navigation', {
			name: 'Breadcrumb',
		} );
		await expect(
			breadcrumb.locator( '[aria-current="page"]' )
		).toHaveText( 'Landscapes' );
		await expectEveryPhotoLoaded( page );
		await expectNoAxeViolations( page, GALLERY );
		await breadcrumb.getByRole( 'link', { name: 'Portfolio' } ).click();
		await expect( cards( page ) ).toHaveCount( ALBUMS.length );
	} );
} );
