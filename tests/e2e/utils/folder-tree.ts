/**
 * External dependencies
 */
import type { Page } from '@playwright/test';

/**
 * Moves keyboard focus down the editor's folder tree until it rests on the
 * named folder.
 *
 * @param page The editor page.
 * @param name The folder's name.
 */
export async function arrowDownTo( page: Page, name: string ): Promise< void > {
	const canvas = page.frameLocator( 'iframe[name="editor-canvas"]' );
	for ( let i = 0; i < 20; i++ ) {
		const focused = await canvas
			.locator( ':focus' )
			.getAttribute( 'aria-label' );
		if ( focused === name ) {
			return;
		}
		await page.keyboard.press( 'ArrowDown' );
	}
	throw new Error( `The tree never focused "${ name }".` );
}
