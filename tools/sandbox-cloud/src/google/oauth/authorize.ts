import type { IncomingMessage, ServerResponse } from 'node:http';

import { readBody, sendHtml } from '../../shared/http-server';
import { BASIC_SCOPES } from '../scopes';
import type { GoogleServices } from '../services';
import type { GoogleClient } from '../types';
import {
	AuthorizeError,
	type AuthorizeRequest,
	sign,
	validate,
	verify,
} from './authorize-request';
import { consentPage, errorPage } from './consent-page';

/**
 * Google leaves `/` and `:` unescaped in redirect parameters (`code=4/0A…`,
 * `scope=https://…`); clients must decode them either way.
 */
function encode( value: string ): string {
	return encodeURIComponent( value )
		.replace( /%2F/g, '/' )
		.replace( /%3A/g, ':' );
}

function redirect(
	res: ServerResponse,
	uri: string,
	params: Array< [ string, string | null ] >
): void {
	const query = params
		.filter( ( [ , v ] ) => v !== null )
		.map( ( [ k, v ] ) => `${ k }=${ encode( v as string ) }` )
		.join( '&' );
	res.writeHead( 302, {
		Location: `${ uri }${ uri.includes( '?' ) ? '&' : '?' }${ query }`,
		'Content-Length': '0',
		'Cache-Control': 'no-store',
	} );
	res.end();
}

/**
 * Issues the code for granted scopes and sends the browser back to the app.
 * @param shown Whether the consent screen was shown (else prompt=none answered at once).
 */
function approve(
	svc: GoogleServices,
	res: ServerResponse,
	request: AuthorizeRequest,
	client: GoogleClient,
	granted: string[],
	shown: boolean
): void {
	let scopes = granted;
	if ( request.includeGrantedScopes ) {
		scopes = [
			...new Set( [
				...scopes,
				...( svc.state.liveGrant( client.clientId )?.scopes ?? [] ),
			] ),
		];
	}
	const code = svc.state.createCode( {
		clientId: client.clientId,
		redirectUri: request.redirectUri,
		scopes,
		accessType: request.accessType,
		forceConsent: request.forceConsent,
		codeChallenge: request.codeChallenge,
		codeChallengeMethod: request.codeChallengeMethod,
	} );
	redirect( res, request.redirectUri, [
		[ 'state', request.state ],
		[ 'code', code.code ],
		[ 'scope', scopes.join( ' ' ) ],
		[ 'authuser', '0' ],
		// What the user went through: the consent screen, or nothing (prompt=none).
		[ 'prompt', shown ? 'consent' : 'none' ],
	] );
}

/**
 * `GET /o/oauth2/v2/auth` (consent screen, or an error page) and its form
 * `POST` (Allow / Cancel).
 */
export async function handleAuthorize(
	svc: GoogleServices,
	req: IncomingMessage,
	res: ServerResponse,
	query: URLSearchParams
): Promise< void > {
	if ( req.method === 'GET' ) {
		let request: AuthorizeRequest;
		try {
			request = validate( svc, query );
		} catch ( error ) {
			if ( error instanceof AuthorizeError ) {
				return sendHtml(
					res,
					error.status,
					errorPage( error.status, error.code, error.message )
				);
			}
			throw error;
		}
		const client = svc.clients.get( request.clientId )!;
		if ( ( query.get( 'prompt' ) ?? '' ).split( ' ' ).includes( 'none' ) ) {
			// No screen allowed: only a grant that already covers the scopes can answer.
			const grant = svc.state.liveGrant( client.clientId );
			if (
				grant &&
				request.scopes.every( ( s ) => grant.scopes.includes( s ) )
			) {
				return approve(
					svc,
					res,
					request,
					client,
					request.scopes,
					false
				);
			}
			return redirect( res, request.redirectUri, [
				[ 'error', 'consent_required' ],
				[ 'state', request.state ],
			] );
		}
		return sendHtml(
			res,
			200,
			consentPage( {
				clientName: client.name,
				scopes: request.scopes,
				testing: client.publishingStatus === 'testing',
				request: sign( svc.secret, request ),
			} )
		);
	}
	if ( req.method !== 'POST' ) {
		return sendHtml(
			res,
			405,
			errorPage( 405, 'invalid_request', 'Method not allowed.' ),
			{ Allow: 'GET, POST' }
		);
	}
	const form = new URLSearchParams(
		( await readBody( req ) ).toString( 'utf8' )
	);
	const request = verify(
		svc.secret,
		form.get( 'authorize_request' ) ?? '',
		svc.clock.now()
	);
	const client = request ? svc.clients.get( request.clientId ) : undefined;
	if ( ! request || ! client ) {
		return sendHtml(
			res,
			400,
			errorPage(
				400,
				'invalid_request',
				'This authorization request is invalid or has expired. Start again from the app.'
			)
		);
	}
	if ( form.get( 'decision' ) !== 'allow' ) {
		return redirect( res, request.redirectUri, [
			[ 'error', 'access_denied' ],
			[ 'state', request.state ],
		] );
	}
	const ticked = new Set( form.getAll( 'scope' ) );
	const granted = request.scopes.filter(
		( s ) => BASIC_SCOPES.has( s ) || ticked.has( s )
	);
	approve( svc, res, request, client, granted, true );
}
