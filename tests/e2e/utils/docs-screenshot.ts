/**
 * External dependencies
 */
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';

/**
 * Screenshots for the user guides. `npm run docs:screenshots` sets
 * CCG_DOCS_SCREENSHOTS and they land in docs/images/; in `npm test` they go
 * to test-results/ so that tests never rewrite tracked files.
 *
 * @param target A page or a locator to capture.
 * @param name   File name without extension.
 */
export async function docsScreenshot(
	target: Page | Locator,
	name: string
): Promise< void > {
	const folder = process.env.CCG_DOCS_SCREENSHOTS
		? path.resolve( __dirname, '../../../docs/images' )
		: path.resolve( __dirname, '../../../test-results/docs-images' );
	await target.screenshot( {
		path: path.join( folder, `${ name }.png` ),
		animations: 'disabled',
		// An element taller than the window is captured by scrolling, and
		// wp-admin's fixed toolbar would land in the middle of it.
		...( 'page' in target
			? { style: '#wpadminbar { visibility: hidden !important; }' }
			: {} ),
	} );
}
