import { randomHex } from '../../shared/random';
import { dbxJson } from './json';

/** Headers every api/content response carries (as recorded on the wire). */
export function commonHeaders(): Record< string, string > {
	return {
		'X-Dropbox-Request-Id': randomHex( 16 ),
		'Cache-Control': 'no-cache',
		'X-Content-Type-Options': 'nosniff',
		Server: 'envoy',
	};
}

/** An error response: plain text (400), or the JSON envelope (401/403/409/429). */
export class DbxHttpError extends Error {
	constructor(
		readonly status: number,
		readonly contentType: string,
		readonly body: string,
		readonly headers: Record< string, string > = {}
	) {
		super( `${ status } ${ body.slice( 0, 200 ) }` );
	}
}

/** Random 0–3 trailing dots, as the real error_summary has, so exact-match clients fail in tests. */
export function dots(): string {
	return '.'.repeat( Math.floor( Math.random() * 4 ) );
}

export type Union = { '.tag': string } & Record< string, unknown >;

/**
 * `path/not_found/` for `{".tag": "path", "path": {".tag": "not_found"}}`.
 */
export function summaryOf( error: Union ): string {
	let summary = '';
	let node: unknown = error;
	while (
		node &&
		typeof node === 'object' &&
		typeof ( node as Union )[ '.tag' ] === 'string'
	) {
		const tag = ( node as Union )[ '.tag' ];
		summary += `${ tag }/`;
		node = ( node as Record< string, unknown > )[ tag ];
	}
	return summary;
}

export function envelope( error: Union, summary = summaryOf( error ) ): string {
	return dbxJson( { error_summary: summary + dots(), error } );
}

/**
 * 400 plain text: `Error in call to API function "files/list_folder": …`.
 */
export function badRequest( route: string, message: string ): DbxHttpError {
	return new DbxHttpError(
		400,
		'text/plain; charset=utf-8',
		`Error in call to API function "${ route }": ${ message }`
	);
}

/**
 * 409 route error, e.g. `routeError({".tag": "path", path: {".tag": "not_found"}})`.
 */
export function routeError( error: Union ): DbxHttpError {
	return new DbxHttpError( 409, 'application/json', envelope( error ) );
}

export function lookupError( tag: string, outer = 'path' ): DbxHttpError {
	return routeError( { '.tag': outer, [ outer ]: { '.tag': tag } } );
}

export const WWW_AUTHENTICATE = 'Bearer realm="Dropbox-API"';

/**
 * 401 AuthError: invalid_access_token, expired_access_token, missing_scope (with required_scope).
 */
export function authError(
	tag: string,
	extra: Record< string, unknown > = {}
): DbxHttpError {
	return new DbxHttpError(
		401,
		'application/json',
		envelope( { '.tag': tag, ...extra } ),
		{
			'WWW-Authenticate': WWW_AUTHENTICATE,
		}
	);
}

/**
 * 429: the JSON envelope, or plain text (which means too_many_requests); always with Retry-After.
 */
export function rateLimited(
	retryAfter: number,
	body: 'json' | 'text'
): DbxHttpError {
	const headers = { 'Retry-After': String( retryAfter ) };
	if ( body === 'text' ) {
		return new DbxHttpError(
			429,
			'text/plain; charset=utf-8',
			'Too many requests',
			headers
		);
	}
	const json = dbxJson( {
		error_summary: `too_many_requests/${ dots() }`,
		error: {
			reason: { '.tag': 'too_many_requests' },
			retry_after: retryAfter,
		},
	} );
	return new DbxHttpError( 429, 'application/json', json, headers );
}
