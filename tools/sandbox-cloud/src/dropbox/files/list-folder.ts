import { sha1Hex } from '../../shared/random';
import { lookupError, routeError } from '../wire/errors';
import { CursorCodec, type CursorState } from './cursor';
import type { Node } from './library';
import type { MetadataService } from './metadata';

/** Page size when the caller gives no `limit` (Dropbox's own default is not documented). */
export const DEFAULT_LIMIT = 500;
const MAX_SNAPSHOTS = 64;

interface SnapshotEntry {
	/** Library path (on-disk case). */
	rel: string;
	/** Changes when the entry changes: size/mtime/inode for files. */
	sig: string;
}

/** Library-lowercased path → entry, for everything a listing covers. */
type Snapshot = Map< string, SnapshotEntry >;

export interface ListResult {
	entries: Record< string, unknown >[];
	cursor: string;
	has_more: boolean;
}

function signature( node: Node ): string {
	return node.isDir
		? 'folder'
		: `${ node.stat.size }:${ Math.floor( node.stat.mtimeMs ) }:${ node.stat.ino }`;
}

/**
 * Entry order is unspecified on Dropbox: the sandbox uses a stable
 * pseudo-random order (so clients that assume name order fail here too),
 * with parents always before their children.
 * @param display
 */
function sortKey( display: string ): string {
	const depth = display.split( '/' ).length;
	return `${ String( depth ).padStart( 4, '0' ) }|${ sha1Hex( display.toLowerCase() ).slice( 0, 12 ) }|${ display.toLowerCase() }`;
}

/**
 * Orders entries by sort key (plain code-unit order, the same on every run).
 * @param a
 * @param a.key
 * @param b
 * @param b.key
 */
function byKey( a: { key: string }, b: { key: string } ): number {
	if ( a.key === b.key ) {
		return 0;
	}
	return a.key < b.key ? -1 : 1;
}

/** list_folder and list_folder/continue: stable cursors, real change sets. */
export class FolderLister {
	private snapshots = new Map< string, Snapshot >();
	private readonly codec: CursorCodec;

	constructor(
		private readonly meta: MetadataService,
		secret: string
	) {
		this.codec = new CursorCodec( secret );
	}

	private async scan( folder: Node, recursive: boolean ): Promise< Node[] > {
		if ( ! recursive ) {
			return this.meta.library.children( folder );
		}
		const nodes: Node[] = folder.rel === '' ? [] : [ folder ];
		for await ( const node of this.meta.library.walk( folder.rel ) ) {
			nodes.push( node );
		}
		return nodes;
	}

	/**
	 * Snapshot ids hash the content, so the same state always yields the same cursor.
	 * @param snapshot
	 */
	private remember( snapshot: Snapshot ): string {
		const lines = [ ...snapshot ]
			.map( ( [ k, e ] ) => `${ k }\u0000${ e.sig }` )
			.sort();
		const id = sha1Hex( lines.join( '\n' ) ).slice( 0, 16 );
		this.snapshots.delete( id );
		this.snapshots.set( id, snapshot );
		while ( this.snapshots.size > MAX_SNAPSHOTS ) {
			this.snapshots.delete(
				this.snapshots.keys().next().value as string
			);
		}
		return id;
	}

	private snapshotOf( nodes: Node[] ): Snapshot {
		return new Map(
			nodes.map( ( n ) => [
				n.rel.toLowerCase(),
				{ rel: n.rel, sig: signature( n ) },
			] )
		);
	}

	private async page(
		nodes: Node[],
		root: string,
		after: string | null,
		limit: number,
		mediaInfo: boolean
	) {
		const keyed = nodes
			.map( ( node ) => ( {
				node,
				key: sortKey( this.meta.displayPath( node, root ) ?? node.rel ),
			} ) )
			.filter( ( e ) => after === null || e.key > after )
			.sort( byKey );
		const slice = keyed.slice( 0, limit );
		const entries = await Promise.all(
			slice.map( ( e ) =>
				this.meta.of( e.node, root, { tag: true, mediaInfo } )
			)
		);
		return {
			entries,
			last: slice.at( -1 )?.key ?? after,
			more: keyed.length > limit,
		};
	}

	async start(
		app: string,
		root: string,
		folder: Node,
		recursive: boolean,
		limit: number | undefined
	): Promise< ListResult > {
		const nodes = await this.scan( folder, recursive );
		const since = this.remember( this.snapshotOf( nodes ) );
		const state: CursorState = {
			v: 1,
			app,
			root,
			folder: this.meta.library.id( folder ),
			recursive,
			limit: limit ?? DEFAULT_LIMIT,
			mode: 'page',
			after: null,
			since,
			until: null,
		};
		return this.listPage( state, nodes );
	}

	private async listPage(
		state: CursorState,
		nodes: Node[]
	): Promise< ListResult > {
		const { entries, last, more } = await this.page(
			nodes,
			state.root,
			state.after,
			state.limit,
			false
		);
		const next: CursorState = more
			? { ...state, after: last }
			: { ...state, mode: 'changes', after: null };
		return { entries, cursor: this.codec.encode( next ), has_more: more };
	}

	/**
	 * Decodes a cursor for `app` under `root`; null means "Invalid cursor" (400).
	 * @param cursor
	 * @param app
	 * @param root
	 */
	decode( cursor: string, app: string, root: string ): CursorState | null {
		const state = this.codec.decode( cursor );
		return state && state.app === app && state.root === root ? state : null;
	}

	async continue( state: CursorState ): Promise< ListResult > {
		const folder = await this.meta.library.resolveId( state.folder );
		if (
			! folder ||
			this.meta.displayPath( folder, state.root ) === null
		) {
			throw lookupError( 'not_found' );
		}
		if ( state.mode === 'page' && state.until === null ) {
			return this.listPage(
				state,
				await this.scan( folder, state.recursive )
			);
		}
		const since = this.snapshots.get( state.since );
		// A change set: everything that differs between snapshot `since` and `until` (taken now if new).
		if ( ! since ) {
			throw routeError( { '.tag': 'reset' } );
		}
		if ( state.until !== null ) {
			const until = this.snapshots.get( state.until );
			if ( ! until ) {
				throw routeError( { '.tag': 'reset' } );
			}
			return this.changePage( state, since, until, state.until );
		}
		const until = this.snapshotOf(
			await this.scan( folder, state.recursive )
		);
		return this.changePage( state, since, until, this.remember( until ) );
	}

	private async changePage(
		state: CursorState,
		since: Snapshot,
		until: Snapshot,
		untilId: string
	): Promise< ListResult > {
		const changes: Array< {
			key: string;
			build: () => Promise< Record< string, unknown > | null >;
		} > = [];
		for ( const [ lower, old ] of since ) {
			if ( until.has( lower ) ) {
				continue;
			}
			const display = this.meta.displayPath( old, state.root ) ?? old.rel;
			changes.push( {
				key: sortKey( display ),
				build: async () => this.meta.deleted( display ),
			} );
		}
		for ( const [ lower, now ] of until ) {
			if ( since.get( lower )?.sig === now.sig ) {
				continue;
			}
			const display = this.meta.displayPath( now, state.root ) ?? now.rel;
			changes.push( {
				key: sortKey( display ),
				build: async () => {
					const node = await this.meta.library.resolve( now.rel );
					return node
						? this.meta.of( node, state.root, { tag: true } )
						: this.meta.deleted( display );
				},
			} );
		}
		const pending = changes
			.filter( ( c ) => state.after === null || c.key > state.after )
			.sort( byKey );
		const slice = pending.slice( 0, state.limit );
		const entries = (
			await Promise.all( slice.map( ( c ) => c.build() ) )
		).filter( ( e ): e is Record< string, unknown > => e !== null );
		const more = pending.length > state.limit;
		const next: CursorState = more
			? {
					...state,
					mode: 'changes',
					after: slice.at( -1 )?.key ?? null,
					until: untilId,
				}
			: {
					...state,
					mode: 'changes',
					after: null,
					since: untilId,
					until: null,
				};
		return { entries, cursor: this.codec.encode( next ), has_more: more };
	}
}
