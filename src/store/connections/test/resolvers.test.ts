/**
 * WordPress dependencies
 */
import { createRegistry } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { store } from '..';
import { mockRoutes, restError, routeOf } from './api-mock';
import { connectedConnection, dropboxConnection } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

function freshRegistry() {
	const registry = createRegistry();
	registry.register( store );
	return registry;
}

describe( 'connections resolvers', () => {
	beforeEach( () => jest.resetAllMocks() );

	it( 'fetch GET /connections for getConnections()', async () => {
		const apiFetch = mockRoutes( {
			'GET /customer-cloud-gallery/v1/connections': [
				connectedConnection(),
			],
		} );
		const registry = freshRegistry();

		expect( registry.select( store ).getConnections() ).toBeUndefined();
		const connections = await registry
			.resolveSelect( store )
			.getConnections();

		expect( connections ).toEqual( [ connectedConnection() ] );
		expect( apiFetch ).toHaveBeenCalledTimes( 1 );
		expect( routeOf( apiFetch.mock.calls[ 0 ]?.[ 0 ] ) ).toBe(
			'GET /customer-cloud-gallery/v1/connections'
		);
	} );

	it( 'share one request between every selector derived from the list', async () => {
		const apiFetch = mockRoutes( {
			'GET /customer-cloud-gallery/v1/connections': [
				connectedConnection(),
			],
		} );
		const registry = freshRegistry();
		const resolve = registry.resolveSelect( store );

		const [ connection, providers ] = await Promise.all( [
			resolve.getConnection( 'dropbox' ),
			resolve.getConnectedProviders(),
			resolve.getConnections(),
		] );

		expect( connection?.account?.name ).toBe( 'Ada Lovelace' );
		expect( providers ).toEqual( [ 'dropbox' ] );
		expect( apiFetch ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'record a failed load instead of waiting forever', async () => {
		mockRoutes( {
			'GET /customer-cloud-gallery/v1/connections': () => {
				throw restError(
					'rest_forbidden',
					'Sorry, you are not allowed to do that.',
					403
				);
			},
		} );
		const registry = freshRegistry();

		await registry.resolveSelect( store ).getConnections();

		expect( registry.select( store ).getConnections() ).toBeUndefined();
		expect( registry.select( store ).getLoadError() ).toEqual( {
			code: 'rest_forbidden',
			message: 'Sorry, you are not allowed to do that.',
			status: 403,
		} );
	} );

	it( 'keep each registry separate', async () => {
		mockRoutes( {
			'GET /customer-cloud-gallery/v1/connections': [
				dropboxConnection(),
			],
		} );
		const first = freshRegistry();
		await first.resolveSelect( store ).getConnections();

		expect( first.select( store ).getConnections() ).toHaveLength( 1 );
		expect( freshRegistry().select( store ).getConnections() ).toBe(
			undefined
		);
	} );
} );

describe( 'store registration', () => {
	it( 'registers once even when another bundle registered the store first', () => {
		const error = jest.spyOn( console, 'error' ).mockImplementation();
		jest.isolateModules( () => {
			const data = require( '@wordpress/data' );
			// Stands in for the block editor script's copy of this store.
			data.register(
				data.createReduxStore( 'customer-cloud-gallery/connections', {
					reducer: ( state = {} ) => state,
					selectors: { getConnections: () => [] },
				} )
			);
			const { store: secondCopy } = require( '..' );

			expect( data.select( secondCopy ).getConnections() ).toEqual( [] );
		} );
		expect( error ).not.toHaveBeenCalled();
		error.mockRestore();
	} );
} );
