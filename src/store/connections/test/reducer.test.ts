/**
 * Internal dependencies
 */
import {
	receiveConnections,
	receiveLoadError,
	setPendingAction,
} from '../actions';
import type { Connection, RequestError, TestResult } from '../types';
import reducer, { initialState } from '../reducer';
import { connectedConnection, dropboxConnection } from './fixtures';

/*
 * The actions only the store's own thunks dispatch, written out as they
 * reach the reducer.
 */
const receiveConnection = ( connection: Connection ) =>
	( { type: 'RECEIVE_CONNECTION', connection } ) as const;
const receiveError = ( provider: string, error: RequestError | null ) =>
	( { type: 'RECEIVE_ERROR', provider, error } ) as const;
const receiveTestResult = ( provider: string, result: TestResult | null ) =>
	( { type: 'RECEIVE_TEST_RESULT', provider, result } ) as const;

describe( 'connections reducer', () => {
	it( 'starts with nothing loaded', () => {
		expect( reducer( undefined, { type: '@@INIT' } as never ) ).toEqual(
			initialState
		);
		expect( initialState.order ).toBeUndefined();
	} );

	it( 'keys received connections by provider and keeps the server order', () => {
		const drive = {
			...dropboxConnection(),
			provider: 'google' as const,
		};
		const state = reducer(
			initialState,
			receiveConnections( [ drive, dropboxConnection() ] )
		);
		expect( state.order ).toEqual( [ 'google', 'dropbox' ] );
		expect( state.byProvider.dropbox ).toEqual( dropboxConnection() );
		expect( state.loadError ).toBeNull();
	} );

	it( 'replaces one connection without touching the others', () => {
		const drive = {
			...dropboxConnection(),
			provider: 'google' as const,
		};
		const loaded = reducer(
			initialState,
			receiveConnections( [ dropboxConnection(), drive ] )
		);
		const state = reducer(
			loaded,
			receiveConnection( connectedConnection() )
		);
		expect( state.byProvider.dropbox?.status ).toBe( 'connected' );
		expect( state.byProvider.google ).toBe( drive );
		expect( state.order ).toEqual( [ 'dropbox', 'google' ] );
	} );

	it( 'does not pretend the list has loaded when one connection arrives first', () => {
		const state = reducer(
			initialState,
			receiveConnection( dropboxConnection() )
		);
		expect( state.order ).toBeUndefined();
		expect( state.byProvider.dropbox ).toBeDefined();
	} );

	it( 'sets and clears pending actions, errors and test results per provider', () => {
		const error = {
			code: 'x',
			message: 'Nope',
			status: 400,
			action: 'saving' as const,
		};
		const result = { ok: true, message: 'Fine', visibleFolders: [] };
		let state = reducer(
			initialState,
			setPendingAction( 'dropbox', 'saving' )
		);
		state = reducer( state, receiveError( 'dropbox', error ) );
		state = reducer( state, receiveTestResult( 'dropbox', result ) );
		expect( state.pending ).toEqual( { dropbox: 'saving' } );
		expect( state.errors ).toEqual( { dropbox: error } );
		expect( state.testResults ).toEqual( { dropbox: result } );

		state = reducer( state, setPendingAction( 'dropbox', null ) );
		state = reducer( state, receiveError( 'dropbox', null ) );
		state = reducer( state, receiveTestResult( 'dropbox', null ) );
		expect( state.pending ).toEqual( {} );
		expect( state.errors ).toEqual( {} );
		expect( state.testResults ).toEqual( {} );
	} );

	it( 'returns the same state when clearing what is not set', () => {
		expect(
			reducer( initialState, setPendingAction( 'dropbox', null ) )
		).toEqual( initialState );
		const state = reducer( initialState, receiveError( 'dropbox', null ) );
		expect( state.errors ).toBe( initialState.errors );
	} );

	it( 'records and clears the load error', () => {
		const error = { code: 'fetch_error', message: 'Offline', status: null };
		const failed = reducer( initialState, receiveLoadError( error ) );
		expect( failed.loadError ).toEqual( error );
		expect(
			reducer( failed, receiveConnections( [] ) ).loadError
		).toBeNull();
	} );
} );
