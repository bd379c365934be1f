import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { safeEqual } from '../../shared/random';
import type { GoogleServices } from '../services';
import type { GoogleClient } from '../types';
import { OAuthError } from '../wire/errors';
import { OAUTH_JSON, sendGoogleJson } from '../wire/respond';
import { authenticateClient, oauthParams, requireParam } from './client-auth';

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
	svc: GoogleServices,
	client: GoogleClient,
	p: Map< string, string >
): Record< string, unknown > {
	const codeText = requireParam( p, 'code' );
	const redirectUri = requireParam( p, 'redirect_uri' );
	if ( ! /^4\/0A[A-Za-z0-9_-]+$/.test( codeText ) ) {
		throw new OAuthError( 'invalid_grant', 'Malformed auth code.' );
	}
	const code = svc.state.consumeCode( codeText );
	if ( ! code || code.clientId !== client.clientId ) {
		throw new OAuthError( 'invalid_grant', 'Bad Request' );
	}
	if ( redirectUri !== code.redirectUri ) {
		throw new OAuthError( 'redirect_uri_mismatch', 'Bad Request' );
	}
	const verifier = p.get( 'code_verifier' );
	if ( code.codeChallenge && code.codeChallengeMethod ) {
		if ( verifier === undefined ) {
			throw new OAuthError( 'invalid_grant', 'Missing code verifier.' );
		}
		if (
			! pkceMatches(
				verifier,
				code.codeChallenge,
				code.codeChallengeMethod
			)
		) {
			throw new OAuthError( 'invalid_grant', 'Invalid code verifier.' );
		}
	} else if ( verifier !== undefined ) {
		throw new OAuthError(
			'invalid_grant',
			'code_verifier or verifier is not needed.'
		);
	}
	const existing = svc.state.liveGrant( client.clientId );
	// Google sends a refresh token the first time the user gives the client
	// offline access; a repeat without prompt=consent gets none.
	const firstOffline =
		! existing || ! svc.state.hasLiveRefreshToken( existing );
	const grant = svc.state.consent( client.clientId, code.scopes );
	const refresh =
		code.accessType === 'offline' && ( firstOffline || code.forceConsent )
			? svc.state.issueRefreshToken( grant, client, code.scopes )
			: null;
	const token = svc.state.issueAccessToken(
		grant,
		code.scopes,
		refresh?.token ?? null
	);
	return {
		access_token: token.token,
		expires_in: svc.state.tokenLifetimeSeconds,
		...( refresh ? { refresh_token: refresh.token } : {} ),
		scope: code.scopes.join( ' ' ),
		token_type: 'Bearer',
	};
}

function refreshGrant(
	svc: GoogleServices,
	client: GoogleClient,
	p: Map< string, string >
): Record< string, unknown > {
	const value = requireParam( p, 'refresh_token' );
	const refresh = svc.state.findRefreshToken( value );
	if ( ! refresh ) {
		throw new OAuthError( 'invalid_grant', 'Bad Request' );
	}
	if ( refresh.clientId !== client.clientId ) {
		throw new OAuthError( 'unauthorized_client', 'Unauthorized' );
	}
	const grant = svc.state.grantOf( refresh );
	if (
		! grant ||
		grant.revokedAt !== null ||
		svc.state.refreshTokenExpired( refresh )
	) {
		throw new OAuthError(
			'invalid_grant',
			'Token has been expired or revoked.'
		);
	}
	const token = svc.state.issueAccessToken(
		grant,
		refresh.scopes,
		refresh.token
	);
	return {
		access_token: token.token,
		expires_in: svc.state.tokenLifetimeSeconds,
		scope: refresh.scopes.join( ' ' ),
		token_type: 'Bearer',
	};
}

/**
 * `POST /token`: authorization_code and refresh_token grants (contract B1.3).
 */
export async function handleToken(
	svc: GoogleServices,
	req: IncomingMessage,
	res: ServerResponse,
	query: URLSearchParams
): Promise< void > {
	try {
		const p = await oauthParams( req, query );
		const grantType = p.get( 'grant_type' ) ?? '';
		if (
			grantType !== 'authorization_code' &&
			grantType !== 'refresh_token'
		) {
			throw new OAuthError(
				'unsupported_grant_type',
				`Invalid grant_type: ${ grantType }`
			);
		}
		const client = authenticateClient( svc, req, p );
		const body =
			grantType === 'authorization_code'
				? authorizationCode( svc, client, p )
				: refreshGrant( svc, client, p );
		sendGoogleJson( res, 200, body, {
			contentType: OAUTH_JSON,
			headers: {
				'Cache-Control':
					'no-cache, no-store, max-age=0, must-revalidate',
				Pragma: 'no-cache',
			},
		} );
	} catch ( error ) {
		if ( error instanceof OAuthError ) {
			throw error.toHttp();
		}
		throw error;
	}
}
