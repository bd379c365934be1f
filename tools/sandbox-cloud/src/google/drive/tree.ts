import { type Dirent, lstatSync, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { isHidden } from '../../library/manifest';
import { expand, type LibraryAccess } from './extras';
import { fileId, MY_DRIVE_ROOT_ID, myDriveKey, rootId, sharedKey } from './ids';
import type { DriveItem, VirtualFolder } from './item';
import { MY_DRIVE_EXTRAS, SHARED_DRIVES, type SharedDriveSpec } from './layout';
import { FOLDER_MIME, mimeTypeOf } from './mime';

const FULL_WALK_INTERVAL_MS = 2000;

/**
 * The Drive view of the photo library: My Drive is the library's folder
 * tree (plus Drive-only items of `layout.ts`); shared drives are built from
 * the same files. Items are indexed by id and by parent, and a folder is
 * re-read only when its directory's mtime changes, so a folder of 5,000
 * photos lists without touching the disk again.
 */
export class DriveTree implements LibraryAccess {
	private items = new Map< string, DriveItem >();
	private listed = new Map< string, { mtimeMs: number; ids: string[] } >();
	private virtual = new Map< string, VirtualFolder >();
	private lastFullWalk = 0;
	readonly rootId = MY_DRIVE_ROOT_ID;
	readonly drives: DriveItem[];

	constructor( readonly libraryDir: string ) {
		this.items.set( this.rootId, {
			id: this.rootId,
			name: 'My Drive',
			kind: 'folder',
			mimeType: FOLDER_MIME,
			parentId: null,
			driveId: null,
			source: '',
			dir: '',
			trashed: false,
			explicitlyTrashed: false,
			time: null,
			target: null,
		} );
		this.drives = SHARED_DRIVES.map( ( spec ) => this.addDrive( spec ) );
	}

	private addDrive( spec: SharedDriveSpec ): DriveItem {
		const id = rootId( `shared:${ spec.name }` );
		const root: DriveItem = {
			id,
			name: spec.name,
			kind: 'folder',
			mimeType: FOLDER_MIME,
			parentId: null,
			driveId: id,
			source: null,
			dir: null,
			trashed: false,
			explicitlyTrashed: false,
			time: spec.createdTime,
			target: null,
		};
		this.items.set( id, root );
		this.virtual.set( id, {
			items: spec.items,
			photos: undefined,
			key: ( name ) => sharedKey( spec.name, `/${ name }` ),
			driveId: id,
			trashed: false,
		} );
		return root;
	}

	abs( libraryPath: string ): string {
		return join( this.libraryDir, libraryPath );
	}

	/**
	 * The item with this id, or null. Ids never seen by this process (after a
	 * restart) are found by walking the whole view, at most every 2 seconds.
	 */
	async get( id: string ): Promise< DriveItem | null > {
		const known = this.items.get( id );
		if ( known ) {
			return known;
		}
		if ( Date.now() - this.lastFullWalk < FULL_WALK_INTERVAL_MS ) {
			return null;
		}
		await this.all();
		return this.items.get( id ) ?? null;
	}

	/** Every item of every drive (roots excluded), up to date. */
	async all(): Promise< DriveItem[] > {
		this.lastFullWalk = Date.now();
		const out: DriveItem[] = [];
		const queue = [ this.rootId, ...this.drives.map( ( d ) => d.id ) ];
		while ( queue.length ) {
			for ( const child of await this.children( queue.shift()! ) ) {
				out.push( child );
				if ( child.kind === 'folder' ) {
					queue.push( child.id );
				}
			}
		}
		return out;
	}

	/**
	 * The children of a folder (trashed ones too), current with the disk.
	 */
	async children( folderId: string ): Promise< DriveItem[] > {
		// get(), not the map: a folder id this process has not seen yet
		// (after a restart, or before its parents were listed) still exists.
		const folder = await this.get( folderId );
		if ( ! folder || folder.kind !== 'folder' ) {
			return [];
		}
		const spec = this.virtual.get( folderId );
		if ( spec ) {
			return this.expand( folder, spec );
		}
		if ( folder.dir === null ) {
			return [];
		}
		let mtimeMs: number;
		try {
			mtimeMs = ( await stat( this.abs( folder.dir ) ) ).mtimeMs;
		} catch {
			return [];
		}
		const cached = this.listed.get( folderId );
		if ( cached && cached.mtimeMs === mtimeMs ) {
			return this.lookup( cached.ids );
		}
		let entries: Dirent[];
		try {
			entries = await readdir( this.abs( folder.dir ), {
				withFileTypes: true,
			} );
		} catch {
			return [];
		}
		const children: DriveItem[] = [];
		for ( const entry of entries ) {
			const isDir = entry.isDirectory();
			if ( isHidden( entry.name ) || ( ! isDir && ! entry.isFile() ) ) {
				continue;
			}
			const path = `${ folder.dir }/${ entry.name }`;
			children.push(
				this.remember( {
					id: fileId( myDriveKey( path ) ),
					name: entry.name,
					kind: isDir ? 'folder' : 'file',
					mimeType: isDir ? FOLDER_MIME : mimeTypeOf( entry.name ),
					parentId: folder.id,
					driveId: null,
					source: path,
					dir: isDir ? path : null,
					trashed: false,
					explicitlyTrashed: false,
					time: null,
					target: null,
				} )
			);
		}
		const dir = folder.dir;
		children.push(
			...( await this.expand( folder, {
				items: MY_DRIVE_EXTRAS[ dir ] ?? [],
				photos: undefined,
				key: ( name ) => myDriveKey( `${ dir }/${ name }` ),
				driveId: null,
				trashed: false,
			} ) )
		);
		this.listed.set( folderId, {
			mtimeMs,
			ids: children.map( ( c ) => c.id ),
		} );
		return children;
	}

	private lookup( ids: string[] ): DriveItem[] {
		return ids
			.map( ( id ) => this.items.get( id ) )
			.filter( ( item ): item is DriveItem => item !== undefined );
	}

	private remember( item: DriveItem ): DriveItem {
		this.items.set( item.id, item );
		return item;
	}

	/**
	 * Items of `layout.ts` in a folder, remembered by id; Drive-only folders among them become listable.
	 */
	private async expand(
		folder: DriveItem,
		spec: VirtualFolder
	): Promise< DriveItem[] > {
		const { items, folders } = await expand( folder, spec, this );
		for ( const [ id, virtual ] of folders ) {
			this.virtual.set( id, virtual );
		}
		return items.map( ( item ) => this.remember( item ) );
	}

	/**
	 * Stats of a library path (null: missing, or not a plain file or folder).
	 * Synchronous on purpose: a page of 1,000 files needs 1,000 stats, and
	 * each async call waits for the thread pool (~0.2 ms on a 2-core box)
	 * while a sync one takes microseconds.
	 */
	async statPath( libraryPath: string ): Promise< Stats | null > {
		const found = lstatSync( this.abs( libraryPath ), {
			throwIfNoEntry: false,
		} );
		return found && ( found.isFile() || found.isDirectory() )
			? found
			: null;
	}

	/**
	 * The stats of an item's file (or library folder); null for Drive-only
	 * items, and for items gone from disk.
	 */
	statOf( item: DriveItem ): Promise< Stats | null > {
		return item.source === null
			? Promise.resolve( null )
			: this.statPath( item.source );
	}

	/**
	 * Whether an item still exists (its file may have been deleted since it was listed).
	 */
	async stillThere( item: DriveItem ): Promise< boolean > {
		return item.source === null || ( await this.statOf( item ) ) !== null;
	}
}
