/**
 * External dependencies
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * WordPress dependencies
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

/**
 * A third provider is one folder and one line: tests/example-provider
 * ("Example Cloud"), registered by one filter in a must-use plugin, shows up
 * in Settings with a form drawn from its credential fields, connects through
 * the real OAuth callback, and is offered by the block and the folder route.
 */

const ROUTE = '/customer-cloud-gallery/v1';

/** The must-use plugin: load the folder, then the one registration line. */
const LOADER = `<?php
require_once ${ JSON.stringify(
	path.resolve( __dirname, '..', 'example-provider', 'example-provider.php' )
) };
add_filter( 'customer_cloud_gallery_provider_modules', static fn ( array $modules, $services ) => array( ...$modules, new CustomerCloudGallery\\Tests\\ExampleProvider\\ExampleModule( $services->encryption() ) ), 10, 2 );
`;

function loaderPath(): string {
	const site = process.env.CCG_WP_PATH;
	expect( site, 'npm test sets CCG_WP_PATH' ).toBeTruthy();
	return path.join(
		site as string,
		'wp-content',
		'mu-plugins',
		'ccg-example-provider.php'
	);
}

test.describe( 'A third provider from one folder and one line', () => {
	test.beforeAll( () => {
		writeFileSync( loaderPath(), LOADER );
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await requestUtils
			.rest( {
				method: 'DELETE',
				path: `${ ROUTE }/connections/example/credentials`,
			} )
			.catch( () => undefined );
		rmSync( loaderPath(), { force: true } );
	} );

	test( 'shows in Settings, connects, and is offered by the block and GET /folders', async ( {
		admin,
		editor,
		page,
		requestUtils,
	} ) => {
		await page.goto( '/wp-admin/admin.php?page=customer-cloud-gallery' );
		const section = page.getByRole( 'region', { name: 'Example Cloud' } );
		await expect(
			section.getByRole( 'heading', { name: 'Example Cloud' } ).first()
		).toBeVisible();

		// The form is drawn from the provider's credentialFields.
		await section.getByLabel( 'Client ID' ).fill( 'example-app' );
		await section.getByLabel( 'Client secret' ).fill( 'example-secret' );
		await section
			.getByRole( 'button', { name: 'Save credentials' } )
			.click();
		await expect(
			section.getByText( 'Credentials saved.', { exact: true } )
		).toBeVisible();

		// Its consent "page" approves at once: back through the real callback.
		await section
			.getByRole( 'button', { name: 'Connect Example Cloud' } )
			.click();
		await page.waitForURL( /ccg_oauth=connected/ );
		await expect(
			page
				.getByRole( 'region', { name: 'Example Cloud' } )
				.getByText( /Sam Example/ )
				.first()
		).toBeVisible();

		const listing = await requestUtils.rest< {
			folders: Array< { name: string } >;
		} >( {
			path: `${ ROUTE }/folders`,
			params: { provider: 'example', folder: '' },
		} );
		expect( listing.folders.map( ( folder ) => folder.name ) ).toEqual( [
			'Portraits',
			'Weddings',
		] );

		await admin.createNewPost( { title: 'Example Cloud gallery' } );
		await editor.insertBlock( { name: 'customer-cloud-gallery/gallery' } );
		const picker = editor.canvas.getByRole( 'combobox', {
			name: 'Storage provider',
		} );
		await expect(
			picker.getByRole( 'option', { name: 'Example Cloud' } )
		).toHaveCount( 1 );
		await picker.selectOption( { label: 'Example Cloud' } );
		const tree = editor.canvas.getByRole( 'tree', { name: 'Folders' } );
		await expect(
			tree.getByRole( 'treeitem', { name: 'Weddings' } )
		).toBeVisible();
	} );
} );
