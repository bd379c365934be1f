/**
 * WordPress dependencies
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import { docsScreenshot } from './utils/docs-screenshot';
import { DRIVE_READONLY, registerGoogleClient, sandbox } from './utils/sandbox';
import { SettingsPage } from './utils/settings-page';

const ACCOUNT = 'Sandbox Photographer (photographer@sandbox.test)';

/**
 * Scrolls the window so the section starts just below wp-admin's toolbar,
 * as a person reading it would see it.
 *
 * @param settings The Google Drive section's page.
 */
async function scrollToSection( settings: SettingsPage ): Promise< void > {
	await settings.section.evaluate( ( section ) => {
		section.scrollIntoView( { block: 'start' } );
		window.scrollBy( 0, -48 );
	} );
}
const DRIVE_BOX = /See and download all your Google Drive files/;
const MISSING_SCOPE_FIX =
	'Press Reconnect and, on Google’s consent screen, tick the box that lets the app see and download your Google Drive files.';

test.describe( 'Connect Google Drive (the setup guide)', () => {
	test.afterEach( async ( { requestUtils } ) => {
		// Leave no grant behind for the next test; Google may be faulted.
		await sandbox().clearFaults();
		await requestUtils
			.rest( {
				method: 'POST',
				path: '/customer-cloud-gallery/v1/connections/google/disconnect',
			} )
			.catch( () => undefined );
	} );

	test( 'saves credentials, connects through the consent page, tests and disconnects', async ( {
		page,
		requestUtils,
	} ) => {
		// Start from a site that has never seen a Google client.
		await requestUtils.rest( {
			method: 'DELETE',
			path: '/customer-cloud-gallery/v1/connections/google/credentials',
		} );
		const settings = new SettingsPage( page, 'google' );
		await settings.open();
		await expect(
			settings.section
				.getByText( 'Google Drive is not set up yet.' )
				.first()
		).toBeVisible();
		await expect(
			settings.section.getByRole( 'button', {
				name: 'Connect Google Drive',
			} )
		).toHaveAccessibleDescription(
			'Save your Client ID and Client secret first.'
		);
		await scrollToSection( settings );
		await docsScreenshot( page, 'google-settings-not-connected' );

		const redirectUri = await settings.redirectUri();
		expect( redirectUri ).toBe(
			new URL(
				'/wp-admin/admin-post.php?action=ccg_oauth_google',
				process.env.WP_BASE_URL
			).toString()
		);
		await expect(
			settings.section.getByText( DRIVE_READONLY ).first()
		).toBeVisible();
		await docsScreenshot( settings.section, 'google-step-by-step' );

		const client = await registerGoogleClient( redirectUri );
		await settings.saveCredentials( client.id, client.secret );
		await expect(
			settings.section.getByLabel( 'Client secret' )
		).toHaveValue( '' );
		await expect( settings.section.getByLabel( 'Client ID' ) ).toHaveValue(
			client.id
		);

		await settings.connect();
		await expect(
			page.getByRole( 'heading', {
				name: 'Customer Gallery wants access to your Google Account',
			} )
		).toBeVisible();
		await expect(
			page.getByRole( 'checkbox', { name: DRIVE_BOX } )
		).toBeChecked();
		await docsScreenshot( page, 'google-consent' );
		await settings.consent( 'Allow' );

		await expect(
			page.getByText( /Google Drive is connected as/ ).first()
		).toBeVisible();
		await expect(
			settings.section.getByText(
				'Connected to Google Drive as Sandbox Photographer.'
			)
		).toBeVisible();
		await expect( settings.section.getByText( ACCOUNT ) ).toBeVisible();
		await expect(
			settings.section.getByText( DRIVE_READONLY )
		).toBeVisible();
		await scrollToSection( settings );
		await docsScreenshot( page, 'google-connected' );

		await settings.testConnection();
		await expect(
			settings.section.getByText( 'My Drive' ).first()
		).toBeVisible();
		await expect(
			settings.section.getByText( 'Studio Shared' ).first()
		).toBeVisible();

		await settings.disconnect();
		await expect(
			settings.section.getByRole( 'button', {
				name: 'Connect Google Drive',
			} )
		).toBeVisible();
		const grants = await sandbox().googleGrants();
		expect(
			grants.filter( ( g ) => g.clientId === client.id && ! g.revoked )
		).toHaveLength( 0 );
	} );

	test( 'returns calmly when the admin cancels on the consent page', async ( {
		page,
	} ) => {
		const settings = new SettingsPage( page, 'google' );
		await settings.open();
		const client = await registerGoogleClient(
			await settings.redirectUri()
		);
		await settings.saveCredentials( client.id, client.secret );
		await settings.connect();
		await settings.consent( 'Cancel' );

		await expect(
			page.getByText(
				'You cancelled on Google Drive’s consent screen — nothing was changed.',
				{ exact: true }
			)
		).toBeVisible();
		await expect(
			settings.section.getByRole( 'button', {
				name: 'Connect Google Drive',
			} )
		).toBeVisible();
	} );

	test( 'explains the exact fix when the Drive box was left unticked', async ( {
		page,
	} ) => {
		const settings = new SettingsPage( page, 'google' );
		await settings.open();
		const client = await registerGoogleClient(
			await settings.redirectUri()
		);
		await settings.saveCredentials( client.id, client.secret );
		await settings.connect();
		await settings.consent( 'Allow', { untick: [ DRIVE_BOX ] } );

		await expect(
			settings.section.getByText( MISSING_SCOPE_FIX )
		).toBeVisible();
		await expect(
			settings.section.getByText(
				'Google Drive did not grant access to your files, so galleries cannot show your photos.'
			)
		).toBeVisible();
		const missing = settings.section
			.getByText( 'Missing scopes' )
			.locator( 'xpath=following-sibling::dd' );
		await expect( missing ).toContainText( DRIVE_READONLY );
		await scrollToSection( settings );
		await docsScreenshot( page, 'google-missing-scope' );

		// The fix works: Reconnect, leave the box ticked this time.
		await settings.connect( 'Reconnect' );
		await settings.consent( 'Allow' );
		await expect(
			settings.section.getByText(
				'Connected to Google Drive as Sandbox Photographer.'
			)
		).toBeVisible();
		await expect(
			settings.section.getByText( MISSING_SCOPE_FIX )
		).toHaveCount( 0 );
	} );

	test( 'says so when the Client secret is wrong', async ( { page } ) => {
		const settings = new SettingsPage( page, 'google' );
		await settings.open();
		const client = await registerGoogleClient(
			await settings.redirectUri()
		);
		await settings.saveCredentials( client.id, 'GOCSPX-not-the-secret' );
		await settings.connect();
		await settings.consent( 'Allow' );

		await expect(
			page
				.getByText(
					'Google did not accept the Client ID and Client secret. Nothing was changed.'
				)
				.first()
		).toBeVisible();
		await expect(
			settings.section.getByRole( 'button', {
				name: 'Connect Google Drive',
			} )
		).toBeVisible();
	} );

	test( 'never sends the Client secret or a Google token to the browser', async ( {
		page,
	} ) => {
		// Everything WordPress sends the browser; the sandbox's own consent
		// page plays Google and is not the plugin's to answer for.
		const site = new URL( process.env.WP_BASE_URL ?? page.url() ).origin;
		const bodies: string[] = [];
		page.on( 'response', async ( response ) => {
			const type = response.headers()[ 'content-type' ] ?? '';
			if (
				new URL( response.url() ).origin === site &&
				/json|javascript|html|text/.test( type )
			) {
				bodies.push( await response.text().catch( () => '' ) );
			}
		} );
		const settings = new SettingsPage( page, 'google' );
		await settings.open();
		const client = await registerGoogleClient(
			await settings.redirectUri()
		);
		await settings.saveCredentials( client.id, client.secret );
		await settings.connect();
		await settings.consent( 'Allow' );
		await expect( settings.section.getByText( ACCOUNT ) ).toBeVisible();
		await settings.open();
		await settings.testConnection();
		await expect(
			settings.section.getByText( 'My Drive' ).first()
		).toBeVisible();

		bodies.push( await page.content() );
		const leaked = bodies.filter( ( body ) =>
			body.includes( client.secret )
		);
		expect( leaked ).toHaveLength( 0 );
		// Google access tokens start with "ya29." and refresh tokens "1//".
		const all = bodies.join( '\n' );
		expect( all ).not.toMatch( /ya29\.[A-Za-z0-9_-]{20,}/ );
		expect( all ).not.toMatch( /\b1\/\/0[A-Za-z0-9_-]{20,}/ );
	} );
} );
