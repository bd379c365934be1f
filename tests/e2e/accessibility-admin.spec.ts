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
import {
	connectDropbox,
	connectDropboxAsAdmin,
	connectGoogle,
} from './utils/connect';
import { folder } from './utils/galleries';
import { SettingsPage } from './utils/settings-page';

// The admin's screens; what visitors see is in accessibility.spec.ts.

/**
 * Opens each provider's step-by-step panel (closed once connected).
 *
 * @param page The Settings screen.
 */
async function openGuides( page: Page ): Promise< void > {
	for ( const provider of [ 'dropbox', 'google' ] as const ) {
		const settings = new SettingsPage( page, provider );
		const label = provider === 'dropbox' ? 'Dropbox' : 'Google Drive';
		const toggle = settings.section.getByRole( 'button', {
			name: `${ label } — step-by-step`,
		} );
		if ( ( await toggle.getAttribute( 'aria-expanded' ) ) !== 'true' ) {
			await toggle.click();
		}
		await expect( toggle ).toHaveAttribute( 'aria-expanded', 'true' );
	}
}

test.describe( 'Accessibility: the Settings screen', () => {
	test.describe.configure( { mode: 'serial' } );

	test.beforeAll( async ( { requestUtils } ) => {
		for ( const provider of [ 'dropbox', 'google' ] ) {
			await requestUtils
				.rest( {
					method: 'POST',
					path: `/customer-cloud-gallery/v1/connections/${ provider }/disconnect`,
				} )
				.catch( () => undefined );
		}
	} );

	test( 'not connected, with both step-by-step panels open', async ( {
		page,
	} ) => {
		await new SettingsPage( page ).open();
		await openGuides( page );
		// The whole screen, wp-admin's menu and bar included (one exclusion).
		await expectNoAxeViolations( page );
	} );

	test( 'connected, with both step-by-step panels open', async ( {
		page,
	} ) => {
		// Two consent round trips and four whole-page checks.
		test.slow();
		await connectDropbox( page );
		await connectGoogle( page );
		const dropbox = new SettingsPage( page );
		await dropbox.open();
		await openGuides( page );
		await expectNoAxeViolations( page );

		// A test's result, and the Disconnect question (a modal dialog).
		await dropbox.testConnection();
		await expect(
			dropbox.section.getByText( 'Top-level folders the plugin can see:' )
		).toBeVisible();
		await expectNoAxeViolations( page );
		await dropbox.section
			.getByRole( 'button', { name: 'Disconnect' } )
			.click();
		const question = page.getByRole( 'dialog' );
		await expect( question ).toBeVisible();
		await expectNoAxeViolations( page );
		await question.getByRole( 'button', { name: 'Cancel' } ).click();
		await expect( question ).toBeHidden();
	} );
} );

test.describe( 'Accessibility: the editor with the block selected', () => {
	test.beforeAll( async ( { browser } ) => {
		await connectDropboxAsAdmin( browser );
	} );

	test( 'the block in the canvas and its sidebar panels', async ( {
		admin,
		editor,
		page,
		requestUtils,
	} ) => {
		const portfolio = await folder( requestUtils, '', 'Portfolio' );
		const nature = await folder( requestUtils, portfolio.id, 'Nature' );
		const post = await requestUtils.createPost( {
			title: 'Accessible editor',
			content: `<!-- wp:customer-cloud-gallery/gallery ${ JSON.stringify(
				{
					provider: 'dropbox',
					folderId: nature.id,
					folderPath: nature.path,
					lightbox: true,
				}
			) } /-->`,
			status: 'draft',
			date_gmt: new Date().toISOString(),
		} );
		await admin.editPost( post.id );
		const block = editor.canvas.getByRole( 'document', {
			name: 'Block: Cloud Gallery',
		} );
		await expect( block.locator( '.ccg-preview img' ).first() ).toBeVisible(
			{
				timeout: 30_000,
			}
		);
		await editor.selectBlocks( block );
		await editor.openDocumentSettingsSidebar();
		const inspector = page.locator( '.block-editor-block-inspector' );
		await expect(
			inspector.getByRole( 'tree', { name: 'Folders' } )
		).toBeVisible();
		// Every panel of the block open, so each one's controls are checked.
		const closed = inspector.locator(
			'.components-panel__body-toggle[aria-expanded="false"]'
		);
		while ( ( await closed.count() ) > 0 ) {
			await closed.first().click();
		}
		// The whole editor: WordPress's own UI passes as it is.
		await expectNoAxeViolations( page );
	} );

	test( 'a new block: the provider and folder picker in the canvas', async ( {
		admin,
		editor,
		page,
	} ) => {
		await admin.createNewPost();
		await editor.insertBlock( { name: 'customer-cloud-gallery/gallery' } );
		const tree = editor.canvas.getByRole( 'tree', { name: 'Folders' } );
		await expect(
			tree.getByRole( 'treeitem', { name: 'Portfolio' } )
		).toBeVisible();
		// Opened, so rows of two levels are checked.
		await tree.getByRole( 'treeitem', { name: 'Portfolio' } ).focus();
		await page.keyboard.press( 'ArrowRight' );
		await expect(
			tree.getByRole( 'treeitem', { name: 'Nature' } )
		).toBeVisible();
		await expectNoAxeViolations( page );
	} );
} );
