/**
 * External dependencies
 */
import { expect, type Locator, type Page } from '@playwright/test';

type Provider = 'dropbox' | 'google';

/** What differs between the providers' sections, in the screen's words. */
const PROVIDERS: Record<
	Provider,
	{
		label: string;
		idField: string;
		secretField: string;
		consentUrl: RegExp;
	}
> = {
	dropbox: {
		label: 'Dropbox',
		idField: 'App key',
		secretField: 'App secret',
		consentUrl: /\/oauth2\/authorize/,
	},
	google: {
		label: 'Google Drive',
		idField: 'Client ID',
		secretField: 'Client secret',
		consentUrl: /\/o\/oauth2\/v2\/auth/,
	},
};

/**
 * The Customer Cloud Gallery → Settings screen, driven by role and label the
 * way the setup guide tells a person to use it. Each instance works in one
 * provider's section (Dropbox by default), so the two sections' buttons of
 * the same name never get mixed up.
 */
export class SettingsPage {
	private readonly words: ( typeof PROVIDERS )[ Provider ];

	constructor(
		private readonly page: Page,
		readonly provider: Provider = 'dropbox'
	) {
		this.words = PROVIDERS[ provider ];
	}

	/** The provider's section of the screen. */
	get section(): Locator {
		return this.page.getByRole( 'region', { name: this.words.label } );
	}

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

	/** The redirect URI shown in the provider's step-by-step panel. */
	async redirectUri(): Promise< string > {
		const panel = this.section.getByRole( 'button', {
			name: `${ this.words.label } — step-by-step`,
		} );
		if ( ( await panel.getAttribute( 'aria-expanded' ) ) !== 'true' ) {
			await panel.click();
		}
		const code = this.section.locator( 'code' ).filter( {
			hasText: `admin-post.php?action=ccg_oauth_${ this.provider }`,
		} );
		return ( await code.innerText() ).trim();
	}

	async saveCredentials( id: string, secret: string ): Promise< void > {
		await this.section.getByLabel( this.words.idField ).fill( id );
		await this.section.getByLabel( this.words.secretField ).fill( secret );
		await this.section
			.getByRole( 'button', { name: 'Save credentials' } )
			.click();
		await expect(
			this.section.getByText( 'Credentials saved.', { exact: true } )
		).toBeVisible();
	}

	/**
	 * Presses Connect (or Reconnect) and lands on the consent screen.
	 *
	 * @param name The button, e.g. "Reconnect"; "Connect <provider>" by default.
	 */
	async connect( name = `Connect ${ this.words.label }` ): Promise< void > {
		await this.section.getByRole( 'button', { name } ).first().click();
		await this.page.waitForURL( this.words.consentUrl );
	}

	/**
	 * Answers the consent screen and waits to be back in WordPress.
	 *
	 * @param decision       Allow or Cancel.
	 * @param options        What else to do on the screen.
	 * @param options.untick Labels of permission boxes to untick first (Google).
	 */
	async consent(
		decision: 'Allow' | 'Cancel',
		{ untick = [] }: { untick?: Array< string | RegExp > } = {}
	): Promise< void > {
		for ( const box of untick ) {
			await this.page.getByRole( 'checkbox', { name: box } ).uncheck();
		}
		await this.page.getByRole( 'button', { name: decision } ).click();
		await this.page.waitForURL( /page=customer-cloud-gallery/ );
		await expect(
			this.page.getByText( 'Loading connections…' )
		).toHaveCount( 0 );
	}

	async testConnection(): Promise< void > {
		await this.section
			.getByRole( 'button', { name: 'Test connection' } )
			.click();
	}

	async disconnect(): Promise< void > {
		await this.section
			.getByRole( 'button', { name: 'Disconnect' } )
			.click();
		await this.page
			.getByRole( 'dialog' )
			.getByRole( 'button', { name: 'Disconnect' } )
			.click();
	}
}
