/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { REST_NAMESPACE } from './constants';
import type { ApiError } from './types';

/**
 * Builds an apiFetch path inside the plugin's REST namespace.
 *
 * @param route Route below the namespace, starting with a slash.
 * @return Path for apiFetch.
 */
function restPath( route: string ): string {
	return `/${ REST_NAMESPACE }${ route }`;
}

function isRecord( value: unknown ): value is Record< string, unknown > {
	return typeof value === 'object' && value !== null;
}

/**
 * Turns whatever apiFetch rejected with into an ApiError.
 *
 * apiFetch rejects with the REST error body (`{ code, message, data }`), with
 * its own `{ code: 'fetch_error' }` when offline, or with an Error thrown by
 * a middleware; the screen only needs a code and a message to show.
 *
 * @param error The rejection value.
 * @return A normalised error.
 */
export function toApiError( error: unknown ): ApiError {
	const fallback = __(
		'The request failed. Check your connection and try again.',
		'customer-cloud-gallery'
	);
	if ( ! isRecord( error ) ) {
		return { code: 'unknown_error', message: fallback, status: null };
	}
	const data = isRecord( error.data ) ? error.data : {};
	return {
		code: typeof error.code === 'string' ? error.code : 'unknown_error',
		message:
			typeof error.message === 'string' && error.message !== ''
				? error.message
				: fallback,
		status: typeof data.status === 'number' ? data.status : null,
	};
}

/**
 * GETs a route of the plugin's REST API.
 *
 * @param route Route below the namespace.
 * @return The decoded response.
 */
export function get< T >( route: string ): Promise< T > {
	return apiFetch< T >( { path: restPath( route ) } );
}

/**
 * POSTs to a route of the plugin's REST API.
 *
 * @param route Route below the namespace.
 * @param data  JSON body, if any.
 * @return The decoded response.
 */
export function post< T >(
	route: string,
	data?: Record< string, unknown >
): Promise< T > {
	return apiFetch< T >( {
		path: restPath( route ),
		method: 'POST',
		...( data ? { data } : {} ),
	} );
}
