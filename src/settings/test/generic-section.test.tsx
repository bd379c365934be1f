/**
 * External dependencies
 */
import { screen, waitFor, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { assignLocation } from '../../store/connections/navigation';
import {
	connectedConnection,
	exampleConnection,
} from '../../store/connections/test/fixtures';
import { BASE, callsTo, renderSettingsScreen } from './render';

jest.mock( '@wordpress/api-fetch' );
jest.mock( '../../store/connections/navigation' );

const CREDENTIALS = `POST ${ BASE }/example/credentials`;
const section = () => screen.getByRole( 'region', { name: 'Example Cloud' } );

/**
 * "Example Cloud" stored credentials: the server returns the non-secret
 * values by field name.
 *
 * @param overrides Fields to change.
 */
const readyExample = ( overrides = {} ) =>
	exampleConnection( {
		status: 'ready',
		credentials: {
			clientKey: 'ex-key-1',
			region: 'us',
			secretStored: true,
		},
		...overrides,
	} );

describe( 'A provider only the server knows', () => {
	beforeEach( () => jest.resetAllMocks() );

	it( 'posts each field by its name, the secret included once typed', async () => {
		const { user, apiFetch } = await renderSettingsScreen( {
			connections: [ exampleConnection() ],
			routes: { [ CREDENTIALS ]: readyExample() },
		} );
		const form = within( section() ).getByRole( 'form', {
			name: 'Example Cloud credentials',
		} );

		await user.type( within( form ).getByLabelText( 'Client key' ), 'k1' );
		await user.type(
			within( form ).getByLabelText( 'Signing secret' ),
			'sh-secret'
		);
		await user.click(
			within( form ).getByRole( 'radio', { name: 'United States' } )
		);
		await user.click(
			within( form ).getByRole( 'button', { name: 'Save credentials' } )
		);

		await waitFor( () =>
			expect( callsTo( apiFetch, CREDENTIALS ) ).toHaveLength( 1 )
		);
		expect( callsTo( apiFetch, CREDENTIALS )[ 0 ]?.data ).toEqual( {
			clientKey: 'k1',
			signingSecret: 'sh-secret',
			region: 'us',
		} );
		expect(
			await within( form ).findByText( 'Credentials saved.' )
		).toBeInTheDocument();
		expect( within( form ).getByLabelText( 'Signing secret' ) ).toHaveValue(
			''
		);
	} );

	it( 'shows the stored values and leaves out a secret left empty, by the field’s kind', async () => {
		const { user, apiFetch } = await renderSettingsScreen( {
			connections: [ readyExample() ],
			routes: { [ CREDENTIALS ]: readyExample() },
		} );
		const form = within( section() ).getByRole( 'form', {
			name: 'Example Cloud credentials',
		} );
		const key = within( form ).getByLabelText( 'Client key' );
		expect( key ).toHaveValue( 'ex-key-1' );
		expect(
			within( form ).getByRole( 'radio', { name: 'United States' } )
		).toBeChecked();
		expect(
			within( form ).getByLabelText( 'Signing secret' )
		).not.toBeRequired();
		expect(
			within( form ).getByText(
				'A secret is stored. It stays unless you type a new one.'
			)
		).toBeInTheDocument();

		await user.clear( key );
		await user.type( key, 'ex-key-2' );
		await user.click(
			within( form ).getByRole( 'button', { name: 'Save credentials' } )
		);

		await waitFor( () =>
			expect( callsTo( apiFetch, CREDENTIALS ) ).toHaveLength( 1 )
		);
		expect( callsTo( apiFetch, CREDENTIALS )[ 0 ]?.data ).toEqual( {
			clientKey: 'ex-key-2',
			region: 'us',
		} );
	} );

	it( 'shows the redirect URI to register, there being no guide', async () => {
		await renderSettingsScreen( { connections: [ exampleConnection() ] } );

		expect(
			within( section() ).getByText(
				'Register this redirect URI with your Example Cloud app:'
			)
		).toBeInTheDocument();
		expect(
			within( section() ).getByText(
				'http://localhost:8888/wp-admin/admin-post.php?action=ccg_oauth_example'
			)
		).toBeInTheDocument();
	} );

	it( 'connects through the same route shape as the others', async () => {
		const authorize = `POST ${ BASE }/example/authorize`;
		const consent = 'https://auth.example.test/authorize?state=xyz';
		const { user, apiFetch } = await renderSettingsScreen( {
			connections: [ readyExample() ],
			routes: { [ authorize ]: { authorizeUrl: consent } },
		} );

		expect(
			within( section() ).getByText(
				'Credentials saved. Click Connect Example Cloud to approve access.'
			)
		).toBeInTheDocument();
		await user.click(
			within( section() ).getByRole( 'button', {
				name: 'Connect Example Cloud',
			} )
		);

		await waitFor( () =>
			expect( assignLocation ).toHaveBeenCalledWith( consent )
		);
		expect( callsTo( apiFetch, authorize ) ).toHaveLength( 1 );
	} );

	it( 'names the account and asks before disconnecting, in the provider’s name', async () => {
		const { user } = await renderSettingsScreen( {
			connections: [
				readyExample( {
					status: 'connected',
					account: { name: 'Eve Example', email: 'eve@example.test' },
					connectedAt: '2025-03-01T08:00:00Z',
				} ),
			],
			routes: {
				'GET /customer-cloud-gallery/v1/settings': { galleryRoot: {} },
			},
		} );

		expect(
			within( section() ).getByText(
				'Connected to Example Cloud as Eve Example.'
			)
		).toBeInTheDocument();
		await user.click(
			within( section() ).getByRole( 'button', { name: 'Disconnect' } )
		);
		expect(
			screen.getByRole( 'dialog', { name: 'Disconnect Example Cloud?' } )
		).toBeInTheDocument();
	} );

	it( 'shows people who cannot manage it where it stands, and no form', async () => {
		await renderSettingsScreen( {
			connections: [
				connectedConnection( { canManage: false } ),
				exampleConnection( { canManage: false, redirectUri: null } ),
			],
		} );

		expect(
			within( section() ).getByText(
				'Example Cloud is not set up yet. Ask a site administrator to connect it.'
			)
		).toBeInTheDocument();
		expect( within( section() ).queryByRole( 'form' ) ).toBeNull();
		expect( within( section() ).queryByRole( 'button' ) ).toBeNull();
	} );
} );
