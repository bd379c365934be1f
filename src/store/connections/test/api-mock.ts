/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import type { APIFetchOptions } from '@wordpress/api-fetch';

type Route = unknown | ( ( options: APIFetchOptions ) => unknown );

/**
 * Answers apiFetch (mocked with jest.mock( '@wordpress/api-fetch' ) by the
 * test file) from a table of `METHOD /path` routes. A function route may
 * throw to reject; an unknown route rejects like WordPress' rest_no_route.
 *
 * @param routes Responses by `METHOD /customer-cloud-gallery/v1/…`.
 * @return The apiFetch mock, to inspect calls.
 */
export function mockRoutes( routes: Record< string, Route > ) {
	const mock = jest.mocked( apiFetch );
	mock.mockImplementation( ( async ( options: APIFetchOptions ) => {
		const key = `${ options.method ?? 'GET' } ${ options.path }`;
		if ( ! ( key in routes ) ) {
			throw {
				code: 'rest_no_route',
				message: `No route for ${ key }`,
				data: { status: 404 },
			};
		}
		const route = routes[ key ];
		return typeof route === 'function' ? route( options ) : route;
	} ) as typeof apiFetch );
	return mock;
}

/**
 * A WordPress REST error, as apiFetch rejects with it.
 *
 * @param code    Error code.
 * @param message Message.
 * @param status  HTTP status.
 * @return The error body.
 */
export function restError( code: string, message: string, status = 400 ) {
	return { code, message, data: { status } };
}

/**
 * @param options An apiFetch call's options.
 * @return `METHOD /path` of the call.
 */
export function routeOf( options: APIFetchOptions | undefined ): string {
	return `${ options?.method ?? 'GET' } ${ options?.path }`;
}
