import { lstat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import type { Clock } from '../../shared/clock';
import { readJson, writeJson } from '../../shared/json-file';
import type { ChangeObserver, LibraryChange } from '../../library/changes';
import { fileId, MY_DRIVE_ROOT_ID, myDriveKey } from './ids';

/** One recorded change: which item, under which folder, when. */
export interface ChangeEntry {
	/** The change's number; a page token names the first change it returns. */
	seq: number;
	fileId: string;
	/** The folder whose children hold (or held) the item. */
	parentId: string;
	/** Sandbox clock, ms. */
	time: number;
}

interface LogFile {
	next: number;
	entries: ChangeEntry[];
}

/** The id of the My Drive folder of a library folder path ("" is My Drive's root). */
export function folderIdOf( libraryDir: string ): string {
	return libraryDir === '' || libraryDir === '/'
		? MY_DRIVE_ROOT_ID
		: fileId( myDriveKey( libraryDir ) );
}

/**
 * Drive's change log of the user's corpus (`<dataDir>/google/changes.json`,
 * kept across restarts, since Drive documents that page tokens do not
 * expire). Every change the control API makes to the library is recorded:
 * the file, and the folders a new file's upload created. Numbers start at
 * 1 and only grow, so a start page token is the number the next change
 * will get.
 */
export class DriveChangeLog implements ChangeObserver {
	private log: LogFile;
	/** Folders an upload is about to create, by the change that creates them. */
	private pending = new WeakMap< LibraryChange, string[] >();

	constructor(
		private readonly dir: string,
		private readonly libraryDir: string,
		private readonly clock: Clock
	) {
		this.log = readJson< LogFile >( join( dir, 'changes.json' ), {
			next: 1,
			entries: [],
		} );
	}

	/** The page token of changes not made yet. */
	get startToken(): number {
		return this.log.next;
	}

	/** Every change numbered `from` or later, oldest first. */
	since( from: number ): ChangeEntry[] {
		return this.log.entries.filter( ( e ) => e.seq >= from );
	}

	async before( change: LibraryChange ): Promise< void > {
		if ( change.kind !== 'added' ) {
			return;
		}
		const created: string[] = [];
		for (
			let dir = dirname( change.path );
			dir !== '/' && dir !== '.';
			dir = dirname( dir )
		) {
			const there = await lstat( join( this.libraryDir, dir ) ).catch(
				() => null
			);
			if ( there ) {
				break;
			}
			created.unshift( dir );
		}
		this.pending.set( change, created );
	}

	async after( change: LibraryChange ): Promise< void > {
		for ( const dir of this.pending.get( change ) ?? [] ) {
			this.record(
				fileId( myDriveKey( dir ) ),
				folderIdOf( dirname( dir ) )
			);
		}
		this.record(
			fileId( myDriveKey( change.path ) ),
			folderIdOf( dirname( change.path ) )
		);
		writeJson( join( this.dir, 'changes.json' ), this.log );
	}

	private record( id: string, parentId: string ): void {
		this.log.entries.push( {
			seq: this.log.next++,
			fileId: id,
			parentId,
			time: this.clock.now(),
		} );
	}
}
