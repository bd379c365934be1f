/**
 * WordPress dependencies
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import { docsScreenshot } from './utils/docs-screenshot';
import { registerApp, sandbox } from './utils/sandbox';
import { SettingsPage } from './utils/settings-page';

const MISSING_SCOPE_FIX =
	'In the Dropbox App Console, open your app’s Permissions tab, tick files.metadata.read and files.content.read, press Submit, then Disconnect and Connect Dropbox again.';

test.describe( 'Connect Dropbox (the setup guide)', () => {
	test.afterEach( async ( { requestUtils } ) => {
		// Leave no grant behind for the next test; Dropbox may be faulted.
		await sandbox().clearFaults();
		await requestUtils
			.rest( {
				method: 'POST',
				path: '/customer-cloud-gallery/v1/connections/dropbox/disconnect',
			} )
			.catch( () => undefined );
	} );

	test( 'saves credentials, connects, tests and disconnects', async ( {
		page,
	} ) => {
		const settings = new SettingsPage( page );
		await settings.open();
		await docsScreenshot( page, 'dropbox-settings-not-connected' );

		const redirectUri = await settings.redirectUri();
		expect( redirectUri ).toBe(
			new URL(
				'/wp-admin/admin-post.php?action=ccg_oauth_dropbox',
				process.env.WP_BASE_URL
			).toString()
		);
		await docsScreenshot(
			page
				.getByRole( 'region', { name: 'Dropbox' } )
				.or( page.locator( '.ccg-settings' ) )
				.first(),
			'dropbox-step-by-step'
		);

		const app = await registerApp( redirectUri );
		await settings.saveCredentials( app.key, app.secret );
		await expect( page.getByLabel( 'App secret' ) ).toHaveValue( '' );

		await settings.connect();
		await expect(
			page.getByText( 'Customer Gallery' ).first()
		).toBeVisible();
		await docsScreenshot( page, 'dropbox-consent' );
		await settings.consent( 'Allow' );

		await expect(
			page.getByText( /Dropbox is connected as/ ).first()
		).toBeVisible();
		await expect(
			page.getByText( 'Alex Photographer' ).first()
		).toBeVisible();
		await expect(
			page.getByText( 'files.metadata.read' ).first()
		).toBeVisible();
		await expect(
			page.getByText( 'files.content.read' ).first()
		).toBeVisible();
		await docsScreenshot( page, 'dropbox-connected' );

		await settings.testConnection();
		await expect( page.getByText( 'Clients' ).first() ).toBeVisible();

		await settings.disconnect();
		await expect(
			page.getByRole( 'button', { name: 'Connect Dropbox' } )
		).toBeVisible();
		const grants = await sandbox().grants();
		expect(
			grants.filter( ( g ) => g.appKey === app.key && ! g.revoked )
		).toHaveLength( 0 );
	} );

	test( 'explains the exact fix when the scopes were not submitted', async ( {
		page,
	} ) => {
		const settings = new SettingsPage( page );
		await settings.open();
		// The photographer ticked the boxes but never pressed Submit.
		const app = await registerApp( await settings.redirectUri(), {
			scopes: [ 'account_info.read' ],
		} );
		await settings.saveCredentials( app.key, app.secret );
		await settings.connect();
		await settings.consent( 'Allow' );

		await expect(
			page.getByText( MISSING_SCOPE_FIX ).first()
		).toBeVisible();
		await expect(
			page.getByText( /missing the permission/ ).first()
		).toBeVisible();
		await docsScreenshot( page, 'dropbox-missing-scope' );
	} );

	test( 'returns calmly when the admin cancels on the consent screen', async ( {
		page,
	} ) => {
		const settings = new SettingsPage( page );
		await settings.open();
		const app = await registerApp( await settings.redirectUri() );
		await settings.saveCredentials( app.key, app.secret );
		await settings.connect();
		await settings.consent( 'Cancel' );

		await expect(
			page.getByText(
				'You cancelled on Dropbox’s consent screen — nothing was changed.',
				{ exact: true }
			)
		).toBeVisible();
		await expect(
			page.getByRole( 'button', { name: 'Connect Dropbox' } )
		).toBeVisible();
	} );

	test( 'says so when the App secret is wrong', async ( { page } ) => {
		const settings = new SettingsPage( page );
		await settings.open();
		const app = await registerApp( await settings.redirectUri() );
		await settings.saveCredentials( app.key, 'not-the-secret' );
		await settings.connect();
		await settings.consent( 'Allow' );

		await expect(
			page
				.getByText(
					'Dropbox did not accept the App key and App secret. Nothing was changed.'
				)
				.first()
		).toBeVisible();
		await expect(
			page
				.getByText( /check the App secret on your app’s Settings tab/ )
				.first()
		).toBeVisible();
	} );

	test( 'offers Reconnect after the grant was revoked in Dropbox', async ( {
		page,
	} ) => {
		const settings = new SettingsPage( page );
		await settings.open();
		const app = await registerApp( await settings.redirectUri() );
		await settings.saveCredentials( app.key, app.secret );
		await settings.connect();
		await settings.consent( 'Allow' );
		await expect(
			page.getByText( 'Alex Photographer' ).first()
		).toBeVisible();

		// The photographer removes the app in Dropbox's settings.
		await sandbox().revokeAllGrants();
		await sandbox().expireAccessTokens();
		await settings.testConnection();
		await expect(
			page
				.getByText(
					'Dropbox no longer accepts this connection (revoked or expired).'
				)
				.first()
		).toBeVisible();

		await settings.connect( 'Reconnect' );
		await settings.consent( 'Allow' );
		await expect(
			page.getByText( /Dropbox is connected as/ ).first()
		).toBeVisible();
	} );

	test( 'never sends the App secret or a token to the browser', async ( {
		page,
	} ) => {
		const bodies: string[] = [];
		page.on( 'response', async ( response ) => {
			const type = response.headers()[ 'content-type' ] ?? '';
			if ( /json|javascript|html|text/.test( type ) ) {
				bodies.push( await response.text().catch( () => '' ) );
			}
		} );
		const settings = new SettingsPage( page );
		await settings.open();
		const app = await registerApp( await settings.redirectUri() );
		await settings.saveCredentials( app.key, app.secret );
		await settings.connect();
		await settings.consent( 'Allow' );
		await expect(
			page.getByText( 'Alex Photographer' ).first()
		).toBeVisible();
		await settings.open();
		await settings.testConnection();
		await expect( page.getByText( 'Clients' ).first() ).toBeVisible();

		bodies.push( await page.content() );
		const leaked = bodies.filter( ( body ) => body.includes( app.secret ) );
		expect( leaked ).toHaveLength( 0 );
		// Sandbox access tokens start with "sl." and refresh tokens are long
		// opaque strings; neither pattern may reach the browser.
		expect( bodies.join( '\n' ) ).not.toMatch( /\bsl\.[A-Za-z0-9_-]{20,}/ );
	} );
} );
