import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { safeEqual } from '../../shared/random';
import { ACCOUNT } from '../account';
import type { DropboxServices } from '../services';
import type { SandboxApp } from '../types';
import { commonHeaders } from '../wire/errors';
import { client, OAuthError, params } from './client-auth';
import { dbxJson } from '../wire/json';

/**
 * Successful token responses were recorded as `text/javascript` (clients must
 * JSON-decode regardless); errors are RFC 6749 JSON.
 */
function reply(
	res: ServerResponse,
	status: number,
	body: Record< string, unknown >
): void {
	const data = Buffer.from( dbxJson( body ), 'utf8' );
	const type = status === 200 ? 'text/javascript' : 'application/json';
	res.writeHead( status, {
		...commonHeaders(),
		'Content-Type': type,
		'Content-Length': String( data.length ),
	} );
	res.end( data );
}

function pkceMatches(
	verifier: string,
	challenge: string,
	method: 'S256' | 'plain'
): boolean {
	const computed =
		method === 'S256'
			? createHash( 'sha256' ).update( verifier ).digest( 'base64url' )
			: verifier;
	return safeEqual( computed, challenge );
}

function authorizationCode(
	svc: DropboxServices,
	app: SandboxApp,
	hasSecret: boolean,
	p: Map< string, string >
): Record< string, unknown > {
	const verifier = p.get( 'code_verifier' );
	if ( ! hasSecret && verifier === undefined ) {
		throw new OAuthError(
			'invalid_client',
			'No client_secret or code_verifier provided'
		);
	}
	const codeText = p.get( 'code' );
	if ( ! codeText ) {
		throw new OAuthError( 'invalid_request', 'No auth code provided' );
	}
	const code = svc.state.consumeCode( codeText );
	if ( ! code || code.appKey !== app.key ) {
		throw new OAuthError(
			'invalid_grant',
			"code doesn't exist or has expired"
		);
	}
	if ( ( p.get( 'redirect_uri' ) ?? null ) !== code.redirectUri ) {
		throw new OAuthError( 'invalid_grant', 'redirect_uri mismatch' );
	}
	if ( code.codeChallenge && code.codeChallengeMethod ) {
		if (
			verifier === undefined ||
			! pkceMatches(
				verifier,
				code.codeChallenge,
				code.codeChallengeMethod
			)
		) {
			throw new OAuthError( 'invalid_grant', 'invalid code verifier' );
		}
	} else if ( ! hasSecret ) {
		throw new OAuthError(
			'invalid_grant',
			'code_verifier given but the authorization used no code_challenge'
		);
	}
	const grant = svc.state.createGrant( {
		appKey: app.key,
		accessType: code.accessType,
		appFolder: code.appFolder,
		scopes: code.scopes,
		tokenAccessType: code.tokenAccessType,
		pkce: ! hasSecret,
	} );
	const token = svc.state.issueAccessToken( grant, grant.scopes );
	return {
		uid: ACCOUNT.uid,
		access_token: token.token,
		expires_in: svc.state.tokenLifetimeSeconds,
		token_type: 'bearer',
		scope: grant.scopes.join( ' ' ),
		...( grant.refreshToken ? { refresh_token: grant.refreshToken } : {} ),
		account_id: ACCOUNT.accountId,
	};
}

function refresh(
	svc: DropboxServices,
	app: SandboxApp,
	hasSecret: boolean,
	p: Map< string, string >
): Record< string, unknown > {
	const refreshToken = p.get( 'refresh_token' );
	if ( ! refreshToken ) {
		throw new OAuthError( 'invalid_request', 'No refresh_token provided' );
	}
	if ( ! /^[A-Za-z0-9_-]{20,}$/.test( refreshToken ) ) {
		throw new OAuthError( 'invalid_grant', 'refresh token is malformed' );
	}
	const grant = svc.state.grantByRefreshToken( refreshToken );
	if ( ! grant || grant.revokedAt !== null || grant.appKey !== app.key ) {
		throw new OAuthError(
			'invalid_grant',
			'refresh token is invalid or revoked'
		);
	}
	if ( ! hasSecret && ! grant.pkce ) {
		throw new OAuthError( 'invalid_client', 'No client_secret provided' );
	}
	const requested = p.get( 'scope' )?.split( ' ' ).filter( Boolean );
	const outside =
		requested?.filter( ( s ) => ! grant.scopes.includes( s ) ) ?? [];
	if ( outside.length ) {
		throw new OAuthError(
			'invalid_scope',
			`scope not granted: ${ outside.join( ' ' ) }`
		);
	}
	const scopes = requested
		? [ ...new Set( requested ) ].sort()
		: grant.scopes;
	const token = svc.state.issueAccessToken( grant, scopes );
	return {
		token_type: 'bearer',
		access_token: token.token,
		expires_in: svc.state.tokenLifetimeSeconds,
		...( requested ? { scope: scopes.join( ' ' ) } : {} ),
	};
}

/**
 * `POST /oauth2/token` (api host): authorization_code and refresh_token grants.
 */
export async function handleToken(
	svc: DropboxServices,
	req: IncomingMessage,
	res: ServerResponse,
	query: URLSearchParams
): Promise< void > {
	try {
		if ( req.method !== 'POST' ) {
			throw new OAuthError(
				'invalid_request',
				`HTTP method ${ req.method } is not allowed; use POST`
			);
		}
		const p = await params( req, query );
		const grantType = p.get( 'grant_type' );
		if ( ! grantType ) {
			throw new OAuthError( 'invalid_request', 'No grant_type provided' );
		}
		if (
			grantType !== 'authorization_code' &&
			grantType !== 'refresh_token'
		) {
			throw new OAuthError(
				'unsupported_grant_type',
				`grant_type "${ grantType }" is not supported`
			);
		}
		const { app, secret } = client( svc, req, p );
		const body =
			grantType === 'authorization_code'
				? authorizationCode( svc, app, secret, p )
				: refresh( svc, app, secret, p );
		reply( res, 200, body );
	} catch ( error ) {
		if ( ! ( error instanceof OAuthError ) ) {
			throw error;
		}
		reply( res, 400, {
			error: error.code,
			error_description: error.description,
		} );
	}
}
