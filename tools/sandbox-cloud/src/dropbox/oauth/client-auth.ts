import type { IncomingMessage } from 'node:http';

import { isForm } from '../../shared/form';
import { header, readBody } from '../../shared/http-server';
import { safeEqual } from '../../shared/random';
import type { DropboxServices } from '../services';
import type { SandboxApp } from '../types';

/** An RFC 6749 token-endpoint error: 400 `{"error", "error_description"}`. */
export class OAuthError extends Error {
	constructor(
		readonly code:
			| 'invalid_request'
			| 'invalid_client'
			| 'invalid_grant'
			| 'unsupported_grant_type'
			| 'invalid_scope',
		readonly description: string
	) {
		super( description );
	}
}

/**
 * Parameters from the query string and the body (form, or JSON as DBX-JS's dataOnBody sends it).
 */
export async function params(
	req: IncomingMessage,
	query: URLSearchParams
): Promise< Map< string, string > > {
	const out = new Map< string, string >( query );
	const body = ( await readBody( req ) ).toString( 'utf8' );
	if ( body.trim() === '' ) {
		return out;
	}
	const type = ( header( req, 'content-type' ) ?? '' ).toLowerCase();
	if ( type.startsWith( 'application/json' ) ) {
		let parsed: unknown;
		try {
			parsed = JSON.parse( body );
		} catch {
			throw new OAuthError(
				'invalid_request',
				'could not decode the JSON request body'
			);
		}
		if (
			typeof parsed !== 'object' ||
			parsed === null ||
			Array.isArray( parsed )
		) {
			throw new OAuthError(
				'invalid_request',
				'the JSON request body must be an object'
			);
		}
		for ( const [ k, v ] of Object.entries( parsed ) ) {
			if ( typeof v === 'string' ) {
				out.set( k, v );
			}
		}
		return out;
	}
	// RFC 6749 §4.1.3 and §6: parameters travel as a form. A body under any
	// other (or no) Content-Type is not a form, so it carries no parameters.
	if ( ! isForm( type ) ) {
		return out;
	}
	for ( const [ k, v ] of new URLSearchParams( body ) ) {
		out.set( k, v );
	}
	return out;
}

/**
 * Client authentication: HTTP Basic, or client_id (+ client_secret) parameters.
 */
export function client(
	svc: DropboxServices,
	req: IncomingMessage,
	p: Map< string, string >
): { app: SandboxApp; secret: boolean } {
	let id = p.get( 'client_id' );
	let secret = p.get( 'client_secret' );
	const basic = /^Basic\s+(\S+)$/i.exec(
		header( req, 'authorization' ) ?? ''
	);
	if ( basic ) {
		const decoded = Buffer.from( basic[ 1 ]!, 'base64' ).toString( 'utf8' );
		const colon = decoded.indexOf( ':' );
		if ( colon < 0 ) {
			throw new OAuthError(
				'invalid_client',
				'malformed HTTP Basic credentials'
			);
		}
		const basicId = decodeURIComponent( decoded.slice( 0, colon ) );
		if ( id !== undefined && id !== basicId ) {
			throw new OAuthError(
				'invalid_request',
				'client_id differs from the HTTP Basic credentials'
			);
		}
		id = basicId;
		secret = decodeURIComponent( decoded.slice( colon + 1 ) );
	}
	if ( ! id ) {
		throw new OAuthError( 'invalid_request', 'No client_id provided' );
	}
	const app = svc.state.getApp( id );
	if ( ! app ) {
		throw new OAuthError(
			'invalid_client',
			'Invalid client_id or client_secret'
		);
	}
	if ( secret !== undefined && ! safeEqual( secret, app.secret ) ) {
		throw new OAuthError(
			'invalid_client',
			'Invalid client_id or client_secret'
		);
	}
	return { app, secret: secret !== undefined };
}
