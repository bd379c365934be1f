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

async function expectLoaded( page: Page, selector: string ): Promise< void > {
	await expect
		.poll( () =>
			page
				.locator( selector )
				.evaluate(
					( img: HTMLImageElement ) =>
						img.complete && img.naturalWidth
				)
		)
		.toBeGreaterThan( 0 );
}

test.describe( 'Lightbox and Load more, as a logged-out visitor', () => {
	test.describe.configure( { mode: 'serial' } );

	let withLightbox = '';
	let plain = '';

	test.beforeAll( async ( { browser, requestUtils } ) => {
		await connectDropboxAsAdmin( browser );

		const portfolio = await folder( requestUtils, '', 'Portfolio' );
		const nature = await folder( requestUtils, portfolio.id, 'Nature' );
		const gallery = {
			provider: 'dropbox',
			folderId: nature.id,
			folderPath: nature.path,
		};
		withLightbox = await publish( requestUtils, 'Nature lightbox', {
			...gallery,
			lightbox: true,
			perPage: 6,
		} );
		plain = await publish( requestUtils, 'Nature without lightbox', {
			...gallery,
			lightbox: false,
			perPage: 24,
		} );
	} );

	test.use( { storageState: { cookies: [], origins: [] } } );

	test( 'opens, moves with the arrow keys, closes with Escape', async ( {
		page,
	} ) => {
		await page.goto( withLightbox );
		const links = page.locator( '.ccg-gallery__link' );
		await expect( links ).toHaveCount( 6 );
		const first = links.nth( 0 );
		const firstName = await first.locator( 'img' ).getAttribute( 'alt' );
		const secondName = await links
			.nth( 1 )
			.locator( 'img' )
			.getAttribute( 'alt' );

		await first.click();
		const dialog = page.getByRole( 'dialog', { name: firstName! } );
		await expect( dialog ).toBeVisible();
		await expect( dialog ).toHaveAttribute( 'aria-modal', 'true' );
		await expect(
			dialog.getByRole( 'button', { name: 'Close' } )
		).toBeFocused();
		await expectLoaded( page, '.ccg-lightbox__image' );
		await expect( page.locator( '.ccg-lightbox__image' ) ).toHaveAttribute(
			'src',
			( await first.getAttribute( 'href' ) )!
		);

		await expect( page.locator( '.ccg-lightbox__image' ) ).toHaveAttribute(
			'alt',
			firstName!
		);

		await page.keyboard.press( 'ArrowRight' );
		await expect(
			page.getByRole( 'dialog', { name: secondName! } )
		).toBeVisible();
		await expectLoaded( page, '.ccg-lightbox__image' );
		await page.keyboard.press( 'ArrowLeft' );
		await expect(
			page.getByRole( 'dialog', { name: firstName! } )
		).toBeVisible();

		// Tab stays inside the dialog.
		for ( let i = 0; i < 4; i++ ) {
			await page.keyboard.press( 'Tab' );
			await expect( page.locator( '.ccg-lightbox :focus' ) ).toHaveCount(
				1
			);
		}

		await page.keyboard.press( 'Escape' );
		await expect( page.getByRole( 'dialog' ) ).toBeHidden();
		await expect( first ).toBeFocused();
	} );

	test( 'opens with Enter on a focused photo link', async ( { page } ) => {
		await page.goto( withLightbox );
		const url = page.url();
		const third = page.locator( '.ccg-gallery__link' ).nth( 2 );
		const name = await third.locator( 'img' ).getAttribute( 'alt' );
		await third.focus();
		await page.keyboard.press( 'Enter' );
		await expect(
			page.getByRole( 'dialog', { name: name! } )
		).toBeVisible();
		expect( page.url() ).toBe( url );
		await page.getByRole( 'button', { name: 'Close' } ).click();
		await expect( third ).toBeFocused();
	} );

	test( 'swipes left and right', async ( { page } ) => {
		await page.goto( withLightbox );
		const links = page.locator( '.ccg-gallery__link' );
		const names = await links
			.locator( 'img' )
			.evaluateAll( ( imgs: HTMLImageElement[] ) =>
				imgs.map( ( img ) => img.alt )
			);
		await links.nth( 0 ).click();
		const swipe = async ( from: number, to: number ) => {
			await page.mouse.move( from, 300 );
			await page.mouse.down();
			await page.mouse.move( to, 300, { steps: 4 } );
			await page.mouse.up();
		};
		await swipe( 600, 300 );
		await expect(
			page.getByRole( 'dialog', { name: names[ 1 ] } )
		).toBeVisible();
		await swipe( 300, 600 );
		await expect(
			page.getByRole( 'dialog', { name: names[ 0 ] } )
		).toBeVisible();
	} );

	test( 'Load more appends the next page in place', async ( { page } ) => {
		await page.goto( withLightbox );
		const url = page.url();
		await expect( page.locator( '.ccg-gallery__item' ) ).toHaveCount( 6 );
		await page.getByRole( 'link', { name: 'Load more' } ).click();
		await expect( page.locator( '.ccg-gallery__item' ) ).toHaveCount( 12 );
		expect( page.url() ).toBe( url );
		await expect( page.getByRole( 'status' ) ).toHaveText(
			'6 more photos loaded'
		);
		await expect(
			page.getByRole( 'link', { name: 'Load more' } )
		).toHaveCount( 0 );
		await expect(
			page.locator( '.ccg-gallery__link' ).nth( 6 )
		).toBeFocused();

		// The appended photos open in the lightbox too.
		const last = page.locator( '.ccg-gallery__link' ).nth( 11 );
		const name = await last.locator( 'img' ).getAttribute( 'alt' );
		await last.click();
		await expect(
			page.getByRole( 'dialog', { name: name! } )
		).toBeVisible();
	} );

	test( 'without JavaScript, Load more is a link to the next page', async ( {
		browser,
	} ) => {
		const context = await browser.newContext( {
			baseURL: process.env.WP_BASE_URL,
			javaScriptEnabled: false,
		} );
		const page = await context.newPage();
		await page.goto( withLightbox );
		await page.getByRole( 'link', { name: 'Load more' } ).click();
		await expect( page ).toHaveURL( /ccg-page-1=2/ );
		await expect( page.locator( '.ccg-gallery__item' ) ).toHaveCount( 6 );
		await context.close();
	} );

	test( 'a single page without the lightbox loads no plugin JavaScript', async ( {
		page,
	} ) => {
		const response = await page.goto( plain );
		const html = ( await response!.text() ).toLowerCase();
		await expect( page.locator( '.ccg-gallery__item' ) ).toHaveCount( 12 );
		expect( html ).not.toMatch(
			/<script[^>]*customer-cloud-gallery|<link[^>]*modulepreload[^>]*customer-cloud-gallery/
		);
		expect( html ).not.toContain( 'gallery/view.js' );
		// The theme's own blocks may be interactive; the gallery is not.
		expect( html ).not.toContain(
			'data-wp-interactive="customer-cloud-gallery"'
		);
	} );
} );
