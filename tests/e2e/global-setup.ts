/**
 * External dependencies
 */
import { request, type FullConfig } from '@playwright/test';

/**
 * WordPress dependencies
 */
import { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

/**
 * Logs the admin in once and stores the session for every test.
 *
 * @param config Playwright's resolved configuration.
 */
async function globalSetup( config: FullConfig ): Promise< void > {
	const project = config.projects[ 0 ];
	const baseURL = project?.use.baseURL;
	const storageStatePath = project?.use.storageState;
	if ( typeof storageStatePath !== 'string' || ! baseURL ) {
		throw new Error(
			'playwright.config.ts must set baseURL and storageState.'
		);
	}
	const requestContext = await request.newContext( { baseURL } );
	const requestUtils = new RequestUtils( requestContext, {
		storageStatePath,
		baseURL,
	} );
	await requestUtils.setupRest();
	await requestContext.dispose();
}

export default globalSetup;
