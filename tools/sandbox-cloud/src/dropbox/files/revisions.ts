import { copyFile, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

import type { ChangeObserver, LibraryChange } from '../../library/changes';
import { readJson, writeJson } from '../../shared/json-file';
import type { Library, Node } from './library';
import type { MetadataService } from './metadata';

/** What an earlier revision of a file was, frozen when it was replaced or deleted. */
export interface StoredRevision {
	rev: string;
	id: string;
	/** Library-relative path the revision had. */
	rel: string;
	name: string;
	size: number;
	contentHash: string;
	clientModified: string;
	serverModified: string;
	/** Whether the file was deleted (rather than replaced) after this revision. */
	deleted: boolean;
}

/**
 * Dropbox keeps a file's earlier revisions, of deleted files too
 * (`files/list_revisions` lists them, `files/restore` brings one back) and
 * `rev:` paths address them (see README "Revisions"). Changes made through
 * the control API copy the outgoing revision here first; changes made on
 * disk by hand keep nothing, so their old `rev:`s are not found.
 */
export class RevisionStore implements ChangeObserver {
	private readonly index: Map< string, StoredRevision >;
	private readonly indexFile: string;

	constructor(
		private readonly dir: string,
		private readonly library: Library,
		private readonly meta: MetadataService
	) {
		this.indexFile = join( dir, 'index.json' );
		this.index = new Map(
			readJson< StoredRevision[] >( this.indexFile, [] ).map( ( r ) => [
				r.rev,
				r,
			] )
		);
	}

	async before( change: LibraryChange ): Promise< void > {
		if ( change.kind === 'added' ) {
			return;
		}
		const node = await this.library.resolve( change.path );
		if ( ! node || node.isDir ) {
			return;
		}
		const metadata = await this.meta.of( node, '', { tag: false } );
		const record: StoredRevision = {
			rev: metadata.rev as string,
			id: metadata.id as string,
			rel: node.rel,
			name: node.name,
			size: node.stat.size,
			contentHash: metadata.content_hash as string,
			clientModified: metadata.client_modified as string,
			serverModified: metadata.server_modified as string,
			deleted: change.kind === 'deleted',
		};
		await mkdir( this.dir, { recursive: true } );
		await copyFile( node.abs, this.blob( record.rev ) );
		this.index.set( record.rev, record );
		writeJson( this.indexFile, [ ...this.index.values() ] );
	}

	/**
	 * A node for an earlier revision, its bytes read from the store; null
	 * when the sandbox kept no such revision.
	 */
	async node( rev: string ): Promise< Node | null > {
		const revision = this.index.get( rev );
		if ( ! revision ) {
			return null;
		}
		const abs = this.blob( rev );
		const blobStat = await stat( abs ).catch( () => null );
		if ( ! blobStat ) {
			return null;
		}
		return {
			abs,
			rel: revision.rel,
			name: revision.name,
			stat: blobStat,
			isDir: false,
			revision,
		};
	}

	private blob( rev: string ): string {
		return join( this.dir, `${ rev }.bin` );
	}
}
