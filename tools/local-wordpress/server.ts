/**
 * PHP's built-in server in front of a site, in its own process group
 * (setsid) so that stop() ends the parent AND its forked workers.
 *
 * It listens on 127.0.0.1 and, where the loopback has IPv6, also on [::1]
 * (a second server), so `localhost` works whichever address a client tries
 * first (Chromium tries ::1 first; Node follows /etc/hosts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { progress, since } from './log';
import { groupAlive, stopGroup as stopProcessGroup } from './process-groups';
import { phpDir, sitePaths } from './paths';
import { writeJson } from './site-state';
import type { RunningServer, Site, StartServerOptions } from './types';

const READY_TIMEOUT_MS = 30_000;
const running = new Set< number >();

process.on( 'exit', () => {
	// Last resort (the caller crashed without stop()): never leave servers behind.
	for ( const pgid of running ) {
		try {
			process.kill( -pgid, 'SIGKILL' );
		} catch {
			// Already gone.
		}
	}
} );

async function stopGroup( pgid: number ): Promise< void > {
	await stopProcessGroup( pgid );
	running.delete( pgid );
}

function hasIpv6Loopback(): boolean {
	return Object.values( os.networkInterfaces() ).some( ( list ) =>
		( list ?? [] ).some(
			( address ) =>
				address.internal &&
				address.family === 'IPv6' &&
				address.address === '::1'
		)
	);
}

/**
 * True when something accepts connections on host:port.
 * @param host Host name or address.
 * @param port Its port.
 */
function isListening( host: string, port: number ): Promise< boolean > {
	return new Promise( ( resolve ) => {
		const socket = net.connect( { host, port } );
		socket.setTimeout( 1_000 );
		socket.once( 'connect', () => {
			socket.destroy();
			resolve( true );
		} );
		socket.once( 'timeout', () => {
			socket.destroy();
			resolve( false );
		} );
		socket.once( 'error', () => resolve( false ) );
	} );
}

/**
 * A php -S of this site left over by a crashed run: end it.
 * @param stateFile The site's server.json.
 */
async function stopLeftover( stateFile: string ): Promise< void > {
	const state = await readFile( stateFile, 'utf8' )
		.then( ( text ) => JSON.parse( text ) as { pgids?: number[] } )
		.catch( () => undefined );
	for ( const pgid of state?.pgids ?? [] ) {
		let command = '';
		try {
			command = readFileSync( `/proc/${ pgid }/cmdline`, 'utf8' );
		} catch {
			continue; // Gone (or not Linux: leave it).
		}
		if (
			command.includes( 'php' ) &&
			command.includes( '-S' ) &&
			groupAlive( pgid )
		) {
			progress(
				`stopping a server left over from an earlier run (process group ${ pgid })`
			);
			await stopGroup( pgid );
		}
	}
	await rm( stateFile, { force: true } );
}

async function waitUntilReady(
	url: string,
	children: ChildProcess[],
	log: string
): Promise< void > {
	const deadline = Date.now() + READY_TIMEOUT_MS;
	let lastError = '';
	while ( Date.now() < deadline ) {
		const exited = children.find(
			( child ) => child.exitCode !== null || child.signalCode !== null
		);
		if ( exited ) {
			throw new Error(
				`php -S exited at start (code ${ exited.exitCode ?? exited.signalCode }). Log ${ log }:\n${ tail( log ) }`
			);
		}
		try {
			const response = await fetch( url, {
				redirect: 'manual',
				signal: AbortSignal.timeout( 10_000 ),
			} );
			await response.arrayBuffer();
			if ( response.status < 500 ) {
				return;
			}
			lastError = `HTTP ${ response.status }`;
		} catch ( error ) {
			lastError = ( error as Error ).message;
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
	}
	throw new Error(
		`${ url } did not answer within ${ READY_TIMEOUT_MS / 1000 } s (${ lastError }). Log ${ log }:\n${ tail( log ) }`
	);
}

function tail( file: string ): string {
	try {
		return readFileSync( file, 'utf8' )
			.split( '\n' )
			.slice( -20 )
			.join( '\n' );
	} catch {
		return '(no log)';
	}
}

function spawnPhp(
	site: Site,
	host: string,
	port: number,
	workers: number,
	logFd: number
): ChildProcess {
	const args = [
		'-d',
		'upload_max_filesize=64M',
		'-d',
		'post_max_size=64M',
		'-d',
		'memory_limit=512M',
		'-S',
		`${ host }:${ port }`,
		'-t',
		site.dir,
		path.join( phpDir, 'router.php' ),
	];
	const child = spawn( 'php', args, {
		cwd: site.dir,
		detached: true, // setsid(): its own process group, workers included
		stdio: [ 'ignore', logFd, logFd ],
		env: { ...process.env, PHP_CLI_SERVER_WORKERS: String( workers ) },
	} );
	child.on( 'error', () => {
		// Reported through exitCode / the readiness check.
	} );
	return child;
}

export interface LocalServer extends RunningServer {
	/** Resolves when a server process ends (by stop() or by itself). */
	exited: Promise< void >;
}

/**
 * Starts php -S for the site and resolves once the site answers.
 * @param site    The site.
 * @param options Workers and log file.
 */
export async function startServer(
	site: Site,
	options: StartServerOptions = {}
): Promise< LocalServer > {
	const started = Date.now();
	const files = sitePaths( site.dir );
	const port = Number( new URL( site.url ).port );
	const workers = Math.max( 1, options.workers ?? 4 );
	const log = options.log ?? files.serverLog;
	if ( ! existsSync( path.join( site.dir, 'wp-config.php' ) ) ) {
		throw new Error(
			`${ site.dir } is not a site; call ensureSite() first.`
		);
	}
	await stopLeftover( files.serverState );
	if ( await isListening( '127.0.0.1', port ) ) {
		throw new Error(
			`Port ${ port } is already in use; stop what listens there or choose another port.`
		);
	}
	await mkdir( path.dirname( log ), { recursive: true } );
	const logFd = openSync( log, 'a' );
	const hosts = [
		'127.0.0.1',
		...( hasIpv6Loopback() && ! ( await isListening( '::1', port ) )
			? [ '[::1]' ]
			: [] ),
	];
	const children = hosts.map( ( host ) =>
		spawnPhp( site, host, port, workers, logFd )
	);
	closeSync( logFd );
	const pgids = children
		.map( ( child ) => child.pid )
		.filter( ( pid ): pid is number => typeof pid === 'number' );
	pgids.forEach( ( pgid ) => running.add( pgid ) );
	await writeJson( files.serverState, {
		pgids,
		port,
		startedAt: new Date().toISOString(),
	} );

	const exited = Promise.race(
		children.map(
			( child ) =>
				new Promise< void >( ( resolve ) =>
					child.once( 'exit', () => resolve() )
				)
		)
	);
	let stopping: Promise< void > | undefined;
	const stop = () =>
		( stopping ??= ( async () => {
			await Promise.all( pgids.map( stopGroup ) );
			await rm( files.serverState, { force: true } );
		} )() );

	try {
		await waitUntilReady( `http://127.0.0.1:${ port }/`, children, log );
	} catch ( error ) {
		await stop();
		throw error;
	}
	progress(
		`server for ${ site.name } up in ${ since( started ) }: ${ site.url } (${ hosts.join( ' + ' ) }, ${ workers } workers each)`
	);
	return { url: site.url, stop, exited };
}
