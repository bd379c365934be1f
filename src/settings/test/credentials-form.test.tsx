/**
 * External dependencies
 */
import { screen, waitFor } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { restError } from '../../store/connections/test/api-mock';
import {
	dropboxConnection,
	readyConnection,
} from '../../store/connections/test/fixtures';
import {
	BASE,
	callsTo,
	renderSettingsScreen,
	SPOKEN,
	spokenText,
} from './render';

jest.mock( '@wordpress/api-fetch' );

const SECRET = 'sup3r-s3cret-value';
const CREDENTIALS = `POST ${ BASE }/dropbox/credentials`;

describe( 'Dropbox credentials form', () => {
	beforeEach( () => jest.resetAllMocks() );

	it( 'posts the typed key, secret and access type', async () => {
		const { user, apiFetch } = await renderSettingsScreen( {
			connections: [ dropboxConnection() ],
			routes: { [ CREDENTIALS ]: readyConnection() },
		} );

		await user.type( screen.getByLabelText( 'App key' ), 'k3yabc123' );
		await user.type( screen.getByLabelText( 'App secret' ), SECRET );
		await user.click( screen.getByLabelText( /^App folder/ ) );
		await user.click(
			screen.getByRole( 'button', { name: 'Save credentials' } )
		);

		await waitFor( () =>
			expect( callsTo( apiFetch, CREDENTIALS ) ).toHaveLength( 1 )
		);
		expect( callsTo( apiFetch, CREDENTIALS )[ 0 ]?.data ).toEqual( {
			appKey: 'k3yabc123',
			appSecret: SECRET,
			accessType: 'app_folder',
		} );
		expect(
			await screen.findByText( 'Credentials saved.' )
		).toBeInTheDocument();
	} );

	it( 'empties the secret once saved and never shows it again', async () => {
		const { user, container } = await renderSettingsScreen( {
			connections: [ dropboxConnection() ],
			routes: { [ CREDENTIALS ]: readyConnection() },
		} );
		const secretField = screen.getByLabelText( 'App secret' );

		await user.type( screen.getByLabelText( 'App key' ), 'k3yabc123' );
		await user.type( secretField, SECRET );
		await user.click(
			screen.getByRole( 'button', { name: 'Save credentials' } )
		);

		await screen.findByText( 'Credentials saved.' );
		expect( secretField ).toHaveValue( '' );
		expect( container.innerHTML ).not.toContain( SECRET );
		expect(
			screen.getByText(
				'A secret is stored. It stays unless you type a new one.'
			)
		).toBeInTheDocument();
	} );

	it( 'keeps the secret write-only: a password field, empty even when one is stored', async () => {
		await renderSettingsScreen( { connections: [ readyConnection() ] } );
		const secretField = screen.getByLabelText( 'App secret' );

		expect( secretField ).toHaveAttribute( 'type', 'password' );
		expect( secretField ).toHaveValue( '' );
		expect( secretField ).not.toBeRequired();
		expect( screen.getByLabelText( 'App key' ) ).toHaveValue( 'k3yabc123' );
		expect(
			screen.getByRole( 'radio', { name: /^Full Dropbox — recommended/ } )
		).toBeChecked();
	} );

	it( 'saves a new key without resending the stored secret', async () => {
		const { user, apiFetch } = await renderSettingsScreen( {
			connections: [ readyConnection() ],
			routes: { [ CREDENTIALS ]: readyConnection() },
		} );
		const keyField = screen.getByLabelText( 'App key' );

		await user.clear( keyField );
		await user.type( keyField, 'n3wkey' );
		await user.click(
			screen.getByRole( 'button', { name: 'Save credentials' } )
		);

		await waitFor( () =>
			expect( callsTo( apiFetch, CREDENTIALS ) ).toHaveLength( 1 )
		);
		expect( callsTo( apiFetch, CREDENTIALS )[ 0 ]?.data ).toEqual( {
			appKey: 'n3wkey',
			accessType: 'full',
		} );
	} );

	it( 'requires a secret while none is stored', async () => {
		const { user, apiFetch } = await renderSettingsScreen( {
			connections: [ dropboxConnection() ],
			routes: { [ CREDENTIALS ]: readyConnection() },
		} );

		expect( screen.getByLabelText( 'App secret' ) ).toBeRequired();
		await user.type( screen.getByLabelText( 'App key' ), 'k3yabc123' );
		await user.click(
			screen.getByRole( 'button', { name: 'Save credentials' } )
		);

		expect( callsTo( apiFetch, CREDENTIALS ) ).toHaveLength( 0 );
	} );

	it( 'shows the REST error message and keeps what was typed', async () => {
		const { user } = await renderSettingsScreen( {
			connections: [ dropboxConnection() ],
			routes: {
				[ CREDENTIALS ]: () => {
					throw restError(
						'ccg_invalid_app_key',
						'That does not look like a Dropbox App key.'
					);
				},
			},
		} );

		await user.type( screen.getByLabelText( 'App key' ), 'bad' );
		await user.type( screen.getByLabelText( 'App secret' ), SECRET );
		await user.click(
			screen.getByRole( 'button', { name: 'Save credentials' } )
		);

		expect(
			await screen.findByText(
				'That does not look like a Dropbox App key.',
				{ ignore: SPOKEN }
			)
		).toBeInTheDocument();
		// The Notice also announces it.
		expect( spokenText() ).toContain(
			'That does not look like a Dropbox App key.'
		);
		expect( screen.getByLabelText( 'App key' ) ).toHaveValue( 'bad' );
		expect( screen.queryByText( 'Credentials saved.' ) ).toBeNull();
	} );
} );
