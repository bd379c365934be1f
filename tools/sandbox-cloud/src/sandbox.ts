import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { controlHandler } from './control/control-server';
import { createDropbox } from './dropbox/provider';
import { createGoogle } from './google/provider';
import { LibraryChanges } from './library/changes';
import { ensureLibrary } from './library/generate';
import { readManifest } from './library/manifest';
import { Clock } from './shared/clock';
import { FaultRegistry, RequestCounter } from './shared/faults';
import { type Listener, listen } from './shared/http-server';
import { randomToken } from './shared/random';
import type { Sandbox, SandboxOptions } from './types';

/** Port offsets from basePort (+8 is kept free for a later host). */
export const PORTS = {
	dropboxAuth: 0,
	dropboxApi: 1,
	dropboxContent: 2,
	dropboxLinks: 3,
	googleAuth: 4,
	googleToken: 5,
	googleApi: 6,
	googleThumbs: 7,
	control: 9,
} as const;

/**
 * A random secret kept in the data folder: signs cursors and consent forms across restarts.
 */
function secretIn( dataDir: string ): string {
	const file = join( dataDir, 'secret' );
	if ( ! existsSync( file ) ) {
		writeFileSync( file, randomToken( 48 ), { mode: 0o600 } );
	}
	return readFileSync( file, 'utf8' ).trim();
}

export async function startSandbox( opts: SandboxOptions ): Promise< Sandbox > {
	const host = opts.host ?? '127.0.0.1';
	const log = opts.log ?? ( () => {} );
	const dataDir = resolve( opts.dataDir );
	const libraryDir = resolve( opts.libraryDir ?? join( dataDir, 'library' ) );
	if (
		! Number.isInteger( opts.basePort ) ||
		opts.basePort < 1 ||
		opts.basePort + 9 > 65535
	) {
		throw new Error(
			`basePort must be an integer from 1 to 65526, got ${ opts.basePort }`
		);
	}
	mkdirSync( dataDir, { recursive: true } );
	const manifest =
		( await ensureLibrary(
			libraryDir,
			dataDir,
			opts.library ?? {},
			log
		) ) ?? readManifest( libraryDir );
	const url = ( offset: number ) =>
		`http://localhost:${ opts.basePort + offset }`;
	const clock = new Clock();
	const faults = new FaultRegistry();
	const counter = new RequestCounter();
	const changes = new LibraryChanges( libraryDir );
	const urls = {
		authBase: url( PORTS.dropboxAuth ),
		apiBase: url( PORTS.dropboxApi ),
		contentBase: url( PORTS.dropboxContent ),
		linkBase: url( PORTS.dropboxLinks ),
	};
	const dropbox = createDropbox( {
		dataDir,
		libraryDir,
		secret: secretIn( dataDir ),
		clock,
		faults,
		counter,
		urls,
		tokenLifetimeSeconds: opts.tokenLifetimeSeconds ?? 14400,
		changes,
		log,
	} );
	const googleUrls = {
		authBase: url( PORTS.googleAuth ),
		tokenBase: url( PORTS.googleToken ),
		apiBase: url( PORTS.googleApi ),
		thumbBase: url( PORTS.googleThumbs ),
	};
	const google = createGoogle( {
		dataDir,
		libraryDir,
		secret: secretIn( dataDir ),
		clock,
		faults,
		counter,
		urls: googleUrls,
		changes,
		log,
	} );
	const controlBase = url( PORTS.control );
	const info = () => ( {
		dropbox: urls,
		google: googleUrls,
		controlBase,
		dataDir,
		libraryDir,
		ports: { base: opts.basePort, ...PORTS },
	} );
	const control = controlHandler( {
		clock,
		faults,
		counter,
		dropbox,
		google,
		changes,
		manifest: () => manifest,
		info,
	} );
	const listeners: Listener[] = [];
	try {
		const plan: Array< [ number, Parameters< typeof listen >[ 2 ] ] > = [
			[ PORTS.dropboxAuth, dropbox.hosts.www ],
			[ PORTS.dropboxApi, dropbox.hosts.api ],
			[ PORTS.dropboxContent, dropbox.hosts.content ],
			[ PORTS.dropboxLinks, dropbox.hosts.links ],
			[ PORTS.googleAuth, google.hosts.accounts ],
			[ PORTS.googleToken, google.hosts.oauth2 ],
			[ PORTS.googleApi, google.hosts.api ],
			[ PORTS.googleThumbs, google.hosts.thumbnails ],
			[ PORTS.control, control ],
		];
		for ( const [ offset, handler ] of plan ) {
			listeners.push(
				await listen( host, opts.basePort + offset, handler, log )
			);
		}
	} catch ( error ) {
		await Promise.all( listeners.map( ( l ) => l.close() ) );
		throw error;
	}
	log(
		`sandbox Dropbox on ${ urls.authBase } (www), ${ urls.apiBase } (api), ${ urls.contentBase } (content), ${ urls.linkBase } (links); control ${ controlBase }`
	);
	log(
		`sandbox Google on ${ googleUrls.authBase } (accounts), ${ googleUrls.tokenBase } (oauth2), ${ googleUrls.apiBase } (api), ${ googleUrls.thumbBase } (thumbnails)`
	);
	return {
		dropbox: urls,
		google: googleUrls,
		controlBase,
		dataDir,
		libraryDir,
		manifest,
		registerApp: async ( app ) => void dropbox.registerApp( app ),
		registerGoogleClient: async ( client ) =>
			google.registerClient( client ),
		defaultGoogleClient: () => google.services.clients.default(),
		allowGoogleRedirects: async ( siteUrls ) => {
			const client = google.services.clients.default();
			return google.registerClient( {
				clientId: client.clientId,
				redirectUris: [
					...new Set( [
						...client.redirectUris,
						...siteUrls.map(
							( siteUrl ) =>
								`${ siteUrl }/wp-admin/admin-post.php?action=ccg_oauth_google`
						),
					] ),
				],
			} );
		},
		stop: async () => {
			await Promise.all( listeners.map( ( l ) => l.close() ) );
			dropbox.flush();
		},
	};
}
