/**
 * The site's SQLite file and its fresh-install snapshot. SQLite runs in WAL
 * mode: a stale `-wal` next to a replaced database file would be replayed
 * into it, so the side files go whenever the main file is swapped.
 */
import { existsSync } from 'node:fs';
import { copyFile, rename, rm } from 'node:fs/promises';

const SIDE_FILES = [ '-wal', '-shm', '-journal' ];

export async function removeDatabase( dbFile: string ): Promise< void > {
	for ( const suffix of [ '', ...SIDE_FILES ] ) {
		await rm( dbFile + suffix, { force: true } );
	}
}

/**
 * Atomically replaces `dbFile` with a copy of `source`.
 * @param source Database file to copy.
 * @param dbFile The site's SQLite file.
 */
export async function restoreDatabase(
	source: string,
	dbFile: string
): Promise< void > {
	const tmp = `${ dbFile }.restoring-${ process.pid }`;
	await copyFile( source, tmp );
	for ( const suffix of SIDE_FILES ) {
		await rm( dbFile + suffix, { force: true } );
	}
	await rename( tmp, dbFile );
}

/**
 * Copies a closed database (no process using it) to `target`.
 * @param dbFile The site's SQLite file.
 * @param target Snapshot file to write.
 */
export async function snapshotDatabase(
	dbFile: string,
	target: string
): Promise< void > {
	if ( existsSync( `${ dbFile }-wal` ) ) {
		throw new Error(
			`${ dbFile }-wal exists: the database is still open or was not checkpointed; cannot snapshot it.`
		);
	}
	const tmp = `${ target }.tmp-${ process.pid }`;
	await copyFile( dbFile, tmp );
	await rename( tmp, target );
}
