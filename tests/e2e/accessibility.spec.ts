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

// What visitors see, logged out; the Settings screen and the editor are in
// accessibility-admin.spec.ts.

/** The gallery block on a public page: the part of the page that is ours. */
const GALLERY = '.wp-block-customer-cloud-gallery-gallery';

test.describe( 'Accessibility: the public gallery, logged out', () => {
	test.describe.configure( { mode: 'serial' } );

	let paged = '';
	let empty = '';
	let unavailable = '';

	test.beforeAll( async ( { browser, requestUtils } ) => {
		await connectDropboxAsAdmin( browser );
		const portfolio = await folder( requestUtils, '', 'Portfolio' );
		const nature = await folder( requestUtils, portfolio.id, 'Nature' );
		paged = await publish( requestUtils, 'Accessible gallery', {
			provider: 'dropbox',
			folderId: nature.id,
			folderPath: nature.path,
			lightbox: true,
			caption: 'filename',
			perPage: 6,
		} );

		const edgeCases = await folder( requestUtils, '', 'Edge Cases' );
		const nothing = await folder(
			requestUtils,
			edgeCases.id,
			'Empty folder'
		);
		empty = await publish( requestUtils, 'Accessible empty gallery', {
			provider: 'dropbox',
			folderId: nothing.id,
			folderPath: nothing.path,
		} );
		// A folder id Dropbox does not know: what visitors see once a
		// folder is gone.
		unavailable = await publish( requestUtils, 'Accessible gone gallery', {
			provider: 'dropbox',
			folderId: 'id:a11yNoSuchFolder000000',
			folderPath: '/Gone',
		} );
	} );

	test.use( { storageState: { cookies: [], origins: [] } } );

	test( 'a page of photos with Load more, then after Load more in place', async ( {
		page,
	} ) => {
		await page.goto( paged );
		await expectEveryPhotoLoaded( page );
		await expectNoAxeViolations( page, GALLERY );

		// Keyboard: Enter on Load more appends the page, announces it and
		// moves focus to the first new photo.
		const more = page.getByRole( 'link', { name: 'Load more' } );
		await more.focus();
		await page.keyboard.press( 'Enter' );
		await expect( page.locator( '.ccg-gallery__item' ) ).toHaveCount( 12 );
		await expect( page.getByRole( 'status' ) ).toHaveText(
			'6 more photos loaded'
		);
		await expect(
			page.locator( '.ccg-gallery__link' ).nth( 6 )
		).toBeFocused();
		await expectEveryPhotoLoaded( page );
		await expectNoAxeViolations( page, GALLERY );
	} );

	test( 'the open lightbox, after next and previous; focus stays in it and returns', async ( {
		page,
	} ) => {
		await page.goto( paged );
		const links = page.locator( '.ccg-gallery__link' );
		const second = links.nth( 1 );
		await second.focus();
		await page.keyboard.press( 'Enter' );
		const dialog = page.getByRole( 'dialog' );
		await expect( dialog ).toBeVisible();
		await expect(
			dialog.getByRole( 'button', { name: 'Close' } )
		).toBeFocused();
		await expectNoAxeViolations( page, GALLERY );

		// The dialog is named by the photo it shows.
		const names = await links
			.locator( 'img' )
			.evaluateAll( ( imgs: HTMLImageElement[] ) =>
				imgs.map( ( img ) => img.alt )
			);
		await expect( dialog ).toHaveAccessibleName( names[ 1 ]! );
		await dialog.getByRole( 'button', { name: 'Next photo' } ).click();
		await expect( dialog ).toHaveAccessibleName( names[ 2 ]! );
		await expectNoAxeViolations( page, GALLERY );
		await dialog.getByRole( 'button', { name: 'Previous photo' } ).click();
		await dialog.getByRole( 'button', { name: 'Previous photo' } ).click();
		await expectNoAxeViolations( page, GALLERY );

		// Tab and Shift+Tab go round the dialog's buttons, never behind it.
		for ( const key of [
			'Tab',
			'Tab',
			'Tab',
			'Tab',
			'Shift+Tab',
			'Shift+Tab',
		] ) {
			await page.keyboard.press( key );
			await expect( page.locator( '.ccg-lightbox :focus' ) ).toHaveCount(
				1
			);
		}
		await page.keyboard.press( 'Escape' );
		await expect( dialog ).toBeHidden();
		await expect( second ).toBeFocused();
	} );

	test( 'the empty and the unavailable gallery’s notices', async ( {
		page,
	} ) => {
		await page.goto( empty );
		await expect(
			page.getByText( 'This gallery has no photos yet.' )
		).toBeVisible();
		await expectNoAxeViolations( page, GALLERY );

		await page.goto( unavailable );
		await expect(
			page.getByText( 'This gallery is not available right now.' )
		).toBeVisible();
		await expectNoAxeViolations( page, GALLERY );
	} );

	test( 'by keyboard: photos in reading order, each with a visible focus, then Load more', async ( {
		page,
	} ) => {
		await page.goto( paged );
		const links = page.locator( '.ccg-gallery__link' );
		await expect( links ).toHaveCount( 6 );
		await links.first().focus();
		for ( let i = 0; i < 6; i++ ) {
			const link = links.nth( i );
			await expect( link ).toBeFocused();
			// A theme's or the browser's focus ring: never removed.
			expect(
				await link.evaluate( ( node ) => {
					const style = getComputedStyle( node );
					return (
						node.matches( ':focus-visible' ) &&
						style.outlineStyle !== 'none' &&
						parseFloat( style.outlineWidth ) > 0
					);
				} )
			).toBe( true );
			if ( i === 1 ) {
				await docsScreenshot(
					page.locator( GALLERY ),
					'accessibility-keyboard-focus'
				);
			}
			await page.keyboard.press( 'Tab' );
		}
		await expect(
			page.getByRole( 'link', { name: 'Load more' } )
		).toBeFocused();
	} );

	for ( const width of [ 320, 640 ] ) {
		// 320 CSS pixels is WCAG 1.4.10's reflow width; 640 is a 1280-pixel
		// window zoomed to 200%.
		test( `reflows at ${ width } CSS pixels wide without scrolling sideways`, async ( {
			page,
		} ) => {
			await page.setViewportSize( { width, height: 720 } );
			await page.goto( paged );
			await expectEveryPhotoLoaded( page );
			const sideways = () =>
				page.evaluate(
					() =>
						document.documentElement.scrollWidth >
						document.documentElement.clientWidth
				);
			expect( await sideways() ).toBe( false );
			const box = await page.locator( GALLERY ).boundingBox();
			expect( box!.x ).toBeGreaterThanOrEqual( 0 );
			expect( box!.x + box!.width ).toBeLessThanOrEqual( width );

			await page.locator( '.ccg-gallery__link' ).first().click();
			const dialog = page.getByRole( 'dialog' );
			await expect( dialog ).toBeVisible();
			for ( const name of [ 'Previous photo', 'Next photo', 'Close' ] ) {
				const button = await dialog
					.getByRole( 'button', { name } )
					.boundingBox();
				expect( button!.x ).toBeGreaterThanOrEqual( 0 );
				expect( button!.x + button!.width ).toBeLessThanOrEqual(
					width
				);
				// 44 by 44 pixels (WCAG 2.5.5, AAA; AA asks 24), for fingers.
				expect( button!.width ).toBeGreaterThanOrEqual( 44 );
				expect( button!.height ).toBeGreaterThanOrEqual( 44 );
			}
			expect( await sideways() ).toBe( false );
		} );
	}

	test( 'nothing moves by animation, with or without reduced motion', async ( {
		page,
	} ) => {
		for ( const reducedMotion of [ 'reduce', 'no-preference' ] as const ) {
			await page.emulateMedia( { reducedMotion } );
			await page.goto( paged );
			const animations = () =>
				page.evaluate( () => document.getAnimations().length );
			await page.getByRole( 'link', { name: 'Load more' } ).click();
			await expect( page.locator( '.ccg-gallery__item' ) ).toHaveCount(
				12
			);
			expect( await animations() ).toBe( 0 );
			await page.locator( '.ccg-gallery__link' ).first().click();
			await page.getByRole( 'button', { name: 'Next photo' } ).click();
			expect( await animations() ).toBe( 0 );
			await page.keyboard.press( 'Escape' );
		}
	} );

	test( 'the check itself fails on a violation in the gallery', async ( {
		page,
	} ) => {
		await page.goto( paged );
		// A button without a name, as a careless change would add one.
		await page
			.locator( GALLERY )
			.evaluate( ( gallery ) =>
				gallery.append( document.createElement( 'button' ) )
			);
		await expect( expectNoAxeViolations( page, GALLERY ) ).rejects.toThrow(
			/button-name/
		);
	} );
} );
