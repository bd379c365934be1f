import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Dropbox, DropboxAuth } from 'dropbox';

import { SandboxControl } from '../src/control-client';
import { startSandbox } from '../src/index';
import type { LibraryProfile } from '../src/library/manifest';
import type { Sandbox, SandboxApp } from '../src/types';

/** Downloaded Debian photos are shared by all test runs (fetched once, like WordPress). */
export const PHOTO_CACHE =
	process.env.CCG_SANDBOX_PHOTO_CACHE ??
	join( tmpdir(), 'ccg-sandbox-photo-cache' );

export const REDIRECT_URI =
	'http://localhost:8888/wp-admin/admin-post.php?action=ccg_oauth_dropbox';

export const APP: SandboxApp = {
	key: 'ccgtestkey1',
	secret: 'ccgtestsecret1',
	name: 'Customer Gallery',
	redirectUris: [ REDIRECT_URI ],
	accessType: 'full',
	scopes: [
		'account_info.read',
		'files.metadata.read',
		'files.content.read',
	],
};

export interface TestSandbox {
	sandbox: Sandbox;
	control: SandboxControl;
	dataDir: string;
	/** Stops the sandbox and deletes its data folder (kept with `keepData`, for restart tests). */
	stop: ( keepData?: boolean ) => Promise< void >;
}

/**
 * Starts a sandbox on free ports in a temp data folder; `small` library unless told otherwise.
 */
export async function startTestSandbox(
	profile: LibraryProfile = 'small',
	apps: SandboxApp[] = [ APP ],
	reuse?: { dataDir: string; basePort: number }
): Promise< TestSandbox > {
	const dataDir =
		reuse?.dataDir ?? mkdtempSync( join( tmpdir(), 'ccg-sandbox-test-' ) );
	let lastError: unknown;
	for ( let attempt = 0; attempt < 20; attempt++ ) {
		const basePort =
			reuse?.basePort ?? 20000 + 10 * Math.floor( Math.random() * 3500 );
		try {
			const sandbox = await startSandbox( {
				basePort,
				dataDir,
				library: { profile, photoCacheDir: PHOTO_CACHE },
				log: process.env.SANDBOX_TEST_LOG
					? ( line ) => console.log( line )
					: undefined,
			} );
			for ( const app of apps ) {
				await sandbox.registerApp( app );
			}
			return {
				sandbox,
				control: new SandboxControl( sandbox.controlBase ),
				dataDir,
				stop: async ( keepData = false ) => {
					await sandbox.stop();
					if ( ! keepData ) {
						rmSync( dataDir, { recursive: true, force: true } );
					}
				},
			};
		} catch ( error ) {
			if (
				( error as NodeJS.ErrnoException ).code !== 'EADDRINUSE' ||
				reuse
			) {
				throw error;
			}
			lastError = error;
		}
	}
	throw lastError;
}

type FetchInit = RequestInit & { body?: unknown };

/**
 * The SDK calls the real hosts; this fetch sends them to the sandbox's ports.
 * Download routes read `res.buffer()` (node-fetch API), so responses get one
 * (contract note 9). A plain-object body (DBX-JS `dataOnBody`) is sent as JSON.
 */
export function sandboxFetch(
	sandbox: Sandbox
): (
	url: string,
	init?: FetchInit
) => Promise< Response & { buffer: () => Promise< Buffer > } > {
	const map: Array< [ string, string ] > = [
		[ 'https://api.dropboxapi.com', sandbox.dropbox.apiBase ],
		[ 'https://content.dropboxapi.com', sandbox.dropbox.contentBase ],
		[ 'https://www.dropbox.com', sandbox.dropbox.authBase ],
		[ 'https://dropbox.com', sandbox.dropbox.authBase ],
	];
	return async ( url, init = {} ) => {
		const hit = map.find( ( [ real ] ) => url.startsWith( real + '/' ) );
		if ( ! hit ) {
			throw new Error( `unexpected URL ${ url }` );
		}
		const body =
			init.body !== null &&
			typeof init.body === 'object' &&
			! ( init.body instanceof Uint8Array )
				? JSON.stringify( init.body )
				: ( init.body as RequestInit[ 'body' ] );
		const res = await fetch( hit[ 1 ] + url.slice( hit[ 0 ].length ), {
			...init,
			body,
			redirect: 'manual',
		} );
		return Object.assign( res, {
			buffer: async () => Buffer.from( await res.arrayBuffer() ),
		} );
	};
}

export function sdkAuth(
	sandbox: Sandbox,
	app: SandboxApp = APP,
	withSecret = true
): DropboxAuth {
	return new DropboxAuth( {
		clientId: app.key,
		clientSecret: withSecret ? app.secret : undefined,
		fetch: sandboxFetch( sandbox ),
	} );
}

export function sdkClient( sandbox: Sandbox, auth: DropboxAuth ): Dropbox {
	return new Dropbox( { auth, fetch: sandboxFetch( sandbox ) } );
}

/**
 * Plays the user in the browser: opens the consent page and clicks Allow (or Cancel).
 */
export async function consent(
	sandbox: Sandbox,
	authorizeUrl: string,
	decision: 'allow' | 'cancel' = 'allow'
): Promise< { status: number; location: string | null; html: string } > {
	const url = authorizeUrl.replace(
		/^https:\/\/(www\.)?dropbox\.com/,
		sandbox.dropbox.authBase
	);
	const page = await fetch( url );
	const html = await page.text();
	const request = /name="authorize_request" value="([^"]+)"/.exec(
		html
	)?.[ 1 ];
	if ( page.status !== 200 || ! request ) {
		return { status: page.status, location: null, html };
	}
	const res = await fetch( `${ sandbox.dropbox.authBase }/oauth2/authorize`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams( { authorize_request: request, decision } ),
		redirect: 'manual',
	} );
	return {
		status: res.status,
		location: res.headers.get( 'location' ),
		html: await res.text(),
	};
}

/**
 * Authorization code flow with the SDK, as the plugin does it; returns the token response.
 */
export async function connect(
	sandbox: Sandbox,
	opts: {
		app?: SandboxApp;
		tokenAccessType?: 'offline' | 'online';
		scope?: string[];
	} = {}
): Promise< {
	auth: DropboxAuth;
	dbx: Dropbox;
	token: Record< string, unknown >;
} > {
	const app = opts.app ?? APP;
	const auth = sdkAuth( sandbox, app );
	const url = String(
		await auth.getAuthenticationUrl(
			app.redirectUris[ 0 ]!,
			'state123',
			'code',
			opts.tokenAccessType ?? 'offline',
			opts.scope
		)
	);
	const { location } = await consent( sandbox, url );
	const code = new URL( location! ).searchParams.get( 'code' )!;
	const res = await auth.getAccessTokenFromCode(
		app.redirectUris[ 0 ]!,
		code
	);
	const token = res.result as Record< string, unknown >;
	auth.setAccessToken( token.access_token as string );
	auth.setAccessTokenExpiresAt(
		new Date( Date.now() + ( token.expires_in as number ) * 1000 )
	);
	if ( token.refresh_token ) {
		auth.setRefreshToken( token.refresh_token as string );
	}
	return { auth, dbx: sdkClient( sandbox, auth ), token };
}

/**
 * A raw call to the sandbox (for what the SDK hides: content types, plain-text errors, headers).
 */
export async function raw(
	base: string,
	path: string,
	init: RequestInit = {}
): Promise< {
	status: number;
	type: string | null;
	text: string;
	headers: Headers;
} > {
	const res = await fetch( base + path, { method: 'POST', ...init } ).catch(
		( error: Error ) => {
			throw new Error( `${ error.message }: ${ String( error.cause ) }` );
		}
	);
	return {
		status: res.status,
		type: res.headers.get( 'content-type' ),
		text: await res.text(),
		headers: res.headers,
	};
}

export function bearer(
	token: string,
	extra: Record< string, string > = {}
): Record< string, string > {
	return { Authorization: `Bearer ${ token }`, ...extra };
}

/** Content type of Dropbox's plain-text 400 answers, as the sandbox sends it. */
export const PLAIN_TEXT = 'text/plain; charset=utf-8';

/**
 * Request options for an RPC call with a JSON body (a string is sent as is,
 * so tests can send malformed JSON).
 * @param token Access token.
 * @param body  The argument.
 */
export function jsonRequest( token: string, body: unknown ) {
	return {
		headers: bearer( token, { 'Content-Type': 'application/json' } ),
		body: typeof body === 'string' ? body : JSON.stringify( body ),
	};
}

/**
 * `Dropbox-API-Arg` header value: JSON with non-ASCII escaped, as DBX-JS sends it.
 */
export function apiArg( value: unknown ): string {
	return JSON.stringify( value ).replace(
		/[\u007f-\uffff]/g,
		( c ) => `\\u${ c.charCodeAt( 0 ).toString( 16 ).padStart( 4, '0' ) }`
	);
}
