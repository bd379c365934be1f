/**
 * External dependencies
 */
import { expect } from '@playwright/test';

/**
 * WordPress dependencies
 */
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

interface FolderListing {
	folders: Array< { id: string; name: string; path: string } >;
}

/**
 * A Dropbox folder by name, inside the folder `parent` ('' for the top).
 *
 * @param requestUtils The admin's REST client.
 * @param parent       The parent folder's id, or '' for the top level.
 * @param name         The folder's name.
 */
export async function folder(
	requestUtils: RequestUtils,
	parent: string,
	name: string
): Promise< { id: string; path: string } > {
	const listing = await requestUtils.rest< FolderListing >( {
		path: '/customer-cloud-gallery/v1/folders',
		params: { provider: 'dropbox', folder: parent },
	} );
	const found = listing.folders.find( ( f ) => f.name === name );
	expect( found, name ).toBeDefined();
	return found!;
}

/**
 * Publishes a post holding one Cloud Gallery block.
 *
 * @param requestUtils The admin's REST client.
 * @param title        The post's title.
 * @param attributes   The block's attributes.
 * @return The post's URL, relative to the site.
 */
export async function publish(
	requestUtils: RequestUtils,
	title: string,
	attributes: Record< string, unknown >
): Promise< string > {
	const post = await requestUtils.createPost( {
		title,
		content: `<!-- wp:customer-cloud-gallery/gallery ${ JSON.stringify(
			attributes
		) } /-->`,
		status: 'publish',
		date_gmt: new Date().toISOString(),
	} );
	return `/?p=${ post.id }`;
}
