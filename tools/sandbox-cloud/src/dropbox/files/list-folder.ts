import { lstat } from 'node:fs/promises';

import type { PagePlan } from '../../shared/page-plan';
import { sha1Hex } from '../../shared/random';
import { lookupError, routeError } from '../wire/errors';
import { CursorCodec, type CursorState } from './cursor';
import type { Node } from './library';
import { byKey, signature, sortKey } from './listing-order';
import type { MetadataService } from './metadata';

/** Page size when the caller gives no `limit` (Dropbox's own default is not documented). */
export const DEFAULT_LIMIT = 500;
const MAX_SNAPSHOTS = 64;
/** Sorted listings kept for their cursors: with pages of a few dozen entries, a big folder is read once, not once a page. */
const MAX_LISTINGS = 8;

interface SnapshotEntry {
	/** Library path (on-disk case). */
	rel: string;
	/** Changes when the entry changes: size/mtime/inode for files. */
	sig: string;
}

/** Library-lowercased path → entry, for everything a listing covers. */
type Snapshot = Map< string, SnapshotEntry >;

/** A listing in delivery order. */
type Keyed = Array< { node: Node; key: string } >;

export interface ListResult {
	entries: Record< string, unknown >[];
	cursor: string;
	has_more: boolean;
}

/** list_folder and list_folder/continue: stable cursors, real change sets. */
export class FolderLister {
	private snapshots = new Map< string, Snapshot >();
	private listings = new Map< string, Keyed >();
	private readonly codec: CursorCodec;

	constructor(
		private readonly meta: MetadataService,
		secret: string,
		private readonly plan: PagePlan
	) {
		this.codec = new CursorCodec( secret );
	}

	/**
	 * Entries the page a cursor state asks for holds (approximate, as on Dropbox: see PagePlan).
	 */
	private pageSize( state: CursorState ): number {
		return this.plan.size(
			JSON.stringify( state ),
			state.page ?? 0,
			state.limit
		);
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

	private keyed( nodes: Node[], root: string ): Keyed {
		return nodes
			.map( ( node ) => ( {
				node,
				key: sortKey( this.meta.displayPath( node, root ) ?? node.rel ),
			} ) )
			.sort( byKey );
	}

	private static listingKey( state: CursorState ): string {
		return `${ state.since }|${ state.root }|${ state.folder }|${ state.recursive }`;
	}

	private keep( state: CursorState, keyed: Keyed ): void {
		const key = FolderLister.listingKey( state );
		this.listings.delete( key );
		this.listings.set( key, keyed );
		while ( this.listings.size > MAX_LISTINGS ) {
			this.listings.delete( this.listings.keys().next().value as string );
		}
	}

	private async page(
		keyed: Keyed,
		root: string,
		after: string | null,
		size: number,
		mediaInfo: boolean
	) {
		const rest =
			after === null ? keyed : keyed.filter( ( e ) => e.key > after );
		const slice = rest.slice( 0, size );
		// A kept listing may name files deleted or changed since: serve what is on disk now.
		const fresh = await Promise.all(
			slice.map( async ( e ) => {
				const stat = await lstat( e.node.abs ).catch( () => null );
				return stat ? { ...e.node, stat } : null;
			} )
		);
		const entries = await Promise.all(
			fresh
				.filter( ( n ): n is Node => n !== null )
				.map( ( node ) =>
					this.meta.of( node, root, { tag: true, mediaInfo } )
				)
		);
		return {
			entries,
			last: slice.at( -1 )?.key ?? after,
			more: rest.length > size,
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
			page: 0,
		};
		const keyed = this.keyed( nodes, root );
		this.keep( state, keyed );
		return this.listPage( state, keyed );
	}

	private async listPage(
		state: CursorState,
		keyed: Keyed
	): Promise< ListResult > {
		const { entries, last, more } = await this.page(
			keyed,
			state.root,
			state.after,
			this.pageSize( state ),
			false
		);
		const next: CursorState = more
			? { ...state, after: last, page: ( state.page ?? 0 ) + 1 }
			: { ...state, mode: 'changes', after: null, page: 0 };
		return { entries, cursor: this.codec.encode( next ), has_more: more };
	}

	/**
	 * Decodes a cursor for `app` under `root`; null means "Invalid cursor" (400).
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
			let keyed = this.listings.get( FolderLister.listingKey( state ) );
			if ( ! keyed ) {
				keyed = this.keyed(
					await this.scan( folder, state.recursive ),
					state.root
				);
				this.keep( state, keyed );
			}
			return this.listPage( state, keyed );
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
		const size = this.pageSize( { ...state, until: untilId } );
		const slice = pending.slice( 0, size );
		const entries = (
			await Promise.all( slice.map( ( c ) => c.build() ) )
		).filter( ( e ): e is Record< string, unknown > => e !== null );
		const more = pending.length > size;
		const next: CursorState = more
			? {
					...state,
					mode: 'changes',
					after: slice.at( -1 )?.key ?? state.after,
					until: untilId,
					page: ( state.page ?? 0 ) + 1,
				}
			: {
					...state,
					mode: 'changes',
					after: null,
					since: untilId,
					until: null,
					page: 0,
				};
		return { entries, cursor: this.codec.encode( next ), has_more: more };
	}
}
