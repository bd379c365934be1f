/**
 * A long-running helper process in its own process group, stopped as a whole.
 */
import {
	spawn,
	type ChildProcess,
	type SpawnOptions,
} from 'node:child_process';

import { signalGroup, stopGroup } from '../process-groups';

export interface GroupProcess {
	child: ChildProcess;
	exited: Promise< number | null >;
	stop: () => Promise< void >;
}

/**
 * Spawns `command` as the leader of a new process group (setsid).
 *
 * @param command Program to run.
 * @param args    Its arguments.
 * @param options Spawn options (`detached` is forced).
 */
export function spawnGroup(
	command: string,
	args: string[],
	options: SpawnOptions
): GroupProcess {
	const child = spawn( command, args, { ...options, detached: true } );
	const exited = new Promise< number | null >( ( resolve ) => {
		child.once( 'exit', ( code ) => resolve( code ) );
		child.once( 'error', () => resolve( null ) );
	} );
	const pgid = child.pid;
	// Last resort if the caller dies without stop().
	process.on( 'exit', () => pgid && signalGroup( pgid, 'SIGKILL' ) );
	let stopping: Promise< void > | undefined;
	const stop = () =>
		( stopping ??= pgid ? stopGroup( pgid ) : Promise.resolve() );
	return { child, exited, stop };
}
