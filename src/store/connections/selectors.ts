/**
 * WordPress dependencies
 */
import { createSelector } from '@wordpress/data';

/**
 * Internal dependencies
 */
import type {
	ApiError,
	Connection,
	PendingAction,
	ProviderId,
	RequestError,
	State,
	TestResult,
} from './types';

/**
 * All connections in the server's order.
 *
 * @param state Store state.
 * @return The connections, or undefined while they load.
 */
export const getConnections = createSelector(
	( state: State ): Connection[] | undefined =>
		state.order?.flatMap( ( provider ) => {
			const connection = state.byProvider[ provider ];
			return connection ? [ connection ] : [];
		} ),
	( state: State ) => [ state.order, state.byProvider ]
);

/**
 * One provider's connection.
 *
 * @param state    Store state.
 * @param provider Provider.
 * @return The connection; undefined while loading; null when the server
 *         does not offer that provider.
 */
export function getConnection(
	state: State,
	provider: ProviderId
): Connection | null | undefined {
	const connection = state.byProvider[ provider ];
	if ( connection ) {
		return connection;
	}
	return state.order ? null : undefined;
}

/**
 * Providers a gallery can use right now.
 *
 * @param state Store state.
 * @return Undefined while loading.
 */
export const getConnectedProviders = createSelector(
	( state: State ): ProviderId[] | undefined =>
		getConnections( state )
			?.filter( ( connection ) => connection.status === 'connected' )
			.map( ( connection ) => connection.provider ),
	( state: State ) => [ state.order, state.byProvider ]
);

export function getPendingAction(
	state: State,
	provider: ProviderId
): PendingAction {
	return state.pending[ provider ] ?? null;
}

/**
 * The last failed request for a provider.
 *
 * @param state    Store state.
 * @param provider Provider.
 * @return The error; null once a later request for the provider starts.
 */
export function getError(
	state: State,
	provider: ProviderId
): RequestError | null {
	return state.errors[ provider ] ?? null;
}

export function getTestResult(
	state: State,
	provider: ProviderId
): TestResult | null {
	return state.testResults[ provider ] ?? null;
}

/**
 * Why loading the connections failed, so a screen can stop waiting.
 *
 * @param state Store state.
 * @return The error, or null.
 */
export function getLoadError( state: State ): ApiError | null {
	return state.loadError;
}
