/**
 * External dependencies
 */
import { screen, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { dropboxConnection } from '../../store/connections/test/fixtures';
import { dropboxWebhookUri } from '../dropbox/webhook';
import { renderSettingsScreen } from './render';

jest.mock( '@wordpress/api-fetch' );

const WEBHOOK_URI =
	'https://photos.example.com/wp-json/customer-cloud-gallery/v1/webhooks/dropbox';

describe( 'Dropbox webhook URI', () => {
	beforeEach( () => {
		jest.resetAllMocks();
		window.ccgSettings = { dropboxWebhookUri: WEBHOOK_URI };
	} );
	afterEach( () => {
		delete window.ccgSettings;
	} );

	it( 'is shown in the Dropbox section with a Copy button that copies it', async () => {
		const { user } = await renderSettingsScreen( {
			connections: [ dropboxConnection() ],
		} );
		const section = screen
			.getByRole( 'heading', { name: 'Webhook URI (optional)' } )
			.closest( 'div' ) as HTMLElement;
		expect( within( section ).getByText( WEBHOOK_URI ).tagName ).toBe(
			'CODE'
		);

		const buttons = screen.getAllByRole( 'button', {
			name: 'Copy webhook URI',
		} );
		// One in the section, one in the step-by-step guide.
		expect( buttons ).toHaveLength( 2 );
		await user.click(
			within( section ).getByRole( 'button', {
				name: 'Copy webhook URI',
			} )
		);
		await expect( navigator.clipboard.readText() ).resolves.toBe(
			WEBHOOK_URI
		);
	} );

	it( 'is the optional last step of the step-by-step guide', async () => {
		await renderSettingsScreen( { connections: [ dropboxConnection() ] } );
		const steps = screen
			.getAllByRole( 'listitem' )
			.filter( ( item ) =>
				within( item ).queryByRole( 'heading', { level: 3 } )
			);
		const last = steps.at( -1 ) as HTMLElement;

		expect(
			within( last ).getByRole( 'heading', { level: 3 } ).textContent
		).toBe( 'Optional: add the webhook URI' );
		expect( within( last ).getByText( WEBHOOK_URI ).tagName ).toBe(
			'CODE'
		);
		expect( within( last ).getByText( 'Webhooks' ) ).toBeInTheDocument();
	} );

	it( 'is left out when the page printed none or something that is no URL', async () => {
		window.ccgSettings = { dropboxWebhookUri: 'javascript:alert(1)' };
		expect( dropboxWebhookUri() ).toBeNull();
		delete window.ccgSettings;
		expect( dropboxWebhookUri() ).toBeNull();

		await renderSettingsScreen( { connections: [ dropboxConnection() ] } );
		expect(
			screen.queryByRole( 'button', { name: 'Copy webhook URI' } )
		).toBeNull();
		expect(
			screen.queryByText( 'Optional: add the webhook URI' )
		).toBeNull();
	} );
} );
