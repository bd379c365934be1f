/**
 * WordPress dependencies
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

test.describe( 'Cloud Gallery block', () => {
	test(
		'can be inserted, published and viewed',
		{ tag: '@smoke' },
		async ( { admin, editor, page } ) => {
			await admin.createNewPost( { title: 'Gallery smoke test' } );
			await editor.insertBlock( {
				name: 'customer-cloud-gallery/gallery',
			} );
			await expect(
				editor.canvas.getByRole( 'document', {
					name: 'Block: Cloud Gallery',
				} )
			).toBeVisible();

			const postId = await editor.publishPost();
			await page.goto( `/?p=${ postId }` );

			await expect(
				page.getByRole( 'heading', {
					name: 'Gallery smoke test',
					level: 1,
				} )
			).toBeVisible();
			await expect(
				page.locator( '.wp-block-customer-cloud-gallery-gallery' )
			).toHaveCount( 1 );
		}
	);

	test( 'is registered for the REST API', async ( { requestUtils } ) => {
		const blockType = await requestUtils.rest< { name: string } >( {
			path: '/wp/v2/block-types/customer-cloud-gallery/gallery',
		} );
		expect( blockType.name ).toBe( 'customer-cloud-gallery/gallery' );
	} );
} );
