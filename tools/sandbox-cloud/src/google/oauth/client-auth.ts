import type { IncomingMessage } from 'node:http';

import { isForm } from '../../shared/form';
import { header, readBody } from '../../shared/http-server';
import { safeEqual } from '../../shared/random';
import type { GoogleServices } from '../services';
import type { GoogleClient } from '../types';
import { OAuthError } from '../wire/errors';

/**
 * Parameters of a token or revoke call: the query string and the body (a
 * form, as Google's libraries send it, or JSON).
 */
export async function oauthParams(
	req: IncomingMessage,
	query: URLSearchParams
): Promise< Map< string, string > > {
	const out = new Map< string, string >( query );
	const body = ( await readBody( req ) ).toString( 'utf8' );
	if ( body.trim() === '' ) {
		return out;
	}
	if (
		( header( req, 'content-type' ) ?? '' )
			.toLowerCase()
			.startsWith( 'application/json' )
	) {
		let parsed: unknown;
		try {
			parsed = JSON.parse( body );
		} catch {
			throw new OAuthError(
				'invalid_request',
				'Invalid JSON payload received.'
			);
		}
		if (
			parsed &&
			typeof parsed === 'object' &&
			! Array.isArray( parsed )
		) {
			for ( const [ k, v ] of Object.entries( parsed ) ) {
				if ( typeof v === 'string' ) {
					out.set( k, v );
				}
			}
		}
		return out;
	}
	// RFC 6749 §4.1.3 and §6, and Google's web-server flow doc: the body is a
	// form. Under any other (or no) Content-Type it carries no parameters.
	if ( ! isForm( header( req, 'content-type' ) ?? '' ) ) {
		return out;
	}
	for ( const [ k, v ] of new URLSearchParams( body ) ) {
		out.set( k, v );
	}
	return out;
}

/**
 * Client authentication: client_id + client_secret in the body (what
 * Google's libraries do) or HTTP Basic. Web clients always need the secret,
 * PKCE or not.
 */
export function authenticateClient(
	svc: GoogleServices,
	req: IncomingMessage,
	p: Map< string, string >
): GoogleClient {
	let id = p.get( 'client_id' );
	let secret = p.get( 'client_secret' );
	const basic = /^Basic\s+(\S+)$/i.exec(
		header( req, 'authorization' ) ?? ''
	);
	if ( basic ) {
		const decoded = Buffer.from( basic[ 1 ]!, 'base64' ).toString( 'utf8' );
		const colon = decoded.indexOf( ':' );
		if ( colon < 0 ) {
			throw new OAuthError( 'invalid_client', 'Unauthorized', 401 );
		}
		try {
			id = decodeURIComponent( decoded.slice( 0, colon ) );
			secret = decodeURIComponent( decoded.slice( colon + 1 ) );
		} catch {
			throw new OAuthError( 'invalid_client', 'Unauthorized', 401 );
		}
	}
	if ( ! id ) {
		throw new OAuthError(
			'invalid_request',
			'Could not determine client ID from request.'
		);
	}
	const client = svc.clients.get( id );
	if ( ! client ) {
		throw new OAuthError(
			'invalid_client',
			'The OAuth client was not found.',
			401
		);
	}
	if ( secret === undefined || secret === '' ) {
		throw new OAuthError( 'invalid_request', 'client_secret is missing.' );
	}
	if ( ! safeEqual( secret, client.clientSecret ) ) {
		throw new OAuthError( 'invalid_client', 'Unauthorized', 401 );
	}
	return client;
}

export function requireParam( p: Map< string, string >, name: string ): string {
	const value = p.get( name );
	if ( ! value ) {
		throw new OAuthError(
			'invalid_request',
			`Missing required parameter: ${ name }`
		);
	}
	return value;
}
