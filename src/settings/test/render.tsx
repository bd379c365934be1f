/**
 * External dependencies
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * WordPress dependencies
 */
import { createRegistry, RegistryProvider } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { store } from '../../store/connections';
import type { Connection } from '../../store/connections';
import { mockRoutes } from '../../store/connections/test/api-mock';
import SettingsScreen from '../components/SettingsScreen';
import type { OAuthNotice } from '../types';

export const BASE = '/customer-cloud-gallery/v1/connections';

interface Options {
	/** What GET /connections answers. */
	connections?: Connection[];
	/** Further `METHOD /path` routes. */
	routes?: Record< string, unknown >;
	notice?: OAuthNotice | null;
	/** Whether to wait until the connections have loaded (default). */
	untilLoaded?: boolean;
}

/**
 * Renders the Settings screen in a fresh data registry with apiFetch
 * answering from a route table (the test file must jest.mock apiFetch), and
 * waits until the connections have loaded.
 *
 * @param options             Connections, routes and the page's notice.
 * @param options.connections What GET /connections answers.
 * @param options.routes      Further routes, by "METHOD /path".
 * @param options.notice      The OAuth result the page printed.
 * @param options.untilLoaded Whether to wait for the connections.
 * @return The user-event session, the registry and the apiFetch mock.
 */
export async function renderSettingsScreen( {
	connections = [],
	routes = {},
	notice = null,
	untilLoaded = true,
}: Options = {} ) {
	const apiFetch = mockRoutes( {
		[ `GET ${ BASE }` ]: connections,
		...routes,
	} );
	const registry = createRegistry();
	registry.register( store );
	const user = userEvent.setup();
	const queryClient = new QueryClient( {
		defaultOptions: { queries: { retry: false } },
	} );
	const utils = render(
		<QueryClientProvider client={ queryClient }>
			<RegistryProvider value={ registry }>
				<SettingsScreen config={ { notice } } />
			</RegistryProvider>
		</QueryClientProvider>
	);
	if ( untilLoaded ) {
		await waitFor( () =>
			expect( screen.queryByText( 'Loading connections…' ) ).toBeNull()
		);
	}
	return { ...utils, user, registry, apiFetch, queryClient };
}

/**
 * The body of the apiFetch calls to one route.
 *
 * @param apiFetch The apiFetch mock.
 * @param route    `METHOD /path`.
 * @return Each call's options.
 */
export function callsTo(
	apiFetch: ReturnType< typeof mockRoutes >,
	route: string
) {
	return apiFetch.mock.calls
		.map( ( [ options ] ) => options )
		.filter(
			( options ) =>
				`${ options?.method ?? 'GET' } ${ options?.path }` === route
		);
}

/**
 * Where @wordpress/a11y's speak() writes: text queries ignore it (plus what
 * they ignore by default), so a spoken notice is not found twice.
 */
export const SPOKEN = '.a11y-speak-region, script, style';

/**
 * @return What has been announced to screen readers so far.
 */
export function spokenText(): string {
	return Array.from( document.querySelectorAll( '.a11y-speak-region' ) )
		.map( ( region ) => region.textContent )
		.join( ' ' );
}
