import { lstat, readdir, stat as statOf } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join } from 'node:path';

import { isHidden } from '../../library/manifest';
import type { IdMap } from './id-map';
import type { StoredRevision } from './revisions';

/** A file or folder of the library, as the API sees it. */
export interface Node {
	abs: string;
	/** Library-relative path in on-disk case: `/Clients/Smith Wedding 2026`; the root is `""`. */
	rel: string;
	name: string;
	stat: Stats;
	isDir: boolean;
	/** Set for an earlier revision kept by the RevisionStore: `abs` is its copy. */
	revision?: StoredRevision;
}

/** Library entries the API never shows (shared with the Drive view). */
export { isHidden };

const fold = ( s: string ) => s.normalize( 'NFC' ).toLowerCase();

/**
 * The photo library on disk, addressed like a Dropbox: case-insensitive,
 * Unicode-normalized paths below a root (the whole library, or an app folder).
 */
export class Library {
	/** Case-folded name → on-disk name, per folder, valid while the folder's mtime holds. */
	private folded = new Map<
		string,
		{ mtimeMs: number; exact: Set< string >; byFold: Map< string, string > }
	>();
	/**
	 * When each unknown id last caused a full walk. Per id, so asking for a
	 * made-up id again stays cheap while a folder moved a moment after some
	 * other miss is still found.
	 */
	private lastWalkFor = new Map< string, number >();

	constructor(
		readonly dir: string,
		readonly ids: IdMap
	) {}

	/**
	 * The on-disk name in folder `dirRel` matching `part` case-insensitively.
	 */
	private async match(
		dirRel: string,
		part: string
	): Promise< string | null > {
		const abs = join( this.dir, dirRel );
		let mtimeMs: number;
		try {
			mtimeMs = ( await statOf( abs ) ).mtimeMs;
		} catch {
			return null;
		}
		let index = this.folded.get( abs );
		if ( ! index || index.mtimeMs !== mtimeMs ) {
			let names: string[];
			try {
				names = await readdir( abs );
			} catch {
				return null;
			}
			const byFold = new Map< string, string >();
			for ( const name of names ) {
				if ( ! byFold.has( fold( name ) ) ) {
					byFold.set( fold( name ), name );
				}
			}
			index = { mtimeMs, exact: new Set( names ), byFold };
			this.folded.set( abs, index );
			if ( this.folded.size > 1000 ) {
				this.folded.delete( this.folded.keys().next().value as string );
			}
		}
		return index.exact.has( part )
			? part
			: ( index.byFold.get( fold( part ) ) ?? null );
	}

	private async node( rel: string ): Promise< Node | null > {
		const abs = join( this.dir, rel );
		try {
			const stat = await lstat( abs );
			if (
				stat.isSymbolicLink() ||
				( ! stat.isFile() && ! stat.isDirectory() )
			) {
				return null;
			}
			return {
				abs,
				rel,
				name: rel.split( '/' ).pop() ?? '',
				stat,
				isDir: stat.isDirectory(),
			};
		} catch {
			return null;
		}
	}

	/**
	 * Resolves a library-relative path (`/a/b`, or `""` for the root).
	 */
	async resolve( rel: string ): Promise< Node | null > {
		if ( rel === '' ) {
			return this.node( '' );
		}
		if (
			! rel.startsWith( '/' ) ||
			rel
				.split( '/' )
				.slice( 1 )
				.some( ( p ) => p === '' || p === '.' || p === '..' )
		) {
			return null;
		}
		const exact = await this.node( rel.normalize( 'NFC' ) );
		if ( exact && ! rel.split( '/' ).some( isHidden ) ) {
			return exact;
		}
		// Case-insensitive walk, one component at a time.
		let current = '';
		for ( const part of rel.split( '/' ).slice( 1 ) ) {
			if ( isHidden( part ) ) {
				return null;
			}
			const match = await this.match( current, part );
			if ( ! match ) {
				return null;
			}
			current = `${ current }/${ match }`;
		}
		return this.node( current );
	}

	async resolveId( id: string ): Promise< Node | null > {
		const rel = this.ids.pathOf( id );
		if ( rel !== undefined ) {
			const node = await this.resolve( rel );
			if ( node && this.ids.idFor( node.rel, node.stat ) === id ) {
				return node;
			}
		}
		// Unknown or moved since last seen: walk the library to refresh the map
		// (at most every two seconds per id, so made-up ids stay cheap).
		if ( Date.now() - ( this.lastWalkFor.get( id ) ?? 0 ) < 2000 ) {
			return null;
		}
		if ( this.lastWalkFor.size > 1000 ) {
			this.lastWalkFor.clear();
		}
		this.lastWalkFor.set( id, Date.now() );
		for await ( const node of this.walk( '' ) ) {
			if ( this.ids.idFor( node.rel, node.stat ) === id ) {
				return node;
			}
		}
		return null;
	}

	async children( folder: Node ): Promise< Node[] > {
		let names: string[];
		try {
			names = await readdir( folder.abs );
		} catch {
			return [];
		}
		const nodes = await Promise.all(
			names
				.filter( ( n ) => ! isHidden( n ) )
				.map( ( n ) => this.node( `${ folder.rel }/${ n }` ) )
		);
		return nodes.filter( ( n ): n is Node => n !== null );
	}

	/**
	 * Every entry below `rel` (not `rel` itself), parents before children.
	 */
	async *walk( rel: string ): AsyncGenerator< Node > {
		const start = await this.resolve( rel );
		if ( ! start?.isDir ) {
			return;
		}
		const queue: Node[] = [ start ];
		while ( queue.length ) {
			const folder = queue.shift()!;
			for ( const child of await this.children( folder ) ) {
				yield child;
				if ( child.isDir ) {
					queue.push( child );
				}
			}
		}
	}

	id( node: Node ): string {
		return this.ids.idFor( node.rel, node.stat );
	}
}
