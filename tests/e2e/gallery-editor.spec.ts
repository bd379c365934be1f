/**
 * WordPress dependencies
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import { connectDropbox } from './utils/connect';
import { docsScreenshot } from './utils/docs-screenshot';
import { arrowDownTo } from './utils/folder-tree';
import { sandbox } from './utils/sandbox';

test.describe( 'Cloud Gallery block in the editor', () => {
	test.beforeAll( async ( { browser } ) => {
		const admin = await browser.newPage( {
			baseURL: process.env.WP_BASE_URL,
			storageState: process.env.STORAGE_STATE_PATH,
		} );
		await connectDropbox( admin );
		await admin.close();
	} );

	test( 'picks a nested folder with the keyboard, previews, publishes and keeps the choice', async ( {
		admin,
		editor,
		page,
	} ) => {
		await admin.createNewPost( { title: 'Nature gallery' } );
		await editor.insertBlock( { name: 'customer-cloud-gallery/gallery' } );

		const tree = editor.canvas.getByRole( 'tree', { name: 'Folders' } );
		await expect(
			tree.getByRole( 'treeitem', { name: 'Portfolio' } )
		).toBeVisible();
		await docsScreenshot( page, 'first-gallery-placeholder' );

		// Keyboard only from the tree's single tab stop.
		await tree.getByRole( 'treeitem' ).first().focus();
		await page.keyboard.press( 'p' ); // type-ahead: Portfolio
		await page.keyboard.press( 'ArrowRight' ); // open it
		await expect(
			tree.getByRole( 'treeitem', { name: 'Nature' } )
		).toBeVisible();
		await page.keyboard.press( 'ArrowRight' ); // into its first child
		await arrowDownTo( page, 'Nature' );
		await page.keyboard.press( 'Enter' );
		await page.keyboard.press( 'Tab' );
		await page.keyboard.press( 'Enter' ); // "Use this folder"

		const previewPhotos = editor.canvas.locator( '.ccg-preview img' );
		await expect( previewPhotos.first() ).toBeVisible( {
			timeout: 30_000,
		} );
		await expect
			.poll( () =>
				previewPhotos
					.first()
					.evaluate( ( img: HTMLImageElement ) => img.naturalWidth )
			)
			.toBeGreaterThan( 0 );
		await docsScreenshot( page, 'first-gallery-preview' );

		await editor.openDocumentSettingsSidebar();
		await page.getByRole( 'spinbutton', { name: 'Columns' } ).fill( '4' );
		await page
			.getByRole( 'combobox', { name: 'Crop to aspect ratio' } )
			.selectOption( { label: '16:9' } );

		const chosen = ( await editor.getBlocks() )[ 0 ]?.attributes;
		expect( chosen ).toMatchObject( {
			provider: 'dropbox',
			folderPath: '/Portfolio/Nature',
			columns: 4,
			aspectRatio: '16/9',
		} );
		expect( chosen?.folderId ).toMatch( /^id:/ );

		await editor.publishPost();
		await page.reload();
		await expect(
			editor.canvas.locator( '.ccg-preview img' ).first()
		).toBeVisible( { timeout: 30_000 } );
		expect( ( await editor.getBlocks() )[ 0 ]?.attributes ).toMatchObject(
			chosen!
		);
	} );

	test( 'opens a folder of 5,000 photos and 200 subfolders without per-photo calls', async ( {
		admin,
		editor,
		page,
	} ) => {
		await admin.createNewPost();
		await editor.insertBlock( { name: 'customer-cloud-gallery/gallery' } );
		const tree = editor.canvas.getByRole( 'tree', { name: 'Folders' } );
		await tree.getByRole( 'treeitem', { name: 'Scale' } ).focus();
		await page.keyboard.press( 'ArrowRight' );
		await tree.getByRole( 'treeitem', { name: 'Big' } ).focus();

		await sandbox().resetRequestCounts();
		await page.keyboard.press( 'ArrowRight' );
		const filter = editor.canvas.getByRole( 'searchbox', {
			name: 'Filter folders',
		} );
		await expect( filter ).toBeVisible( { timeout: 30_000 } );
		// Dropbox's pages are approximate (the sandbox's are short), so the
		// folder may take several requests: the editor polls while the
		// server lists the rest in the background, and the tree fills in.
		await expect( tree.locator( '[aria-level="4"]' ) ).toHaveCount( 200, {
			timeout: 60_000,
		} );

		// Paged Dropbox calls for 5,200 entries, listed once and continued
		// from the cursor; never one call per photo.
		const { counts } = await sandbox().requestCounts();
		expect( counts[ 'files/list_folder' ] ?? 0 ).toBe( 1 );
		expect( counts[ 'files/list_folder/continue' ] ?? 0 ).toBeLessThan(
			5200 / 5
		);
		expect( counts[ 'files/get_metadata' ] ?? 0 ).toBeLessThanOrEqual( 2 );
		expect( counts[ 'files/get_thumbnail_v2' ] ?? 0 ).toBe( 0 );

		await filter.fill( '17' );
		await expect( tree.locator( '[aria-level="4"]' ) ).toHaveCount( 12 );
	} );
} );
