/**
 * Internal dependencies
 */
import { toApiError } from '../../api/client';
import { fetchConnections } from '../../api/connections';
import { receiveConnections, receiveLoadError } from './actions';
import type { ThunkArgs } from './actions';
import type { Connection } from './types';

export const getConnections =
	() =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		try {
			dispatch( receiveConnections( await fetchConnections() ) );
		} catch ( error ) {
			dispatch( receiveLoadError( toApiError( error ) ) );
		}
	};

interface DelegatingThunkArgs {
	resolveSelect: {
		getConnections: () => Promise< Connection[] | undefined >;
	};
}

/**
 * Resolves a selector derived from the list by resolving the list, so any
 * number of them share the one GET /connections.
 *
 * @return Thunk.
 */
const resolveFromList =
	() =>
	async ( { resolveSelect }: DelegatingThunkArgs ): Promise< void > => {
		await resolveSelect.getConnections();
	};

export const getConnection = resolveFromList;
export const getConnectedProviders = resolveFromList;
