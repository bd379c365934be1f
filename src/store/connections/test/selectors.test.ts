/**
 * Internal dependencies
 */
import {
	receiveConnections,
	receiveLoadError,
	setPendingAction,
} from '../actions';
import reducer, { initialState } from '../reducer';
import {
	getConnectedProviders,
	getConnection,
	getConnections,
	getError,
	getLoadError,
	getPendingAction,
	getTestResult,
} from '../selectors';
import type { Connection } from '../types';
import { connectedConnection, dropboxConnection } from './fixtures';

/**
 * What the store's thunks dispatch when the server answers for one provider.
 * @param connection
 */
const receiveConnection = ( connection: Connection ) =>
	( { type: 'RECEIVE_CONNECTION', connection } ) as const;

describe( 'connections selectors', () => {
	describe( 'while loading', () => {
		it( 'return undefined for everything derived from the list', () => {
			expect( getConnections( initialState ) ).toBeUndefined();
			expect( getConnection( initialState, 'dropbox' ) ).toBeUndefined();
			expect( getConnectedProviders( initialState ) ).toBeUndefined();
		} );

		it( 'still return undefined from the list when one connection arrived early', () => {
			const state = reducer(
				initialState,
				receiveConnection( connectedConnection() )
			);
			expect( getConnections( state ) ).toBeUndefined();
			expect( getConnection( state, 'dropbox' )?.status ).toBe(
				'connected'
			);
		} );

		it( 'report no request state', () => {
			expect( getPendingAction( initialState, 'dropbox' ) ).toBeNull();
			expect( getError( initialState, 'dropbox' ) ).toBeNull();
			expect( getTestResult( initialState, 'dropbox' ) ).toBeNull();
			expect( getLoadError( initialState ) ).toBeNull();
		} );
	} );

	describe( 'once loaded', () => {
		const drive = {
			...dropboxConnection(),
			provider: 'google' as const,
		};
		const state = reducer(
			initialState,
			receiveConnections( [ connectedConnection(), drive ] )
		);

		it( 'list the connections in server order', () => {
			expect(
				getConnections( state )?.map( ( c ) => c.provider )
			).toEqual( [ 'dropbox', 'google' ] );
		} );

		it( 'return the same array for the same state', () => {
			expect( getConnections( state ) ).toBe( getConnections( state ) );
			expect( getConnectedProviders( state ) ).toBe(
				getConnectedProviders( state )
			);
		} );

		it( 'tell connected providers apart', () => {
			expect( getConnectedProviders( state ) ).toEqual( [ 'dropbox' ] );
		} );

		it( 'return null for a provider the server does not offer', () => {
			const onlyDropbox = reducer(
				initialState,
				receiveConnections( [ dropboxConnection() ] )
			);
			expect( getConnection( onlyDropbox, 'google' ) ).toBeNull();
		} );

		it( 'treat needs_attention as not connected', () => {
			const broken = reducer(
				state,
				receiveConnection(
					connectedConnection( { status: 'needs_attention' } )
				)
			);
			expect( getConnectedProviders( broken ) ).toEqual( [] );
		} );

		it( 'return the pending action of one provider only', () => {
			const busy = reducer(
				state,
				setPendingAction( 'dropbox', 'testing' )
			);
			expect( getPendingAction( busy, 'dropbox' ) ).toBe( 'testing' );
			expect( getPendingAction( busy, 'google' ) ).toBeNull();
		} );
	} );

	it( 'expose the load error', () => {
		const error = { code: 'rest_forbidden', message: 'No', status: 403 };
		expect(
			getLoadError( reducer( initialState, receiveLoadError( error ) ) )
		).toEqual( error );
	} );
} );
