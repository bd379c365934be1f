/**
 * External dependencies
 */
import { screen, waitFor, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import {
	connectedConnection,
	dropboxConnection,
	exampleConnection,
	googleConnection,
	readyConnection,
} from '../../store/connections/test/fixtures';
import { restError } from '../../store/connections/test/api-mock';
import { BASE, renderSettingsScreen, SPOKEN } from './render';

jest.mock( '@wordpress/api-fetch' );

describe( 'Settings screen', () => {
	beforeEach( () => jest.resetAllMocks() );

	it( 'loads the connections and shows a section per provider, including one only the server knows', async () => {
		const { apiFetch } = await renderSettingsScreen( {
			connections: [
				dropboxConnection(),
				googleConnection(),
				exampleConnection(),
			],
		} );

		expect( apiFetch ).toHaveBeenCalledWith( { path: BASE } );
		expect(
			screen
				.getAllByRole( 'heading', { level: 2 } )
				.filter( ( heading ) =>
					heading.classList.contains( 'ccg-section-heading' )
				)
				.map( ( heading ) => heading.textContent )
		).toEqual( [
			'Dropbox',
			'Dropbox app credentials',
			'Google Drive',
			'Google OAuth client credentials',
			'Example Cloud',
			'Example Cloud credentials',
		] );
		expect(
			screen.getByRole( 'region', { name: 'Dropbox' } )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'region', { name: 'Google Drive' } )
		).toBeInTheDocument();

		const example = screen.getByRole( 'region', { name: 'Example Cloud' } );
		expect(
			within( example ).getByRole( 'heading', {
				level: 2,
				name: 'Example Cloud',
			} )
		).toBeInTheDocument();
		const form = within( example ).getByRole( 'form', {
			name: 'Example Cloud credentials',
		} );
		expect( within( form ).getByLabelText( 'Client key' ) ).toBeRequired();
		expect(
			within( form ).getByLabelText( 'Signing secret' )
		).toHaveAttribute( 'type', 'password' );
		expect(
			within( form ).getByRole( 'radio', { name: 'Europe' } )
		).toBeChecked();
		expect(
			within( form ).getByRole( 'radio', { name: 'United States' } )
		).not.toBeChecked();
		expect(
			within( example ).getByRole( 'button', {
				name: 'Connect Example Cloud',
			} )
		).toHaveAttribute( 'aria-disabled', 'true' );
		// It has no guide of its own; Dropbox's and Google's stay theirs.
		expect(
			within( example ).queryByRole( 'button', { name: /step-by-step/ } )
		).toBeNull();
	} );

	it( 'says it is loading until the connections arrive', async () => {
		let answer: ( value: unknown ) => void = () => {};
		await renderSettingsScreen( {
			untilLoaded: false,
			routes: {
				[ `GET ${ BASE }` ]: () =>
					new Promise( ( resolve ) => ( answer = resolve ) ),
			},
		} );

		expect(
			await screen.findByText( 'Loading connections…' )
		).toBeInTheDocument();
		expect( screen.queryByRole( 'region' ) ).toBeNull();

		answer( [ dropboxConnection() ] );
		expect(
			await screen.findByRole( 'region', { name: 'Dropbox' } )
		).toBeInTheDocument();
		expect( screen.queryByText( 'Loading connections…' ) ).toBeNull();
	} );

	it( 'shows why the connections could not load', async () => {
		await renderSettingsScreen( {
			routes: {
				[ `GET ${ BASE }` ]: () => {
					throw restError(
						'rest_forbidden',
						'Sorry, you are not allowed to do that.',
						403
					);
				},
			},
		} );

		expect(
			await screen.findByText( 'Sorry, you are not allowed to do that.', {
				ignore: SPOKEN,
			} )
		).toBeInTheDocument();
		expect( screen.queryByText( 'Loading connections…' ) ).toBeNull();
	} );

	it( 'shows the OAuth round trip’s notice with its fix, until dismissed', async () => {
		const { user } = await renderSettingsScreen( {
			connections: [ readyConnection() ],
			notice: {
				status: 'error',
				code: 'invalid_client',
				message: 'Dropbox rejected the App secret.',
				fix: 'Copy the App secret again from the App Console, save it, and connect again.',
			},
		} );

		expect(
			screen.getByText( 'Dropbox rejected the App secret.' )
		).toBeInTheDocument();
		expect(
			screen.getByText(
				'Copy the App secret again from the App Console, save it, and connect again.'
			)
		).toBeInTheDocument();

		await user.click(
			screen.getByRole( 'button', { name: /close|dismiss/i } )
		);
		expect(
			screen.queryByText( 'Dropbox rejected the App secret.' )
		).toBeNull();
	} );

	it( 'opens the step-by-step panel while Dropbox is not connected', async () => {
		await renderSettingsScreen( { connections: [ readyConnection() ] } );

		const toggle = screen.getByRole( 'button', {
			name: 'Dropbox — step-by-step',
		} );
		expect( toggle ).toHaveAttribute( 'aria-expanded', 'true' );
		expect(
			screen.getByRole( 'heading', {
				level: 3,
				name: 'Set the required scopes',
			} )
		).toBeInTheDocument();
	} );

	it( 'collapses the step-by-step panel once connected', async () => {
		const { user } = await renderSettingsScreen( {
			connections: [ connectedConnection() ],
		} );

		const toggle = screen.getByRole( 'button', {
			name: 'Dropbox — step-by-step',
		} );
		expect( toggle ).toHaveAttribute( 'aria-expanded', 'false' );
		expect( screen.queryByRole( 'button', { name: /Copy/ } ) ).toBeNull();

		await user.click( toggle );
		expect(
			screen.getByRole( 'button', { name: 'Copy redirect URI' } )
		).toBeInTheDocument();
	} );

	it( 'hides every control from people who cannot manage the connection', async () => {
		await renderSettingsScreen( {
			connections: [
				readyConnection( {
					canManage: false,
					redirectUri: null,
					problem: {
						code: 'token_unreadable',
						message:
							'The stored Dropbox token can no longer be read.',
						fix: 'Click Reconnect.',
						action: 'reconnect',
					},
				} ),
			],
		} );

		expect( screen.queryByRole( 'form' ) ).toBeNull();
		expect( screen.queryByLabelText( 'App key' ) ).toBeNull();
		expect( screen.queryByLabelText( 'App secret' ) ).toBeNull();
		expect(
			screen.queryByRole( 'button', { name: 'Dropbox — step-by-step' } )
		).toBeNull();
		expect( screen.queryByRole( 'button' ) ).toBeNull();
		expect(
			screen.getByText(
				'The stored Dropbox token can no longer be read.'
			)
		).toBeInTheDocument();
		expect( screen.queryByText( 'Click Reconnect.' ) ).toBeNull();
	} );

	it( 'names the status in words next to the heading', async () => {
		await renderSettingsScreen( {
			connections: [ connectedConnection() ],
		} );
		const section = screen.getByRole( 'region', { name: 'Dropbox' } );

		expect(
			within( section ).getByText( 'Connected' )
		).toBeInTheDocument();
		await waitFor( () =>
			expect(
				within( section ).getByText(
					'Connected to Dropbox as Ada Lovelace.'
				)
			).toBeInTheDocument()
		);
	} );
} );
