import { mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';

import { readBody, sendHtml } from '../../shared/http-server';
import { hmac, safeEqual } from '../../shared/random';
import type { DropboxServices } from '../services';
import type { SandboxApp, TokenAccessType } from '../types';
import { codePage, consentPage, deniedPage, errorPage } from './consent-page';

/** What the consent form carries back (signed, so it cannot be edited in the browser). */
interface AuthorizeRequest {
	clientId: string;
	redirectUri: string | null;
	state: string | null;
	scopes: string[];
	tokenAccessType: TokenAccessType;
	codeChallenge: string | null;
	codeChallengeMethod: 'S256' | 'plain' | null;
	issuedAt: number;
}

const REQUEST_LIFETIME_MS = 3600 * 1000;

class AuthorizeError extends Error {}

export function appFolderOf( app: SandboxApp ): string {
	return `/Apps/${ app.name.replace( /[/\\]/g, '-' ).trim() }`;
}

function validate(
	svc: DropboxServices,
	q: URLSearchParams
): AuthorizeRequest {
	const clientId = q.get( 'client_id' );
	if ( ! clientId ) {
		throw new AuthorizeError( 'Missing client_id.' );
	}
	const app = svc.state.getApp( clientId );
	if ( ! app ) {
		throw new AuthorizeError( `Invalid client_id: "${ clientId }".` );
	}
	const responseType = q.get( 'response_type' );
	if ( responseType === 'token' ) {
		throw new AuthorizeError(
			'response_type "token" (the legacy implicit flow) is not offered by the sandbox; use "code".'
		);
	}
	if ( responseType !== 'code' ) {
		throw new AuthorizeError(
			`Invalid response_type: "${ responseType ?? '' }". Expected "code".`
		);
	}
	const redirectUri = q.get( 'redirect_uri' );
	if ( redirectUri !== null && ! app.redirectUris.includes( redirectUri ) ) {
		throw new AuthorizeError(
			"Invalid redirect_uri. It must exactly match one of the redirect URIs you've pre-configured for your app (including the path)."
		);
	}
	const accessType = q.get( 'token_access_type' );
	if (
		accessType !== null &&
		! [ 'online', 'offline', 'legacy' ].includes( accessType )
	) {
		throw new AuthorizeError(
			`Invalid token_access_type: "${ accessType }". Expected one of "legacy", "online", "offline".`
		);
	}
	const scopeParam = q.get( 'scope' );
	let scopes =
		scopeParam === null
			? [ ...app.scopes ]
			: scopeParam.split( ' ' ).filter( Boolean );
	const unknown = scopes.filter( ( s ) => ! app.scopes.includes( s ) );
	if ( unknown.length ) {
		throw new AuthorizeError(
			`Invalid scope: ${ unknown.join( ', ' ) } (not enabled on the app's Permissions tab).`
		);
	}
	if ( q.get( 'include_granted_scopes' ) === 'user' ) {
		for ( const grant of svc.state.listGrants() ) {
			if ( grant.appKey === app.key && grant.revokedAt === null ) {
				scopes.push( ...grant.scopes );
			}
		}
	}
	// account_info.read is pre-selected for every app, as on the App Console.
	scopes = [ ...new Set( [ 'account_info.read', ...scopes ] ) ].sort();
	const challenge = q.get( 'code_challenge' );
	const method =
		q.get( 'code_challenge_method' ) ?? ( challenge ? 'plain' : null );
	if ( method !== null && method !== 'S256' && method !== 'plain' ) {
		throw new AuthorizeError(
			`Invalid code_challenge_method: "${ method }".`
		);
	}
	if (
		method !== null &&
		( ! challenge || ! /^[A-Za-z0-9._~-]{43,128}$/.test( challenge ) )
	) {
		throw new AuthorizeError(
			'Invalid code_challenge: it must be 43 to 128 characters of [A-Za-z0-9-._~].'
		);
	}
	return {
		clientId,
		redirectUri,
		state: q.get( 'state' ),
		scopes,
		tokenAccessType: accessType === 'offline' ? 'offline' : 'online',
		codeChallenge: challenge,
		codeChallengeMethod: method as 'S256' | 'plain' | null,
		issuedAt: svc.clock.now(),
	};
}

function sign( secret: string, request: AuthorizeRequest ): string {
	const body = Buffer.from( JSON.stringify( request ) ).toString(
		'base64url'
	);
	return `${ body }.${ hmac( secret, body ).toString( 'base64url' ) }`;
}

function verify(
	secret: string,
	value: string,
	now: number
): AuthorizeRequest | null {
	const [ body, mac ] = value.split( '.' );
	if (
		! body ||
		! mac ||
		! safeEqual( mac, hmac( secret, body ).toString( 'base64url' ) )
	) {
		return null;
	}
	const request = JSON.parse(
		Buffer.from( body, 'base64url' ).toString( 'utf8' )
	) as AuthorizeRequest;
	return now - request.issuedAt < REQUEST_LIFETIME_MS ? request : null;
}

/**
 * Appends OAuth parameters to a redirect URI, keeping its own query (`admin-post.php?action=…`).
 */
function withParams(
	uri: string,
	params: Record< string, string | null >
): string {
	const hash = uri.indexOf( '#' );
	const base = hash >= 0 ? uri.slice( 0, hash ) : uri;
	const query = Object.entries( params )
		.filter( ( [ , v ] ) => v !== null )
		.map( ( [ k, v ] ) => `${ k }=${ encodeURIComponent( v as string ) }` )
		.join( '&' );
	return `${ base }${ base.includes( '?' ) ? '&' : '?' }${ query }`;
}

/**
 * `GET /oauth2/authorize` (consent screen) and its form `POST` (Allow / Cancel).
 */
export async function handleAuthorize(
	svc: DropboxServices,
	secret: string,
	libraryDir: string,
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
				return sendHtml( res, 400, errorPage( 400, error.message ) );
			}
			throw error;
		}
		const app = svc.state.getApp( request.clientId )!;
		const html = consentPage( {
			appName: app.name,
			scopes: request.scopes,
			appFolder:
				app.accessType === 'app_folder' ? appFolderOf( app ) : null,
			request: sign( secret, request ),
		} );
		return sendHtml( res, 200, html );
	}
	if ( req.method !== 'POST' ) {
		return sendHtml( res, 405, errorPage( 405, 'Method not allowed.' ), {
			Allow: 'GET, POST',
		} );
	}
	const form = new URLSearchParams(
		( await readBody( req ) ).toString( 'utf8' )
	);
	const request = verify(
		secret,
		form.get( 'authorize_request' ) ?? '',
		svc.clock.now()
	);
	const app = request ? svc.state.getApp( request.clientId ) : undefined;
	if ( ! request || ! app ) {
		return sendHtml(
			res,
			400,
			errorPage(
				400,
				'This authorization request is invalid or has expired. Start again from the app.'
			)
		);
	}
	if ( form.get( 'decision' ) !== 'allow' ) {
		if ( ! request.redirectUri ) {
			return sendHtml( res, 200, deniedPage( app.name ) );
		}
		const location = withParams( request.redirectUri, {
			error: 'access_denied',
			error_description:
				'The user chose not to give your app access to their Dropbox account.',
			state: request.state,
		} );
		res.writeHead( 302, { Location: location, 'Content-Length': '0' } );
		return void res.end();
	}
	const appFolder =
		app.accessType === 'app_folder' ? appFolderOf( app ) : null;
	// Dropbox creates the app folder when the app is first linked.
	if ( appFolder ) {
		mkdirSync( join( libraryDir, appFolder ), { recursive: true } );
	}
	const code = svc.state.createCode( {
		appKey: app.key,
		accessType: app.accessType,
		appFolder,
		redirectUri: request.redirectUri,
		scopes: request.scopes,
		tokenAccessType: request.tokenAccessType,
		codeChallenge: request.codeChallenge,
		codeChallengeMethod: request.codeChallengeMethod,
	} );
	if ( ! request.redirectUri ) {
		return sendHtml( res, 200, codePage( app.name, code.code ) );
	}
	res.writeHead( 302, {
		Location: withParams( request.redirectUri, {
			code: code.code,
			state: request.state,
		} ),
		'Content-Length': '0',
	} );
	res.end();
}
