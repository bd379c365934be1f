/**
 * External dependencies
 */
import { expect, type Page } from '@playwright/test';

/**
 * The Customer Cloud Gallery → Settings screen, driven by role and label the
 * way the setup guide tells a person to use it.
 */
export class SettingsPage {
	constructor( private readonly page: Page ) {}

	async open(): Promise< void > {
		await this.page.goto(
			'/wp-admin/admin.php?page=customer-cloud-gallery'
		);
		await expect(
			this.page.getByRole( 'heading', {
				name: 'Customer Cloud Gallery Settings',
			} )
		).toBeVisible();
		await expect(
			this.page.getByText( 'Loading connections…' )
		).toHaveCount( 0 );
	}

	/** The redirect URI shown in the "Dropbox — step-by-step" panel. */
	async redirectUri(): Promise< string > {
		const panel = this.page.getByRole( 'button', {
			name: 'Dropbox — step-by-step',
		} );
		if ( ( await panel.getAttribute( 'aria-expanded' ) ) !== 'true' ) {
			await panel.click();
		}
		const code = this.page
			.locator( 'code' )
			.filter( { hasText: 'admin-post.php?action=ccg_oauth_dropbox' } );
		return ( await code.innerText() ).trim();
	}

	async saveCredentials( key: string, secret: string ): Promise< void > {
		await this.page.getByLabel( 'App key' ).fill( key );
		await this.page.getByLabel( 'App secret' ).fill( secret );
		await this.page
			.getByRole( 'button', { name: 'Save credentials' } )
			.click();
		await expect(
			this.page.getByText( 'Credentials saved.', { exact: true } )
		).toBeVisible();
	}

	/**
	 * Presses Connect Dropbox (or Reconnect) and lands on the consent screen.
	 * @param name
	 */
	async connect( name = 'Connect Dropbox' ): Promise< void > {
		await this.page.getByRole( 'button', { name } ).first().click();
		await this.page.waitForURL( /\/oauth2\/authorize/ );
	}

	/**
	 * Answers Dropbox's consent screen and waits to be back in WordPress.
	 * @param decision
	 */
	async consent( decision: 'Allow' | 'Cancel' ): Promise< void > {
		await this.page.getByRole( 'button', { name: decision } ).click();
		await this.page.waitForURL( /page=customer-cloud-gallery/ );
		await expect(
			this.page.getByText( 'Loading connections…' )
		).toHaveCount( 0 );
	}

	async disconnect(): Promise< void > {
		await this.page.getByRole( 'button', { name: 'Disconnect' } ).click();
		await this.page
			.getByRole( 'dialog' )
			.getByRole( 'button', { name: 'Disconnect' } )
			.click();
	}
}
