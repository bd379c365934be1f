import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';

import type { GoogleClient } from '../src/types';
import type { TestSandbox } from './helpers';

export const GOOGLE_REDIRECT_URI =
	'http://localhost:8888/wp-admin/admin-post.php?action=ccg_oauth_google';

export const DRIVE_READONLY = 'https://www.googleapis.com/auth/drive.readonly';
export const DRIVE_METADATA_READONLY =
	'https://www.googleapis.com/auth/drive.metadata.readonly';
export const FOLDER = 'application/vnd.google-apps.folder';

/** Drive's success and error Content-Type (contract B2). */
export const DRIVE_JSON = 'application/json; charset=UTF-8';
/** The token endpoint's. */
export const OAUTH_JSON = 'application/json; charset=utf-8';

/**
 * A fresh OAuth client in the sandbox Cloud Console with the plugin's redirect URI.
 */
export async function googleClient(
	t: TestSandbox,
	fields: Partial< GoogleClient > = {}
): Promise< GoogleClient > {
	return t.sandbox.registerGoogleClient( {
		name: 'Customer Gallery',
		redirectUris: [ GOOGLE_REDIRECT_URI ],
		...fields,
	} );
}

export function form( fields: Record< string, string > ): RequestInit {
	return {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams( fields ).toString(),
	};
}

export function pkcePair( method: 'S256' | 'plain' = 'S256' ): {
	verifier: string;
	challenge: string;
} {
	const verifier = randomBytes( 48 ).toString( 'base64url' );
	return {
		verifier,
		challenge:
			method === 'S256'
				? createHash( 'sha256' )
						.update( verifier )
						.digest( 'base64url' )
				: verifier,
	};
}

/**
 * The authorization URL the plugin would build (contract B1.2).
 */
export function authUrl(
	t: TestSandbox,
	client: GoogleClient,
	params: Record< string, string > = {}
): string {
	return `${ t.sandbox.google.authBase }/o/oauth2/v2/auth?${ new URLSearchParams(
		{
			client_id: client.clientId,
			redirect_uri: GOOGLE_REDIRECT_URI,
			response_type: 'code',
			scope: DRIVE_READONLY,
			access_type: 'offline',
			state: 'state-123',
			...params,
		}
	) }`;
}

/**
 * Plays the user: opens the consent page and clicks Allow or Cancel,
 * unticking the scopes in `untick`.
 */
export async function googleConsent(
	t: TestSandbox,
	url: string,
	opts: { decision?: 'allow' | 'cancel'; untick?: string[] } = {}
): Promise< { status: number; location: string | null; html: string } > {
	const page = await fetch( url, { redirect: 'manual' } );
	const html = await page.text();
	const request = /name="authorize_request" value="([^"]+)"/.exec(
		html
	)?.[ 1 ];
	if ( page.status !== 200 || ! request ) {
		return {
			status: page.status,
			location: page.headers.get( 'location' ),
			html,
		};
	}
	const body = new URLSearchParams( {
		authorize_request: request,
		decision: opts.decision ?? 'allow',
	} );
	for ( const [ , scope ] of html.matchAll(
		/name="scope" value="([^"]+)" checked/g
	) ) {
		if ( ! opts.untick?.includes( scope! ) ) {
			body.append( 'scope', scope! );
		}
	}
	const res = await fetch(
		`${ t.sandbox.google.authBase }/o/oauth2/v2/auth`,
		{
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body,
			redirect: 'manual',
		}
	);
	return {
		status: res.status,
		location: res.headers.get( 'location' ),
		html: await res.text(),
	};
}

/**
 * Allow on the consent page; returns the code (and the redirect's query).
 */
export async function googleCode(
	t: TestSandbox,
	client: GoogleClient,
	params: Record< string, string > = {},
	untick: string[] = []
): Promise< { code: string; redirect: URL } > {
	const { status, location } = await googleConsent(
		t,
		authUrl( t, client, params ),
		{ untick }
	);
	assert.equal( status, 302 );
	const redirect = new URL( location! );
	return { code: redirect.searchParams.get( 'code' )!, redirect };
}

export interface TokenResponse {
	access_token: string;
	expires_in: number;
	refresh_token?: string;
	scope: string;
	token_type: string;
}

/**
 * A raw POST to the token host.
 */
export async function tokenCall(
	t: TestSandbox,
	path: '/token' | '/revoke',
	fields: Record< string, string >
): Promise< { status: number; type: string | null; json: any } > {
	const res = await fetch(
		t.sandbox.google.tokenBase + path,
		form( fields )
	);
	const text = await res.text();
	return {
		status: res.status,
		type: res.headers.get( 'content-type' ),
		json: text ? JSON.parse( text ) : null,
	};
}

/**
 * The whole code flow as the plugin runs it (PKCE S256, secret in the body).
 */
export async function googleConnect(
	t: TestSandbox,
	client: GoogleClient,
	params: Record< string, string > = {},
	untick: string[] = []
): Promise< TokenResponse > {
	const { verifier, challenge } = pkcePair();
	const { code } = await googleCode(
		t,
		client,
		{ code_challenge: challenge, code_challenge_method: 'S256', ...params },
		untick
	);
	const res = await tokenCall( t, '/token', {
		grant_type: 'authorization_code',
		code,
		redirect_uri: GOOGLE_REDIRECT_URI,
		code_verifier: verifier,
		client_id: client.clientId,
		client_secret: client.clientSecret,
	} );
	assert.equal( res.status, 200, JSON.stringify( res.json ) );
	return res.json as TokenResponse;
}

/**
 * A Drive call: GET `<apiBase><path>` with a Bearer token (none when null).
 */
export async function drive(
	t: TestSandbox,
	token: string | null,
	path: string,
	headers: Record< string, string > = {}
): Promise< {
	status: number;
	type: string | null;
	json: any;
	text: string;
	headers: Headers;
} > {
	const res = await fetch( t.sandbox.google.apiBase + path, {
		headers: token
			? { Authorization: `Bearer ${ token }`, ...headers }
			: headers,
	} );
	const text = await res.text();
	let json: unknown = null;
	try {
		json = JSON.parse( text );
	} catch {
		// Bytes (alt=media) or a page.
	}
	return {
		status: res.status,
		type: res.headers.get( 'content-type' ),
		json,
		text,
		headers: res.headers,
	};
}

/**
 * `/drive/v3/files?…` with the parameters given.
 */
export function filesPath( params: Record< string, string | number > ): string {
	return `/drive/v3/files?${ new URLSearchParams(
		Object.entries( params ).map( ( [ k, v ] ) => [ k, String( v ) ] )
	) }`;
}

/**
 * Quotes a string for `q` (contract B3.1 escaping).
 */
export const quoted = ( text: string ) =>
	`'${ text.replace( /\\/g, '\\\\' ).replace( /'/g, "\\'" ) }'`;

/**
 * The id of a My Drive folder or file by its path, found through files.list as a client would.
 * @param start The folder the path starts in (`root`, or a shared drive's id).
 */
export async function idOfPath(
	t: TestSandbox,
	token: string,
	path: string,
	start = 'root'
): Promise< string > {
	let parent = start;
	for ( const name of path.split( '/' ).filter( Boolean ) ) {
		const res = await drive(
			t,
			token,
			filesPath( {
				q: `${ quoted( parent ) } in parents and name = ${ quoted(
					name
				) } and trashed = false`,
				fields: 'files(id)',
				supportsAllDrives: 'true',
				includeItemsFromAllDrives: 'true',
			} )
		);
		assert.equal( res.status, 200, res.text );
		assert.equal( res.json.files.length, 1, `${ name } in ${ path }` );
		parent = res.json.files[ 0 ].id;
	}
	return parent;
}

/**
 * Every page of a files.list call, following nextPageToken.
 */
export async function listAll(
	t: TestSandbox,
	token: string,
	params: Record< string, string | number >
): Promise< { files: any[]; pages: number; sizes: number[] } > {
	const files: any[] = [];
	const sizes: number[] = [];
	let pageToken: string | undefined;
	let pages = 0;
	do {
		const res = await drive(
			t,
			token,
			filesPath( { ...params, ...( pageToken ? { pageToken } : {} ) } )
		);
		assert.equal( res.status, 200, res.text );
		files.push( ...res.json.files );
		sizes.push( res.json.files.length );
		pageToken = res.json.nextPageToken;
		pages++;
	} while ( pageToken );
	return { files, pages, sizes };
}
