import type { Stats } from 'node:fs';
import { join } from 'node:path';

import { DebouncedWriter, readJson } from '../../shared/json-file';
import { sha256Hex } from '../../shared/random';

interface IdRecord {
	id: string;
	/** Library-relative path, in its on-disk case. */
	path: string;
	/** Inode, when the file has a single link (so it identifies the file). */
	ino?: number;
	/** Birth time of that inode: a freed inode handed out again is born anew. */
	born?: number;
}

/**
 * Stable Dropbox ids (`id:` + 22 characters) for files and folders on disk.
 * An id follows its inode, so renaming a file or folder on disk keeps it; a
 * file replaced at the same path (new inode) keeps the path's id, as an
 * overwrite does on Dropbox. The map is persisted, so ids survive restarts.
 */
export class IdMap {
	private byId = new Map< string, IdRecord >();
	private byIno = new Map< number, IdRecord >();
	private byPath = new Map< string, IdRecord >();
	private readonly writer: DebouncedWriter;

	constructor(
		stateDir: string,
		private readonly salt: string
	) {
		const file = join( stateDir, 'ids.json' );
		for ( const record of readJson< IdRecord[] >( file, [] ) ) {
			// Saved before birth times were: its inode may have been reused since.
			if ( record.born === undefined ) {
				delete record.ino;
			}
			this.index( record );
		}
		this.writer = new DebouncedWriter(
			file,
			() => [ ...this.byId.values() ],
			1000
		);
	}

	private index( record: IdRecord ): void {
		this.byId.set( record.id, record );
		this.byPath.set( record.path.toLowerCase(), record );
		if ( record.ino !== undefined ) {
			this.byIno.set( record.ino, record );
		}
	}

	/**
	 * The id for the entry at `path` (library-relative) with these stats.
	 */
	idFor( path: string, stat: Stats ): string {
		const ino =
			stat.nlink === 1 || stat.isDirectory() ? stat.ino : undefined;
		const lower = path.toLowerCase();
		const born = Math.floor( stat.birthtimeMs );
		let record = ino !== undefined ? this.byIno.get( ino ) : undefined;
		if ( record && record.born !== born ) {
			// Another file on a reused inode, not that one renamed.
			this.byIno.delete( ino! );
			delete record.ino;
			delete record.born;
			record = undefined;
		}
		if ( record ) {
			if ( record.path !== path ) {
				// Renamed (or moved) on disk: the id follows the inode.
				if ( this.byPath.get( record.path.toLowerCase() ) === record ) {
					this.byPath.delete( record.path.toLowerCase() );
				}
				record.path = path;
				this.byPath.set( lower, record );
				this.writer.schedule();
			}
			return `id:${ record.id }`;
		}
		record = this.byPath.get( lower );
		if ( record ) {
			if ( record.ino !== ino || record.born !== born ) {
				if ( record.ino !== undefined ) {
					this.byIno.delete( record.ino );
				}
				record.ino = ino;
				record.born = born;
				if ( ino !== undefined ) {
					this.byIno.set( ino, record );
				}
				this.writer.schedule();
			}
			return `id:${ record.id }`;
		}
		let id = Buffer.from( sha256Hex( `${ this.salt }:${ lower }` ), 'hex' )
			.subarray( 0, 16 )
			.toString( 'base64url' );
		while ( this.byId.has( id ) ) {
			id = Buffer.from( sha256Hex( `${ this.salt }:${ id }` ), 'hex' )
				.subarray( 0, 16 )
				.toString( 'base64url' );
		}
		record = { id, path, ino, born };
		this.index( record );
		this.writer.schedule();
		return `id:${ id }`;
	}

	/**
	 * Unbinds the inode of the file at `path` once it was replaced or deleted:
	 * the file system hands freed inodes out again, and a new file that got
	 * this one must not pass for this file renamed. The path keeps its id.
	 */
	release( path: string ): void {
		const record = this.byPath.get( path.toLowerCase() );
		if ( record?.ino === undefined ) {
			return;
		}
		if ( this.byIno.get( record.ino ) === record ) {
			this.byIno.delete( record.ino );
		}
		record.ino = undefined;
		delete record.born;
		this.writer.schedule();
	}

	/**
	 * Last known library path of an id (`id:` prefix optional), or undefined.
	 */
	pathOf( id: string ): string | undefined {
		return this.byId.get( id.replace( /^id:/, '' ) )?.path;
	}

	flush(): void {
		this.writer.flush();
	}
}
