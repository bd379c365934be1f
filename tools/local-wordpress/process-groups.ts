/**
 * Process groups: a local server (php -S and its forked workers) or helper
 * runs in its own group (setsid), and stopping it means the whole group.
 */
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Members of `pgid` that are not zombies, from /proc (Linux), or undefined elsewhere.
 */
function liveMembersFromProc( pgid: number ): number | undefined {
	let entries: string[];
	try {
		entries = readdirSync( '/proc' );
	} catch {
		return undefined;
	}
	let live = 0;
	for ( const entry of entries ) {
		if ( ! /^\d+$/.test( entry ) ) {
			continue;
		}
		try {
			// "PID (COMM) STATE PPID PGRP …"; COMM may contain spaces.
			const stat = readFileSync( `/proc/${ entry }/stat`, 'utf8' );
			const [ state, , group ] = stat
				.slice( stat.lastIndexOf( ')' ) + 2 )
				.split( ' ' );
			if ( Number( group ) === pgid && state !== 'Z' ) {
				live++;
			}
		} catch {
			// Ended meanwhile.
		}
	}
	return live;
}

/**
 * True while some process of the group runs. Zombies do not count: workers
 * whose parent exited first wait to be reaped by init, holding nothing.
 *
 * @param pgid Process group id.
 */
export function groupAlive( pgid: number ): boolean {
	try {
		process.kill( -pgid, 0 );
	} catch ( error ) {
		if ( ( error as NodeJS.ErrnoException ).code !== 'EPERM' ) {
			return false;
		}
	}
	const live = liveMembersFromProc( pgid );
	return live === undefined || live > 0;
}

/**
 * Sends a signal to a whole group; false when it is gone.
 *
 * @param pgid   Process group id.
 * @param signal The signal.
 */
export function signalGroup( pgid: number, signal: NodeJS.Signals ): boolean {
	try {
		process.kill( -pgid, signal );
		return true;
	} catch {
		return false;
	}
}

/**
 * SIGTERM, then SIGKILL after `graceMs`; resolves when no live member is left.
 *
 * @param pgid    Process group id.
 * @param graceMs How long to wait before SIGKILL.
 */
export async function stopGroup(
	pgid: number,
	graceMs = 5_000
): Promise< void > {
	const sleep = () => new Promise( ( resolve ) => setTimeout( resolve, 50 ) );
	signalGroup( pgid, 'SIGTERM' );
	const deadline = Date.now() + graceMs;
	while ( groupAlive( pgid ) && Date.now() < deadline ) {
		await sleep();
	}
	if ( groupAlive( pgid ) ) {
		signalGroup( pgid, 'SIGKILL' );
		while ( groupAlive( pgid ) ) {
			await sleep();
		}
	}
}
