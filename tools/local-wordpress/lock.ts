/**
 * A cross-process lock (an atomic mkdir), so two processes that provision
 * the same core tree or site at once (an `npm start` and an `npm test`, say)
 * take turns instead of corrupting each other's work.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { paths } from './paths';

/** Per lock name, the tail of this process's queue of holders. */
const queues = new Map< string, Promise< unknown > >();

function isAlive( pid: number ): boolean {
	try {
		process.kill( pid, 0 );
		return true;
	} catch ( error ) {
		return ( error as NodeJS.ErrnoException ).code === 'EPERM';
	}
}

async function ownerIsGone( dir: string ): Promise< boolean > {
	const owner = Number(
		await readFile( path.join( dir, 'pid' ), 'utf8' ).catch( () => '' )
	);
	return Number.isInteger( owner ) && owner > 0 && ! isAlive( owner );
}

/**
 * Runs `body` holding the lock `name`: one holder at a time across
 * processes (a lock folder with the owner's pid; a dead owner's lock is
 * taken over) and, within this process, queued calls in order.
 *
 * @param name      Lock name (a file name).
 * @param body      The work.
 * @param timeoutMs How long to wait for another process.
 */
export function withLock< T >(
	name: string,
	body: () => Promise< T >,
	timeoutMs = 15 * 60_000
): Promise< T > {
	const previous = queues.get( name ) ?? Promise.resolve();
	const run = previous.then(
		() => acquireAndRun( name, body, timeoutMs ),
		() => acquireAndRun( name, body, timeoutMs )
	);
	const tail = run.catch( () => undefined );
	queues.set( name, tail );
	void tail.then( () => {
		if ( queues.get( name ) === tail ) {
			queues.delete( name );
		}
	} );
	return run;
}

async function acquireAndRun< T >(
	name: string,
	body: () => Promise< T >,
	timeoutMs: number
): Promise< T > {
	const dir = path.join( paths.locks(), name );
	await mkdir( paths.locks(), { recursive: true } );
	const started = Date.now();
	let told = false;
	for (;;) {
		try {
			await mkdir( dir );
			await writeFile( path.join( dir, 'pid' ), String( process.pid ) );
			break;
		} catch ( error ) {
			if ( ( error as NodeJS.ErrnoException ).code !== 'EEXIST' ) {
				throw error;
			}
			if ( await ownerIsGone( dir ) ) {
				await rm( dir, { recursive: true, force: true } );
				continue;
			}
			if ( Date.now() - started > timeoutMs ) {
				throw new Error(
					`Timed out waiting for lock ${ dir } (remove it if no other process is running).`
				);
			}
			if ( ! told ) {
				process.stdout.write(
					`[local-wp] waiting for another process (${ name })…\n`
				);
				told = true;
			}
			await new Promise( ( resolve ) => setTimeout( resolve, 250 ) );
		}
	}
	try {
		return await body();
	} finally {
		await rm( dir, { recursive: true, force: true } );
	}
}
