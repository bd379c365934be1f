/**
 * Internal dependencies
 */
import type { Action } from './actions';
import type { ByProvider, State } from './types';

export const initialState: State = {
	byProvider: {},
	order: undefined,
	loadError: null,
	pending: {},
	errors: {},
	testResults: {},
};

/**
 * Sets or removes one provider's entry of a keyed slice.
 *
 * @param slice    The slice.
 * @param provider Key.
 * @param value    New value; null removes the entry.
 * @return The new slice.
 */
function setEntry< T >(
	slice: ByProvider< T >,
	provider: keyof ByProvider< T >,
	value: T | null
): ByProvider< T > {
	if ( value === null ) {
		if ( ! ( provider in slice ) ) {
			return slice;
		}
		const { [ provider ]: _removed, ...rest } = slice;
		return rest as ByProvider< T >;
	}
	return { ...slice, [ provider ]: value };
}

export default function reducer(
	state: State = initialState,
	action: Action
): State {
	switch ( action.type ) {
		case 'RECEIVE_CONNECTIONS':
			return {
				...state,
				byProvider: Object.fromEntries(
					action.connections.map( ( connection ) => [
						connection.provider,
						connection,
					] )
				),
				order: action.connections.map(
					( connection ) => connection.provider
				),
				loadError: null,
			};
		case 'RECEIVE_CONNECTION': {
			const { provider } = action.connection;
			return {
				...state,
				byProvider: setEntry(
					state.byProvider,
					provider,
					action.connection
				),
				order:
					state.order && ! state.order.includes( provider )
						? [ ...state.order, provider ]
						: state.order,
			};
		}
		case 'RECEIVE_LOAD_ERROR':
			return { ...state, loadError: action.error };
		case 'SET_PENDING_ACTION':
			return {
				...state,
				pending: setEntry(
					state.pending,
					action.provider,
					action.action
				),
			};
		case 'RECEIVE_ERROR':
			return {
				...state,
				errors: setEntry( state.errors, action.provider, action.error ),
			};
		case 'RECEIVE_TEST_RESULT':
			return {
				...state,
				testResults: setEntry(
					state.testResults,
					action.provider,
					action.result
				),
			};
		default:
			return state;
	}
}
