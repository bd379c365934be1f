/**
 * A daemon of the stack (mariadbd, redis-server, php-fpm, nginx, apache2)
 * run in the foreground, in its own process group, so stop() ends it and
 * every worker it forked; nothing is left to systemd or init scripts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { stopGroup } from '../local-wordpress/process-groups';

export interface Daemon {
	name: string;
	stop: () => Promise< void >;
	/** Resolves when the daemon exits, by stop() or by itself. */
	exited: Promise< void >;
}

const running = new Set< number >();
process.on( 'exit', () => {
	// The caller crashed without stop(): never leave daemons behind.
	for ( const pgid of running ) {
		try {
			process.kill( -pgid, 'SIGKILL' );
		} catch {
			// Gone already.
		}
	}
} );

export function tail( file: string, lines = 20 ): string {
	try {
		return readFileSync( file, 'utf8' )
			.split( '\n' )
			.slice( -lines )
			.join( '\n' );
	} catch {
		return '(no log)';
	}
}

function accepts( target: net.NetConnectOpts ): Promise< boolean > {
	return new Promise( ( resolve ) => {
		const socket = net.connect( target );
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

export function portInUse( port: number ): Promise< boolean > {
	return accepts( { host: '127.0.0.1', port } );
}

/**
 * Starts `command args` and waits until `ready` (a TCP port on 127.0.0.1 or
 * a Unix socket path) accepts connections.
 */
export async function startDaemon( options: {
	name: string;
	command: string;
	args: string[];
	log: string;
	ready: number | string;
	timeoutMs?: number;
} ): Promise< Daemon > {
	const { name, command, args, log, ready } = options;
	if ( typeof ready === 'number' && ( await portInUse( ready ) ) ) {
		throw new Error(
			`${ name }: port ${ ready } is already in use; stop what listens there or choose other ports (see tools/production-stack/README.md).`
		);
	}
	mkdirSync( path.dirname( log ), { recursive: true } );
	const fd = openSync( log, 'a' );
	const child: ChildProcess = spawn( command, args, {
		detached: true,
		stdio: [ 'ignore', fd, fd ],
	} );
	closeSync( fd );
	child.on( 'error', () => {
		// Reported by the readiness check below.
	} );
	const pgid = child.pid;
	if ( pgid === undefined ) {
		throw new Error( `${ name }: ${ command } could not be started.` );
	}
	running.add( pgid );
	const exited = new Promise< void >( ( resolve ) =>
		child.once( 'exit', () => resolve() )
	);
	let stopping: Promise< void > | undefined;
	const stop = () =>
		( stopping ??= stopGroup( pgid ).then( () => {
			running.delete( pgid );
		} ) );
	const deadline = Date.now() + ( options.timeoutMs ?? 30_000 );
	const target: net.NetConnectOpts =
		typeof ready === 'number'
			? { host: '127.0.0.1', port: ready }
			: { path: ready };
	while ( ! ( await accepts( target ) ) ) {
		if ( child.exitCode !== null || child.signalCode !== null ) {
			await stop();
			throw new Error(
				`${ name } exited at start (${ child.exitCode ?? child.signalCode }). Log ${ log }:\n${ tail( log ) }`
			);
		}
		if ( Date.now() > deadline ) {
			await stop();
			throw new Error(
				`${ name } did not accept connections on ${ ready } in time. Log ${ log }:\n${ tail( log ) }`
			);
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 50 ) );
	}
	return { name, stop, exited };
}
