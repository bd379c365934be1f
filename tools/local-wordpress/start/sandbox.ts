/**
 * The sandbox clouds for `npm start` (tools/sandbox-cloud, written
 * separately): loaded only if present, so `npm start` still works without
 * it. Registers the local site's Dropbox app with a key/secret generated
 * once and kept in `.local/dev-dropbox-app.json`, and the site's Google
 * redirect URI on the sandbox's default Google client (made on its first
 * start, kept in its data folder).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { localDir, repoRoot } from '../paths';
import { writeJson } from '../site-state';

/** The part of tools/sandbox-cloud's API that `npm start` uses. */
export interface SandboxApp {
	key: string;
	secret: string;
	name: string;
	redirectUris: string[];
	accessType: 'full' | 'app_folder';
	scopes: string[];
}

/** A Google OAuth client of the sandbox's Cloud Console. */
export interface SandboxGoogleClient {
	clientId: string;
	clientSecret: string;
	redirectUris: string[];
}

export interface SandboxHandle {
	dropbox: { authBase: string; apiBase: string; contentBase: string };
	/** Absent on a sandbox without the Google hosts. */
	google?: { authBase: string; tokenBase: string; apiBase: string };
	controlBase: string;
	registerApp: ( app: SandboxApp ) => unknown;
	registerGoogleClient?: (
		client: Partial< SandboxGoogleClient >
	) => Promise< SandboxGoogleClient >;
	defaultGoogleClient?: () => SandboxGoogleClient;
	stop: () => unknown;
}

type StartSandbox = ( options: {
	basePort: number;
	dataDir: string;
} ) => Promise< SandboxHandle >;

export const SANDBOX_ENTRY = path.join(
	repoRoot,
	'tools',
	'sandbox-cloud',
	'src',
	'index.ts'
);

const randomKey = () =>
	Array.from(
		randomBytes( 15 ),
		( byte ) => 'abcdefghijklmnopqrstuvwxyz0123456789'[ byte % 36 ]
	).join( '' );

/** The local app's key and secret: generated once, then always the same. */
export async function devAppCredentials(): Promise< {
	key: string;
	secret: string;
} > {
	const file = path.join( localDir(), 'dev-dropbox-app.json' );
	try {
		const saved = JSON.parse( readFileSync( file, 'utf8' ) ) as {
			key?: unknown;
			secret?: unknown;
		};
		if (
			typeof saved.key === 'string' &&
			typeof saved.secret === 'string'
		) {
			return { key: saved.key, secret: saved.secret };
		}
	} catch {
		// First run.
	}
	const credentials = { key: randomKey(), secret: randomKey() };
	await writeJson( file, credentials );
	return credentials;
}

export interface DevSandbox {
	handle: SandboxHandle;
	app: SandboxApp;
	/** The default Google client, with the site's redirect URI registered. */
	googleClient: SandboxGoogleClient | null;
	googleRedirectUri: string;
}

/**
 * Starts the sandbox and registers the app; undefined (with `reason`) when the sandbox is not available.
 * @param basePort          First port of the sandbox.
 * @param redirectUri       The local site's Dropbox redirect URI.
 * @param googleRedirectUri The local site's Google redirect URI.
 */
export async function startDevSandbox(
	basePort: number,
	redirectUri: string,
	googleRedirectUri: string
): Promise< DevSandbox | { reason: string } > {
	if ( ! existsSync( SANDBOX_ENTRY ) ) {
		return {
			reason: `${ path.relative( repoRoot, SANDBOX_ENTRY ) } does not exist yet`,
		};
	}
	let startSandbox: StartSandbox | undefined;
	try {
		const loaded = ( await import(
			pathToFileURL( SANDBOX_ENTRY ).href
		) ) as {
			startSandbox?: StartSandbox;
			default?: { startSandbox?: StartSandbox };
		};
		startSandbox = loaded.startSandbox ?? loaded.default?.startSandbox;
	} catch ( error ) {
		return { reason: `loading it failed: ${ ( error as Error ).message }` };
	}
	if ( typeof startSandbox !== 'function' ) {
		return {
			reason: `${ path.relative( repoRoot, SANDBOX_ENTRY ) } does not export startSandbox()`,
		};
	}
	const handle = await startSandbox( {
		basePort,
		dataDir: path.join( localDir(), 'sandbox' ),
	} );
	const app: SandboxApp = {
		...( await devAppCredentials() ),
		name: 'Customer Gallery (local)',
		redirectUris: [ redirectUri ],
		accessType: 'full',
		scopes: [
			'account_info.read',
			'files.metadata.read',
			'files.content.read',
		],
	};
	await handle.registerApp( app );
	let googleClient: SandboxGoogleClient | null = null;
	if ( handle.defaultGoogleClient && handle.registerGoogleClient ) {
		const current = handle.defaultGoogleClient();
		googleClient = await handle.registerGoogleClient( {
			clientId: current.clientId,
			redirectUris: [
				...new Set( [ ...current.redirectUris, googleRedirectUri ] ),
			],
		} );
	}
	return { handle, app, googleClient, googleRedirectUri };
}
