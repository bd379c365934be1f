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
import { expectNoAxeViolations } from './utils/axe';
import { connectDropboxAsAdmin } from './utils/connect';
import { docsScreenshot } from './utils/docs-screenshot';
import { folder, publish } from './utils/galleries';
import { expectEveryPhotoLoaded } from './utils/photos';

/**
 * The part of the page that is ours: axe checks it whole (the theme's
 * navigation block around it is core's markup, not the plugin's).
 */
const GALLERY = '.wp-block-customer-cloud-gallery-gallery';

const WIDTHS = [
	{ width: 390, height: 844 },
	{ width: 1280, height: 800 },
	{ width: 1920, height: 1080 },
];

interface Shift {
	value: number;
	sources: string[];
}

/**
 * Records every layout-shift entry the browser reports from the first
 * paint on (buffered), before any of the page's scripts run.
 *
 * @param page A page not yet navigated.
 */
async function recordLayoutShifts( page: Page ): Promise< void > {
	await page.addInitScript( () => {
		const shifts: Array< { value: number; sources: string[] } > = [];
		( window as unknown as { ccgShifts: typeof shifts } ).ccgShifts =
			shifts;
		new PerformanceObserver( ( list ) => {
			for ( const entry of list.getEntries() ) {
				const shift = entry as PerformanceEntry & {
					value: number;
					sources?: Array< {
						node?: Node | null;
						previousRect: DOMRectReadOnly;
						currentRect: DOMRectReadOnly;
					} >;
				};
				const rect = ( r: DOMRectReadOnly ) =>
					[ r.x, r.y, r.width, r.height ]
						.map( Math.round )
						.join( ',' );
				shifts.push( {
					value: shift.value,
					sources: ( shift.sources ?? [] ).map( ( source ) => {
						const node = source.node;
						const element =
							node instanceof Element
								? node
								: node?.parentElement;
						const where = element?.closest( '.ccg-gallery' )
							? 'gallery'
							: 'page';
						const name = element
							? `${ where } ${ element.tagName.toLowerCase() }.${ element.className }`
							: 'gallery? (a box with no node)';
						// Where it was and where it went, so a failure says what moved.
						return `${ name } ${ rect( source.previousRect ) } -> ${ rect(
							source.currentRect
						) } at ${ Math.round( shift.startTime ) } ms`;
					} ),
				} );
			}
		} ).observe( { type: 'layout-shift', buffered: true } );
	} );
}

async function layoutShifts( page: Page ): Promise< Shift[] > {
	// One more frame, so entries of the last layout are delivered.
	await page.evaluate(
		() =>
			new Promise( ( resolve ) =>
				requestAnimationFrame( () => setTimeout( resolve, 100 ) )
			)
	);
	return page.evaluate(
		() => ( window as unknown as { ccgShifts: Shift[] } ).ccgShifts
	);
}

/**
 * Scrolls down the page a screen at a time, as a reader does, then back up.
 *
 * @param page The gallery page.
 */
async function scrollThrough( page: Page ): Promise< void > {
	for ( let i = 0; i < 40; i++ ) {
		const atBottom = await page.evaluate( () => {
			window.scrollBy( 0, window.innerHeight * 0.8 );
			return (
				window.scrollY + window.innerHeight >=
				document.documentElement.scrollHeight - 1
			);
		} );
		await page.waitForTimeout( 150 );
		if ( atBottom ) {
			break;
		}
	}
	await page.evaluate( () => window.scrollTo( 0, 0 ) );
}

interface Box {
	left: number;
	top: number;
	width: number;
	height: number;
}

/**
 * Each photo's box in page coordinates, rounded to pixels.
 *
 * @param page The gallery page.
 */
function boxes( page: Page ): Promise< Box[] > {
	return page.locator( '.ccg-gallery__item' ).evaluateAll( ( items ) =>
		items.map( ( item ) => {
			const rect = item.getBoundingClientRect();
			return {
				left: Math.round( rect.left ),
				top: Math.round( rect.top + window.scrollY ),
				width: Math.round( rect.width ),
				height: Math.round( rect.height ),
			};
		} )
	);
}

test.describe( 'Justified and masonry layouts, as a logged-out visitor', () => {
	test.describe.configure( { mode: 'serial' } );

	const pages: Record< 'justified' | 'masonry' | 'paged', string > = {
		justified: '',
		masonry: '',
		paged: '',
	};

	test.beforeAll( async ( { browser, requestUtils } ) => {
		await connectDropboxAsAdmin( browser );
		const portfolio = await folder( requestUtils, '', 'Portfolio' );
		const nature = await folder( requestUtils, portfolio.id, 'Nature' );
		const clients = await folder( requestUtils, '', 'Clients' );
		const wedding = await folder(
			requestUtils,
			clients.id,
			'Smith Wedding 2026'
		);
		const ceremony = await folder( requestUtils, wedding.id, 'Ceremony' );
		const natureGallery = {
			provider: 'dropbox',
			folderId: nature.id,
			folderPath: nature.path,
			align: 'wide',
			perPage: 24,
		};
		pages.justified = await publish( requestUtils, 'Justified nature', {
			...natureGallery,
			layout: 'justified',
			rowHeight: 200,
		} );
		pages.masonry = await publish( requestUtils, 'Masonry nature', {
			...natureGallery,
			layout: 'masonry',
			columns: 4,
			caption: 'filename',
		} );
		pages.paged = await publish( requestUtils, 'Masonry ceremony', {
			provider: 'dropbox',
			folderId: ceremony.id,
			folderPath: ceremony.path,
			layout: 'masonry',
			columns: 3,
			perPage: 4,
			lightbox: true,
		} );
	} );

	test.use( { storageState: { cookies: [], origins: [] } } );

	for ( const layout of [ 'justified', 'masonry' ] as const ) {
		for ( const viewport of WIDTHS ) {
			test( `${ layout } at ${ viewport.width }px: no layout shift while photos load and after scrolling`, async ( {
				browser,
			} ) => {
				const context = await browser.newContext( {
					viewport,
					storageState: { cookies: [], origins: [] },
				} );
				const page = await context.newPage();
				await recordLayoutShifts( page );
				await page.goto( pages[ layout ] );
				await expect(
					page.locator( `.ccg-layout-${ layout }` )
				).toBeVisible();
				await scrollThrough( page );
				expect( await expectEveryPhotoLoaded( page ) ).toBeGreaterThan(
					6
				);
				await scrollThrough( page );
				const shifts = await layoutShifts( page );
				await context.close();

				// Every entry that moved anything of the gallery (or a box
				// with no node, such as the justified rows' filler).
				const gallery = shifts.filter( ( shift ) =>
					shift.sources.some(
						( source ) => ! source.startsWith( 'page ' )
					)
				);
				expect( gallery ).toEqual( [] );
				expect(
					gallery.reduce( ( sum, shift ) => sum + shift.value, 0 )
				).toBe( 0 );
				// The test site's theme moves its own text when its web fonts
				// arrive late from the busy PHP server: recorded, not ours.
				test.info().annotations.push( {
					type: 'layout shifts outside the gallery (the theme)',
					description: JSON.stringify( shifts ),
				} );
			} );
		}
	}

	test( 'justified rows fill the width at one height, and pass axe', async ( {
		page,
	} ) => {
		await page.setViewportSize( { width: 1280, height: 900 } );
		await page.goto( pages.justified );
		await expectEveryPhotoLoaded( page );
		const grid = page.locator( '.ccg-gallery__grid' );
		const width = ( await grid.boundingBox() )!.width;
		const rows = new Map< number, Box[] >();
		for ( const box of await boxes( page ) ) {
			rows.set( box.top, [ ...( rows.get( box.top ) ?? [] ), box ] );
		}
		const all = [ ...rows.values() ];
		expect( all.length ).toBeGreaterThan( 1 );
		for ( const row of all.slice( 0, -1 ) ) {
			expect( row.length ).toBeGreaterThan( 1 );
			const heights = row.map( ( box ) => box.height );
			expect( Math.max( ...heights ) - Math.min( ...heights ) ).toBe( 0 );
			const first = row[ 0 ] as Box;
			const last = row[ row.length - 1 ] as Box;
			expect(
				Math.abs( last.left + last.width - first.left - width )
			).toBeLessThanOrEqual( 1 );
		}
		// The last row keeps the row height rather than stretching.
		const lastRow = all[ all.length - 1 ] as Box[];
		expect( ( lastRow[ 0 ] as Box ).height ).toBeLessThanOrEqual( 202 );
		await expectNoAxeViolations( page, GALLERY );
		await page.evaluate( () => window.scrollTo( 0, 0 ) );
		await docsScreenshot(
			page.locator( '.ccg-gallery' ),
			'layouts-justified'
		);
	} );

	test( 'masonry columns, and pass axe', async ( { page } ) => {
		await page.setViewportSize( { width: 1280, height: 900 } );
		await page.goto( pages.masonry );
		await expectEveryPhotoLoaded( page );
		const placed = await boxes( page );
		const columns = new Set( placed.map( ( box ) => box.left ) );
		expect( columns.size ).toBe( 4 );
		// Within a column, each photo starts below the one above it.
		for ( const left of columns ) {
			const column = placed
				.filter( ( box ) => box.left === left )
				.map( ( box ) => box.top );
			expect( column ).toEqual( [ ...column ].sort( ( a, b ) => a - b ) );
		}
		await expectNoAxeViolations( page, GALLERY );
		await page.evaluate( () => window.scrollTo( 0, 0 ) );
		await docsScreenshot(
			page.locator( '.ccg-gallery' ),
			'layouts-masonry'
		);
	} );

	test( 'masonry: Load more appends without moving a shown photo, and the lightbox walks the photos in order', async ( {
		page,
	} ) => {
		await page.setViewportSize( { width: 1280, height: 900 } );
		await page.goto( pages.paged );
		const items = page.locator( '.ccg-gallery__item' );
		await expect( items ).toHaveCount( 4 );
		await expectEveryPhotoLoaded( page );
		const before = await boxes( page );

		// Without JavaScript it is a link to the next server-rendered page.
		const more = page.getByRole( 'link', { name: 'Load more' } );
		await expect( more ).toHaveAttribute( 'href', /ccg-page-1=2/ );
		await more.click();
		await expect( items ).toHaveCount( 6 );
		expect( page.url() ).not.toContain( 'ccg-page-1' );
		await expect( more ).toHaveCount( 0 );
		await expectEveryPhotoLoaded( page );
		const after = await boxes( page );
		expect( after.slice( 0, 4 ) ).toEqual( before );
		await expectNoAxeViolations( page, GALLERY );

		const links = page.locator( '.ccg-gallery__link' );
		const names = await links
			.locator( 'img' )
			.evaluateAll( ( imgs ) =>
				imgs.map( ( img ) => ( img as HTMLImageElement ).alt )
			);
		expect( names ).toHaveLength( 6 );
		await links.nth( 3 ).click();
		await expect(
			page.getByRole( 'dialog', { name: names[ 3 ] } )
		).toBeVisible();
		await page.keyboard.press( 'ArrowRight' );
		await expect(
			page.getByRole( 'dialog', { name: names[ 4 ] } )
		).toBeVisible();
		await page.keyboard.press( 'ArrowRight' );
		await expect(
			page.getByRole( 'dialog', { name: names[ 5 ] } )
		).toBeVisible();
		await expectNoAxeViolations( page, GALLERY );
		await page.keyboard.press( 'Escape' );
		await expect( page.getByRole( 'dialog' ) ).toBeHidden();
		await expect( links.nth( 3 ) ).toBeFocused();
	} );

	test( 'masonry: the second page without JavaScript', async ( {
		browser,
	} ) => {
		const context = await browser.newContext( {
			javaScriptEnabled: false,
			storageState: { cookies: [], origins: [] },
			viewport: { width: 1280, height: 900 },
		} );
		const page = await context.newPage();
		await page.goto( pages.paged );
		await page.getByRole( 'link', { name: 'Load more' } ).click();
		await expect( page ).toHaveURL( /ccg-page-1=2/ );
		await expect( page.locator( '.ccg-gallery__item' ) ).toHaveCount( 2 );
		await expect(
			page.locator( '.ccg-layout-masonry .ccg-gallery__item' ).first()
		).toHaveAttribute( 'style', /--ccg-span:\d+/ );
		await context.close();
	} );
} );
