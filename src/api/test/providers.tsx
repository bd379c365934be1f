/**
 * External dependencies
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { createRegistry, RegistryProvider } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { store } from '../../store/connections';
import type { Connection } from '../types';

/**
 * @return A QueryClient for one test: no retries, nothing shared.
 */
export function createTestQueryClient(): QueryClient {
	return new QueryClient( {
		defaultOptions: {
			queries: { retry: false, gcTime: Infinity },
			mutations: { retry: false },
		},
	} );
}

interface Options {
	/** Connections already in the store; undefined leaves them to the resolver. */
	connections?: Connection[];
	queryClient?: QueryClient;
}

/**
 * Renders inside a fresh data registry (with the connections store) and a
 * fresh QueryClient.
 *
 * @param ui                  Element to render.
 * @param options             Store content and client.
 * @param options.connections Connections to put in the store.
 * @param options.queryClient Client to use (a fresh one by default).
 * @return Testing-library's result plus the registry and client.
 */
export function renderWithProviders(
	ui: ReactElement,
	{ connections, queryClient = createTestQueryClient() }: Options = {}
) {
	const registry = createRegistry();
	registry.register( store );
	if ( connections ) {
		registry.dispatch( store ).receiveConnections( connections );
		// The resolver would fetch again; tell the store the list is known.
		registry.dispatch( store ).finishResolution( 'getConnections', [] );
	}
	const wrapper = ( { children }: { children: ReactNode } ) => (
		<QueryClientProvider client={ queryClient }>
			<RegistryProvider value={ registry }>{ children }</RegistryProvider>
		</QueryClientProvider>
	);
	return {
		...render( ui, { wrapper } ),
		registry,
		queryClient,
		wrapper,
	};
}
