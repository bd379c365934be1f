/**
 * The bench's own sandbox Dropbox and WordPress site ("bench", 7.1), on
 * ports of its own, with WP-Cron off so no background warming skews a
 * sample. Creates /Bench/<N> in the sandbox library (copies of the first N
 * photos of /Scale/5000 photos).
 */
import fs from 'node:fs';
import path from 'node:path';

import {
	ensureSite,
	resetSite,
	startServer,
	type RunningServer,
	type Site,
	type SiteOptions,
} from '../local-wordpress/index';
import {
	startSandbox,
	SandboxControl,
	type Sandbox,
} from '../sandbox-cloud/src/index';
import type { BenchOptions } from './options';

export interface Environment {
	sandbox: Sandbox;
	control: SandboxControl;
	site: Site;
	server: RunningServer;
	stop: () => Promise< void >;
}

export function benchFolderPath( n: number ): string {
	return `/Bench/${ n }`;
}

function makeBenchFolder( libraryDir: string, n: number ): void {
	const target = path.join( libraryDir, benchFolderPath( n ) );
	const have = fs.existsSync( target )
		? fs.readdirSync( target ).filter( ( f ) => f.endsWith( '.jpg' ) )
				.length
		: 0;
	if ( have === n ) {
		return;
	}
	fs.rmSync( target, { recursive: true, force: true } );
	fs.mkdirSync( target, { recursive: true } );
	const source = path.join( libraryDir, 'Scale/5000 photos' );
	const photos = fs
		.readdirSync( source )
		.filter( ( f ) => /\.jpe?g$/i.test( f ) )
		.sort()
		.slice( 0, n );
	if ( photos.length < n ) {
		throw new Error( `${ source } has only ${ photos.length } photos` );
	}
	for ( const photo of photos ) {
		fs.copyFileSync(
			path.join( source, photo ),
			path.join( target, photo )
		);
	}
}

/**
 * The bench site's options for ensureSite(). WP-Cron is off unless a
 * scenario turns it on for itself (see setWpCron).
 */
export function benchSiteOptions(
	opts: BenchOptions,
	sandbox: Sandbox,
	wpCron = false
): SiteOptions {
	return {
		name: 'bench',
		version: '7.1',
		port: opts.wpPort,
		constants: {
			CCG_DROPBOX_AUTH_BASE: sandbox.dropbox.authBase,
			CCG_DROPBOX_API_BASE: sandbox.dropbox.apiBase,
			CCG_DROPBOX_CONTENT_BASE: sandbox.dropbox.contentBase,
			CCG_GOOGLE_AUTH_BASE: sandbox.google.authBase,
			CCG_GOOGLE_TOKEN_BASE: sandbox.google.tokenBase,
			CCG_GOOGLE_API_BASE: sandbox.google.apiBase,
			DISABLE_WP_CRON: ! wpCron,
		},
	};
}

/**
 * opcache.revalidate_freq, PHP's default: how long a compiled script is
 * served before its file is checked again. The built-in server's SAPI is
 * cli-server, for which opcache.enable applies (opcache.enable_cli is only
 * the command line's), so a rewritten wp-config.php reaches requests up to
 * this long after it was written.
 */
const OPCACHE_REVALIDATE_SECONDS = 2;

/**
 * Turns WordPress's own cron on or off by rewriting wp-config.php
 * (ensureSite does, in well under a second for an existing site), then
 * waits until opcache checks the file again, so the running server follows
 * without a restart. Without the wait, the webhook requests a change sends
 * at once still ran with the old DISABLE_WP_CRON and never started WP-Cron.
 */
export async function setWpCron(
	env: Environment,
	opts: BenchOptions,
	on: boolean
): Promise< void > {
	await ensureSite( benchSiteOptions( opts, env.sandbox, on ) );
	await new Promise( ( r ) =>
		setTimeout( r, ( OPCACHE_REVALIDATE_SECONDS + 0.5 ) * 1000 )
	);
}

export async function startEnvironment(
	opts: BenchOptions,
	log: ( line: string ) => void
): Promise< Environment > {
	log(
		'starting the sandbox Dropbox (first run generates the library, ~15 s)'
	);
	const sandbox = await startSandbox( {
		basePort: opts.sandboxPort,
		dataDir: path.join( opts.benchDir, 'sandbox' ),
		log: () => {},
	} );
	let server: RunningServer | undefined;
	try {
		makeBenchFolder( sandbox.libraryDir, opts.n );
		const control = new SandboxControl( sandbox.controlBase );
		await control.reset();
		log( 'provisioning WordPress 7.1 (site "bench")' );
		const site = await ensureSite( benchSiteOptions( opts, sandbox ) );
		await sandbox.allowGoogleRedirects( [ site.url ] );
		await resetSite( site );
		// A fresh database: old uploads (Media Library files, thumbnail cache) go too.
		fs.rmSync( path.join( site.dir, 'wp-content/uploads' ), {
			recursive: true,
			force: true,
		} );
		// One load generator asks for hundreds of uncached thumbnails a
		// minute from one address: the plugin's per-client miss budget
		// (Images\MissBudget) would answer 429. The bench measures what the
		// server can do, so it turns the budget off on its own site.
		fs.writeFileSync(
			path.join(
				site.dir,
				'wp-content/mu-plugins/bench-miss-budget.php'
			),
			"<?php\nadd_filter( 'ccg_image_miss_budget', '__return_zero' );\n"
		);
		server = await startServer( site, { workers: opts.workers } );
		const running = server;
		return {
			sandbox,
			control,
			site,
			server: running,
			stop: async () => {
				await running.stop();
				await sandbox.stop();
			},
		};
	} catch ( error ) {
		await server?.stop();
		await sandbox.stop();
		throw error;
	}
}
