import { hmac, safeEqual } from '../../shared/random';
import { SCOPE_TEXT } from '../scopes';
import type { GoogleServices } from '../services';

/** What the consent form carries back (signed, so it cannot be edited in the browser). */
export interface AuthorizeRequest {
	clientId: string;
	redirectUri: string;
	state: string | null;
	scopes: string[];
	accessType: 'online' | 'offline';
	forceConsent: boolean;
	includeGrantedScopes: boolean;
	codeChallenge: string | null;
	codeChallengeMethod: 'S256' | 'plain' | null;
	issuedAt: number;
}

const REQUEST_LIFETIME_MS = 3600 * 1000;

/** An error page (never a redirect: the redirect URI may not be trusted yet). */
export class AuthorizeError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string
	) {
		super( message );
	}
}

function required( q: URLSearchParams, name: string ): string {
	const value = q.get( name );
	if ( value === null || value === '' ) {
		throw new AuthorizeError(
			400,
			'invalid_request',
			`Missing required parameter: ${ name }`
		);
	}
	return value;
}

/**
 * Checks an authorization request in Google's order (contract B1.2).
 */
export function validate(
	svc: GoogleServices,
	q: URLSearchParams
): AuthorizeRequest {
	const clientId = required( q, 'client_id' );
	const client = svc.clients.get( clientId );
	if ( ! client ) {
		throw new AuthorizeError(
			401,
			'invalid_client',
			'The OAuth client was not found.'
		);
	}
	const redirectUri = required( q, 'redirect_uri' );
	if ( ! client.redirectUris.includes( redirectUri ) ) {
		throw new AuthorizeError(
			400,
			'redirect_uri_mismatch',
			`You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy. If you're the app developer, register the redirect URI in the Google Cloud Console. Request details: redirect_uri=${ redirectUri }`
		);
	}
	const responseType = required( q, 'response_type' );
	if ( responseType !== 'code' ) {
		throw new AuthorizeError(
			400,
			'unsupported_response_type',
			`Unsupported response_type: ${ responseType } (the sandbox serves the code flow only).`
		);
	}
	const scopes = [
		...new Set( required( q, 'scope' ).split( /[ +]+/ ).filter( Boolean ) ),
	];
	const invalid = scopes.filter( ( s ) => ! SCOPE_TEXT[ s ] );
	if ( invalid.length ) {
		throw new AuthorizeError(
			400,
			'invalid_scope',
			`Some requested scopes were invalid. {invalid=[${ invalid.join(
				', '
			) }]}`
		);
	}
	const accessType = q.get( 'access_type' ) ?? 'online';
	if ( accessType !== 'online' && accessType !== 'offline' ) {
		throw new AuthorizeError(
			400,
			'invalid_request',
			`Invalid access_type: ${ accessType }`
		);
	}
	const prompts = ( q.get( 'prompt' ) ?? '' ).split( ' ' ).filter( Boolean );
	if (
		prompts.some(
			( p ) => ! [ 'none', 'consent', 'select_account' ].includes( p )
		) ||
		( prompts.includes( 'none' ) && prompts.length > 1 )
	) {
		throw new AuthorizeError(
			400,
			'invalid_request',
			`Invalid prompt: ${ q.get( 'prompt' ) }`
		);
	}
	const challenge = q.get( 'code_challenge' );
	const method =
		q.get( 'code_challenge_method' ) ?? ( challenge ? 'plain' : null );
	if ( method !== null && method !== 'S256' && method !== 'plain' ) {
		throw new AuthorizeError(
			400,
			'invalid_request',
			`Invalid code_challenge_method: ${ method }`
		);
	}
	if (
		method !== null &&
		( ! challenge || ! /^[A-Za-z0-9._~-]{43,128}$/.test( challenge ) )
	) {
		throw new AuthorizeError(
			400,
			'invalid_request',
			'Invalid code_challenge: it must be 43 to 128 characters of [A-Za-z0-9-._~].'
		);
	}
	return {
		clientId,
		redirectUri,
		state: q.get( 'state' ),
		scopes,
		accessType,
		forceConsent:
			prompts.includes( 'consent' ) ||
			q.get( 'approval_prompt' ) === 'force',
		includeGrantedScopes: q.get( 'include_granted_scopes' ) === 'true',
		codeChallenge: challenge,
		codeChallengeMethod: method,
		issuedAt: svc.clock.now(),
	};
}

/**
 * The request, signed, for the consent form (so the browser cannot edit it).
 */
export function sign( secret: string, request: AuthorizeRequest ): string {
	const body = Buffer.from( JSON.stringify( request ) ).toString(
		'base64url'
	);
	return `${ body }.${ hmac( secret, `google:${ body }` ).toString(
		'base64url'
	) }`;
}

/**
 * The signed request back from the form; null when forged or older than an hour.
 */
export function verify(
	secret: string,
	value: string,
	now: number
): AuthorizeRequest | null {
	const [ body, mac ] = value.split( '.' );
	if (
		! body ||
		! mac ||
		! safeEqual(
			mac,
			hmac( secret, `google:${ body }` ).toString( 'base64url' )
		)
	) {
		return null;
	}
	const request = JSON.parse(
		Buffer.from( body, 'base64url' ).toString( 'utf8' )
	) as AuthorizeRequest;
	return now - request.issuedAt < REQUEST_LIFETIME_MS ? request : null;
}
