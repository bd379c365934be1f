import { dropboxTimestamp } from '../../shared/clock';
import { DebouncedWriter, readJson } from '../../shared/json-file';
import { sha1Hex } from '../../shared/random';
import type { ContentHashes } from './content-hash';
import type { Library, Node } from './library';
import type { MediaInfo } from './media-info';

export interface MetadataOptions {
	/** `.tag` is present where the field is typed `Metadata`, absent for `FileMetadata` (contract A1). */
	tag: boolean;
	mediaInfo?: boolean;
	explicitSharedMembers?: boolean;
}

const fold = ( s: string ) => s.normalize( 'NFC' ).toLowerCase();

/** Builds Dropbox metadata objects for library nodes, as seen from a root (the whole library or an app folder). */
export class MetadataService {
	/**
	 * Rev → library path of every revision this sandbox has shown. Kept on
	 * disk, so a `rev:` handed out before a restart still resolves (Dropbox
	 * never forgets one); checked against the file before use.
	 */
	private revs: Map< string, string >;
	private readonly writer: DebouncedWriter | null;

	constructor(
		readonly library: Library,
		private readonly hashes: ContentHashes,
		readonly media: MediaInfo,
		revsFile: string | null = null
	) {
		this.revs = new Map(
			revsFile
				? readJson< Array< [ string, string ] > >( revsFile, [] )
				: []
		);
		this.writer = revsFile
			? new DebouncedWriter( revsFile, () => [ ...this.revs ], 1000 )
			: null;
	}

	flush(): void {
		this.writer?.flush();
	}

	/**
	 * The path as the API shows it below `root`; null when the node is outside the root.
	 */
	displayPath( node: Pick< Node, 'rel' >, root: string ): string | null {
		if ( root === '' ) {
			return node.rel;
		}
		if ( fold( node.rel ) === fold( root ) ) {
			return '';
		}
		return fold( node.rel ).startsWith( fold( root ) + '/' )
			? node.rel.slice( root.length )
			: null;
	}

	/**
	 * Library path of a file that currently has this rev (for `rev:` paths).
	 */
	pathOfRev( rev: string ): string | undefined {
		return this.revs.get( rev );
	}

	async rev( node: Node ): Promise< string > {
		if ( node.revision ) {
			return node.revision.rev;
		}
		const hash = await this.hashes.get( node );
		const rev = sha1Hex(
			`${ this.library.id( node ) }|${ node.stat.size }|${ Math.floor( node.stat.mtimeMs ) }|${ hash }`
		).slice( 0, 15 );
		if ( this.revs.get( rev ) !== node.rel ) {
			this.revs.set( rev, node.rel );
			this.writer?.schedule();
		}
		return rev;
	}

	contentHash( node: Node ): Promise< string > {
		return this.hashes.get( node );
	}

	async of(
		node: Node,
		root: string,
		options: MetadataOptions
	): Promise< Record< string, unknown > > {
		const display = this.displayPath( node, root ) ?? node.rel;
		const common = {
			...( options.tag
				? { '.tag': node.isDir ? 'folder' : 'file' }
				: {} ),
			name: node.name,
			path_lower: display.toLowerCase(),
			path_display: display,
		};
		if ( node.isDir ) {
			return { ...common, id: this.library.id( node ) };
		}
		if ( node.revision ) {
			return this.ofRevision( node, common, options );
		}
		const modified = Math.floor( node.stat.mtimeMs );
		const metadata: Record< string, unknown > = {
			...common,
			id: this.library.id( node ),
			client_modified: dropboxTimestamp( modified ),
			server_modified: dropboxTimestamp(
				Math.max( modified, Math.floor( node.stat.ctimeMs ) )
			),
			rev: await this.rev( node ),
			size: node.stat.size,
			is_downloadable: true,
			content_hash: await this.hashes.get( node ),
		};
		if ( options.mediaInfo ) {
			const info = await this.media.mediaInfo( node );
			if ( info ) {
				metadata.media_info = info;
			}
		}
		if ( options.explicitSharedMembers ) {
			metadata.has_explicit_shared_members = false;
		}
		return metadata;
	}

	/**
	 * An earlier revision as it was: never through the id map, which follows
	 * the file that is there now.
	 */
	private async ofRevision(
		node: Node,
		common: Record< string, unknown >,
		options: MetadataOptions
	): Promise< Record< string, unknown > > {
		const revision = node.revision!;
		const metadata: Record< string, unknown > = {
			...common,
			id: revision.id,
			client_modified: revision.clientModified,
			server_modified: revision.serverModified,
			rev: revision.rev,
			size: revision.size,
			is_downloadable: true,
			content_hash: revision.contentHash,
		};
		if ( options.mediaInfo ) {
			const info = await this.media.mediaInfo( node );
			if ( info ) {
				metadata.media_info = info;
			}
		}
		return metadata;
	}

	/**
	 * Deleted entries in list_folder/continue change sets.
	 */
	deleted( display: string ): Record< string, unknown > {
		return {
			'.tag': 'deleted',
			name: display.split( '/' ).pop() ?? '',
			path_lower: display.toLowerCase(),
			path_display: display,
		};
	}
}
