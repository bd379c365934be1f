/**
 * `npm start` (tools/bootstrap.mjs has run before it): builds the assets if
 * there is no build yet (else the watcher refreshes them), starts the sandbox clouds (Dropbox, Google), ensures the `dev` site (WordPress 7.1
 * on http://localhost:8888), serves it, watches the assets, prints a banner,
 * and on Ctrl-C / SIGTERM stops everything it started.
 *
 * CCG_PORT (default 8888) and CCG_SANDBOX_PORT (default 8890) change ports.
 * CCG_STACK=production serves the site from tools/production-stack instead.
 */
import path from 'node:path';

import { ensureWordPress, readCoreInfo } from './ensure-wordpress';
import { progress, since, warn } from './log';
import { localDir, sitePaths } from './paths';
import { startServer, type LocalServer } from './server';
import { ensureSite } from './site';
import { ensureSqlitePlugin } from './sqlite';
import { assetState, buildAssets, startAssetWatcher } from './start/assets';
import { renderBanner } from './start/banner';
import type { GroupProcess } from './start/process-group';
import { watchAncestors } from './start/orphan-watch';
import { startDevSandbox, type DevSandbox } from './start/sandbox';
import {
	startSystemCron,
	SYSTEM_CRON_SECONDS,
	systemCronEnabled,
} from './start/system-cron';
import type { Site } from './types';
import { startProductionSite } from '../production-stack/dev';

function portFromEnv( name: string, fallback: number ): number {
	const value = Number( process.env[ name ] ?? fallback );
	if ( ! Number.isInteger( value ) || value < 1 || value > 65535 ) {
		throw new Error(
			`${ name }=${ process.env[ name ] } is not a port number.`
		);
	}
	return value;
}

const stops: ( () => Promise< unknown > )[] = [];
let shuttingDown = false;

async function shutdown( code: number, why: string ): Promise< void > {
	if ( shuttingDown ) {
		return;
	}
	shuttingDown = true;
	progress( `${ why }: stopping…` );
	const timeout = new Promise( ( resolve ) => setTimeout( resolve, 10_000 ) );
	await Promise.race( [
		Promise.allSettled( stops.reverse().map( ( stop ) => stop() ) ),
		timeout,
	] );
	progress( 'stopped.' );
	process.exit( code );
}

async function main(): Promise< void > {
	const started = Date.now();
	const port = portFromEnv( 'CCG_PORT', 8888 );
	const sandboxPort = portFromEnv( 'CCG_SANDBOX_PORT', 8890 );
	for ( const signal of [ 'SIGINT', 'SIGTERM', 'SIGHUP' ] as const ) {
		process.on( signal, () => void shutdown( 0, signal ) );
	}
	watchAncestors( () => void shutdown( 0, 'npm was stopped' ) );

	// Assets: with no build yet, build once (while the sandbox and the site
	// are prepared) before serving; otherwise the watcher's first compile
	// refreshes a stale build in the background, which keeps restarts quick.
	const watchLog = path.join( localDir(), 'logs', 'assets-watch.log' );
	const startWatcher = async () => {
		const watcher: GroupProcess = await startAssetWatcher(
			watchLog,
			( line ) => progress( `assets: ${ line }` )
		);
		stops.push( () => watcher.stop() );
	};
	const state = assetState();
	let assets: Promise< void > = Promise.resolve();
	if ( state === 'missing' ) {
		assets = buildAssets().then(
			() =>
				progress(
					`assets built (wp-scripts build) in ${ since( started ) }`
				),
			( error: Error ) =>
				warn(
					`wp-scripts build failed; the watcher will retry on change.\n${ error.message }`
				)
		);
	} else {
		if ( state === 'stale' ) {
			progress(
				'assets: sources changed since the last build; the watcher is rebuilding them'
			);
		}
		await startWatcher();
	}

	// The core tree and the SQLite drop-in download meanwhile (first run);
	// errors resurface in ensureSite().
	const prefetch = Promise.all( [
		ensureWordPress( '7.1' ),
		ensureSqlitePlugin(),
	] ).catch( () => undefined );

	const redirectUri = `http://localhost:${ port }/wp-admin/admin-post.php?action=ccg_oauth_dropbox`;
	const googleRedirectUri = `http://localhost:${ port }/wp-admin/admin-post.php?action=ccg_oauth_google`;
	// CCG_REAL_DROPBOX=1: no sandbox, the plugin's default (real) Dropbox
	// hosts, and outgoing HTTP allowed so the site can reach them.
	const realDropbox = process.env.CCG_REAL_DROPBOX === '1';
	let sandbox: DevSandbox | { reason: string };
	if ( realDropbox ) {
		sandbox = {
			reason: 'CCG_REAL_DROPBOX=1 points the plugin at the real Dropbox',
		};
	} else {
		try {
			sandbox = await startDevSandbox(
				sandboxPort,
				redirectUri,
				googleRedirectUri
			);
		} catch ( error ) {
			sandbox = {
				reason: `it failed to start: ${ ( error as Error ).message }`,
			};
		}
	}
	if ( 'handle' in sandbox ) {
		const { handle } = sandbox;
		stops.push( async () => handle.stop() );
	} else {
		warn(
			`sandbox Dropbox not started: ${ sandbox.reason }. The site runs without it.`
		);
	}
	let constants: Record< string, string | boolean > = {};
	if ( realDropbox ) {
		constants = { WP_HTTP_BLOCK_EXTERNAL: false };
	} else if ( 'handle' in sandbox ) {
		constants = {
			CCG_DROPBOX_AUTH_BASE: sandbox.handle.dropbox.authBase,
			CCG_DROPBOX_API_BASE: sandbox.handle.dropbox.apiBase,
			CCG_DROPBOX_CONTENT_BASE: sandbox.handle.dropbox.contentBase,
			...( sandbox.handle.google
				? {
						CCG_GOOGLE_AUTH_BASE: sandbox.handle.google.authBase,
						CCG_GOOGLE_TOKEN_BASE: sandbox.handle.google.tokenBase,
						CCG_GOOGLE_API_BASE: sandbox.handle.google.apiBase,
					}
				: {} ),
		};
	}

	await prefetch;
	let site: Site;
	let server: LocalServer;
	if ( process.env.CCG_STACK === 'production' ) {
		// MariaDB, Redis, PHP-FPM and nginx or Apache (tools/production-stack).
		await assets;
		( { site, server } = await startProductionSite( { port, constants } ) );
	} else {
		site = await ensureSite( {
			name: 'dev',
			version: '7.1',
			port,
			constants,
		} );
		await assets;
		server = await startServer( site );
	}
	stops.push( () => server.stop() );
	void server.exited.then( () => {
		if ( ! shuttingDown ) {
			warn( 'the PHP server stopped unexpectedly (see its log).' );
			void shutdown( 1, 'server exited' );
		}
	} );

	if ( state === 'missing' ) {
		await startWatcher();
	}

	const cron = systemCronEnabled() ? startSystemCron( site.url ) : null;
	if ( cron ) {
		stops.push( () => cron.stop() );
	}

	process.stdout.write(
		renderBanner( {
			site,
			wordpressVersion:
				readCoreInfo( site.version )?.version ?? site.version,
			sandbox,
			logs: {
				'PHP debug': site.debugLog,
				server: sitePaths( site.dir ).serverLog,
				assets: watchLog,
			},
			seconds: ( Date.now() - started ) / 1000,
			systemCron: cron ? SYSTEM_CRON_SECONDS : null,
		} )
	);
}

main().catch( ( error: Error ) => {
	process.stderr.write(
		`\n[local-wp] npm start failed: ${ error.message }\n`
	);
	void shutdown( 1, 'error' );
} );
