/**
 * External dependencies
 */
import { screen, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import {
	dropboxConnection,
	REDIRECT_URI,
} from '../../store/connections/test/fixtures';
import { renderSettingsScreen } from './render';

jest.mock( '@wordpress/api-fetch' );

describe( 'Dropbox — step-by-step', () => {
	beforeEach( () => jest.resetAllMocks() );

	it( 'shows the exact redirect URI in a code block', async () => {
		await renderSettingsScreen( { connections: [ dropboxConnection() ] } );

		const code = screen.getByText( REDIRECT_URI );
		expect( code.tagName ).toBe( 'CODE' );
	} );

	it( 'copies the redirect URI and confirms it', async () => {
		const { user } = await renderSettingsScreen( {
			connections: [ dropboxConnection() ],
		} );
		expect( screen.queryByText( 'Copied!' ) ).toBeNull();

		await user.click(
			screen.getByRole( 'button', { name: 'Copy redirect URI' } )
		);

		expect( await screen.findByText( 'Copied!' ) ).toBeInTheDocument();
		await expect( navigator.clipboard.readText() ).resolves.toBe(
			REDIRECT_URI
		);
	} );

	it( 'follows the guide: access types, both scopes and the Submit step', async () => {
		await renderSettingsScreen( { connections: [ dropboxConnection() ] } );
		const steps = screen
			.getAllByRole( 'listitem' )
			.filter( ( item ) =>
				within( item ).queryByRole( 'heading', { level: 3 } )
			);

		expect(
			steps.map(
				( step ) =>
					within( step ).getByRole( 'heading', { level: 3 } )
						.textContent
			)
		).toEqual( [
			'Open the Dropbox App Console',
			'Create a new app',
			'Add the OAuth redirect URI',
			'Set the required scopes',
			'Copy App key and App secret into the plugin',
		] );
		expect(
			screen.getByRole( 'link', {
				name: /dropbox.com\/developers\/apps/,
			} )
		).toHaveAttribute( 'href', 'https://www.dropbox.com/developers/apps' );
		expect( screen.getByText( 'Scoped access' ) ).toBeInTheDocument();

		const scopes = steps[ 3 ] as HTMLElement;
		expect(
			within( scopes ).getByText( 'files.metadata.read' ).tagName
		).toBe( 'CODE' );
		expect(
			within( scopes ).getByText( 'files.content.read' ).tagName
		).toBe( 'CODE' );
		expect( within( scopes ).getByText( 'Submit' ) ).toBeInTheDocument();
		expect(
			within( scopes ).getByText( 'This step is easy to miss.' )
		).toBeInTheDocument();
	} );

	it( 'says so when the server gave no redirect URI', async () => {
		await renderSettingsScreen( {
			connections: [ dropboxConnection( { redirectUri: null } ) ],
		} );

		expect(
			screen.queryByRole( 'button', { name: 'Copy redirect URI' } )
		).toBeNull();
		expect(
			screen.getByText( /The redirect URI is not available/ )
		).toBeInTheDocument();
	} );
} );
