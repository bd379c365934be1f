/**
 * WordPress dependencies
 */
import { createRegistry } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { store } from '..';
import { mockRoutes, restError, routeOf } from './api-mock';
import {
	connectedConnection,
	dropboxConnection,
	googleConnection,
	googleReadyConnection,
	readyConnection,
} from './fixtures';

jest.mock( '@wordpress/api-fetch' );

const BASE = '/customer-cloud-gallery/v1/connections';

/**
 * A registry whose connections are already loaded.
 *
 * @param connection The Dropbox connection the list holds.
 */
function loadedRegistry( connection = dropboxConnection() ) {
	const registry = createRegistry();
	registry.register( store );
	registry.dispatch( store ).receiveConnections( [ connection ] );
	registry.dispatch( store ).finishResolution( 'getConnections', [] );
	return registry;
}

/** A promise the test resolves or rejects when it chooses. */
function deferred< T >() {
	let resolve!: ( value: T ) => void;
	let reject!: ( reason: unknown ) => void;
	const promise = new Promise< T >( ( res, rej ) => {
		resolve = res;
		reject = rej;
	} );
	return { promise, resolve, reject };
}

describe( 'connections thunks', () => {
	beforeEach( () => jest.resetAllMocks() );

	describe( 'saveCredentials', () => {
		it( 'posts a Google client’s id and secret, each provider apart', async () => {
			const apiFetch = mockRoutes( {
				[ `POST ${ BASE }/google/credentials` ]:
					googleReadyConnection(),
			} );
			const registry = createRegistry();
			registry.register( store );
			registry
				.dispatch( store )
				.receiveConnections( [
					dropboxConnection(),
					googleConnection(),
				] );

			const saved = await registry
				.dispatch( store )
				.saveCredentials( 'google', {
					clientId: ' 1234-abc.apps.googleusercontent.com ',
					clientSecret: '',
				} );

			expect( saved ).toBe( true );
			expect( apiFetch ).toHaveBeenCalledWith( {
				path: `${ BASE }/google/credentials`,
				method: 'POST',
				data: { clientId: '1234-abc.apps.googleusercontent.com' },
			} );
			const { getConnection, getPendingAction } =
				registry.select( store );
			expect( getConnection( 'google' )?.status ).toBe( 'ready' );
			expect( getConnection( 'dropbox' )?.status ).toBe( 'unconfigured' );
			expect( getPendingAction( 'google' ) ).toBeNull();
		} );

		it( 'posts the key, the new secret and the access type', async () => {
			const apiFetch = mockRoutes( {
				[ `POST ${ BASE }/dropbox/credentials` ]: readyConnection(),
			} );
			const registry = loadedRegistry();

			const saved = await registry
				.dispatch( store )
				.saveCredentials( 'dropbox', {
					appKey: ' k3yabc123 ',
					appSecret: 's3cret ',
					accessType: 'app_folder',
				} );

			expect( saved ).toBe( true );
			expect( apiFetch ).toHaveBeenCalledWith( {
				path: `${ BASE }/dropbox/credentials`,
				method: 'POST',
				data: {
					appKey: 'k3yabc123',
					appSecret: 's3cret',
					accessType: 'app_folder',
				},
			} );
			expect(
				registry.select( store ).getConnection( 'dropbox' )?.status
			).toBe( 'ready' );
			// The store keeps what the server answered, never the input.
			expect(
				JSON.stringify(
					registry.stores[ store.name ]?.store?.getState()
				)
			).not.toContain( 's3cret' );
		} );

		it( 'leaves the secret out when none was typed, keeping the stored one', async () => {
			const apiFetch = mockRoutes( {
				[ `POST ${ BASE }/dropbox/credentials` ]: readyConnection(),
			} );
			const registry = loadedRegistry( readyConnection() );

			await registry.dispatch( store ).saveCredentials( 'dropbox', {
				appKey: 'k3yabc123',
				appSecret: '  ',
				accessType: 'full',
			} );

			const body = apiFetch.mock.calls[ 0 ]?.[ 0 ]?.data;
			expect( body ).toEqual( {
				appKey: 'k3yabc123',
				accessType: 'full',
			} );
			expect( body ).not.toHaveProperty( 'appSecret' );
		} );

		it( 'is pending while the request runs', async () => {
			const request = deferred< unknown >();
			mockRoutes( {
				[ `POST ${ BASE }/dropbox/credentials` ]: () => request.promise,
			} );
			const registry = loadedRegistry();

			const saving = registry
				.dispatch( store )
				.saveCredentials( 'dropbox', {
					appKey: 'k',
					appSecret: 's',
					accessType: 'full',
				} );
			expect(
				registry.select( store ).getPendingAction( 'dropbox' )
			).toBe( 'saving' );

			request.resolve( readyConnection() );
			await saving;
			expect(
				registry.select( store ).getPendingAction( 'dropbox' )
			).toBeNull();
		} );

		it( 'records the REST error message and resolves to false', async () => {
			mockRoutes( {
				[ `POST ${ BASE }/dropbox/credentials` ]: () => {
					throw restError(
						'ccg_invalid_app_key',
						'That does not look like a Dropbox App key.'
					);
				},
			} );
			const registry = loadedRegistry();

			const saved = await registry
				.dispatch( store )
				.saveCredentials( 'dropbox', {
					appKey: 'nope',
					appSecret: 's',
					accessType: 'full',
				} );

			expect( saved ).toBe( false );
			expect( registry.select( store ).getError( 'dropbox' ) ).toEqual( {
				code: 'ccg_invalid_app_key',
				message: 'That does not look like a Dropbox App key.',
				status: 400,
				action: 'saving',
			} );
			expect(
				registry.select( store ).getPendingAction( 'dropbox' )
			).toBeNull();
			expect(
				registry.select( store ).getConnection( 'dropbox' )?.status
			).toBe( 'unconfigured' );
		} );

		it( 'clears the previous error when a new request starts', async () => {
			let calls = 0;
			mockRoutes( {
				[ `POST ${ BASE }/dropbox/credentials` ]: () => {
					if ( calls++ === 0 ) {
						throw restError( 'x', 'Old', 500 );
					}
					return readyConnection();
				},
			} );
			const registry = loadedRegistry();
			await registry.dispatch( store ).saveCredentials( 'dropbox', {
				appKey: 'k',
				accessType: 'full',
			} );
			expect(
				registry.select( store ).getError( 'dropbox' )?.message
			).toBe( 'Old' );

			await registry.dispatch( store ).saveCredentials( 'dropbox', {
				appKey: 'k',
				accessType: 'full',
			} );

			expect( registry.select( store ).getError( 'dropbox' ) ).toBeNull();
		} );
	} );

	describe( 'connect', () => {
		it( 'asks for the consent URL, then navigates there', async () => {
			const url =
				'https://www.dropbox.com/oauth2/authorize?client_id=k&state=abc';
			const apiFetch = mockRoutes( {
				[ `POST ${ BASE }/dropbox/authorize` ]: { authorizeUrl: url },
			} );
			const navigate = jest.fn();
			const registry = loadedRegistry( readyConnection() );

			const sent = await registry
				.dispatch( store )
				.connect( 'dropbox', navigate );

			expect( sent ).toBe( true );
			expect( routeOf( apiFetch.mock.calls[ 0 ]?.[ 0 ] ) ).toBe(
				`POST ${ BASE }/dropbox/authorize`
			);
			expect( navigate ).toHaveBeenCalledWith( url );
			// The page is unloading: the button keeps its busy state.
			expect(
				registry.select( store ).getPendingAction( 'dropbox' )
			).toBe( 'connecting' );
		} );

		it( 'stays on the page and shows the error when authorize fails', async () => {
			mockRoutes( {
				[ `POST ${ BASE }/dropbox/authorize` ]: () => {
					throw restError(
						'ccg_missing_credentials',
						'Save your App key and App secret first.'
					);
				},
			} );
			const navigate = jest.fn();
			const registry = loadedRegistry();

			const sent = await registry
				.dispatch( store )
				.connect( 'dropbox', navigate );

			expect( sent ).toBe( false );
			expect( navigate ).not.toHaveBeenCalled();
			expect(
				registry.select( store ).getError( 'dropbox' )
			).toMatchObject( {
				message: 'Save your App key and App secret first.',
				action: 'connecting',
			} );
			expect(
				registry.select( store ).getPendingAction( 'dropbox' )
			).toBeNull();
		} );
	} );

	describe( 'disconnect', () => {
		it( 'posts disconnect, stores the answer and forgets the last test', async () => {
			mockRoutes( {
				[ `POST ${ BASE }/dropbox/test` ]: {
					ok: true,
					message: 'Fine',
					connection: connectedConnection(),
					visibleFolders: [ '/Clients' ],
				},
				[ `POST ${ BASE }/dropbox/disconnect` ]: readyConnection(),
			} );
			const registry = loadedRegistry( connectedConnection() );
			await registry.dispatch( store ).testConnection( 'dropbox' );
			expect(
				registry.select( store ).getTestResult( 'dropbox' )
			).not.toBeNull();

			await registry.dispatch( store ).disconnect( 'dropbox' );

			expect(
				registry.select( store ).getConnectedProviders()
			).not.toContain( 'dropbox' );
			expect(
				registry.select( store ).getTestResult( 'dropbox' )
			).toBeNull();
		} );
	} );

	describe( 'testConnection', () => {
		it( 'keeps the result and the refreshed connection apart', async () => {
			mockRoutes( {
				[ `POST ${ BASE }/dropbox/test` ]: {
					ok: true,
					message: 'Dropbox answered.',
					connection: connectedConnection( {
						grantedScopes: [ 'files.metadata.read' ],
					} ),
					visibleFolders: [ '/Clients', '/Weddings' ],
				},
			} );
			const registry = loadedRegistry( connectedConnection() );

			await registry.dispatch( store ).testConnection( 'dropbox' );

			expect(
				registry.select( store ).getTestResult( 'dropbox' )
			).toEqual( {
				ok: true,
				message: 'Dropbox answered.',
				visibleFolders: [ '/Clients', '/Weddings' ],
			} );
			expect(
				registry.select( store ).getConnection( 'dropbox' )
					?.grantedScopes
			).toEqual( [ 'files.metadata.read' ] );
		} );

		it( 'falls back to a readable message when the request fails without one', async () => {
			mockRoutes( {
				[ `POST ${ BASE }/dropbox/test` ]: () => {
					throw { code: 'fetch_error' };
				},
			} );
			const registry = loadedRegistry( connectedConnection() );

			await registry.dispatch( store ).testConnection( 'dropbox' );

			expect(
				registry.select( store ).getError( 'dropbox' )?.message
			).toMatch( /request failed/ );
		} );
	} );
} );
