import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';

import type { Node } from './library';

export const BLOCK_SIZE = 4 * 1024 * 1024;

/**
 * Dropbox content_hash: SHA-256 of the concatenated SHA-256 digests of 4 MiB blocks.
 */
export function contentHashOf( data: Buffer ): string {
	const digests: Buffer[] = [];
	for ( let at = 0; at < data.length; at += BLOCK_SIZE ) {
		digests.push(
			createHash( 'sha256' )
				.update( data.subarray( at, at + BLOCK_SIZE ) )
				.digest()
		);
	}
	return createHash( 'sha256' )
		.update( Buffer.concat( digests ) )
		.digest( 'hex' );
}

/** Files up to this size are read in one go (much faster than a stream per small photo). */
const READ_WHOLE_BYTES = 16 * 1024 * 1024;

async function hashFile( abs: string, size: number ): Promise< string > {
	if ( size <= READ_WHOLE_BYTES ) {
		return contentHashOf( await readFile( abs ) );
	}
	return hashStream( abs );
}

function hashStream( abs: string ): Promise< string > {
	return new Promise( ( resolve, reject ) => {
		const overall = createHash( 'sha256' );
		let block = createHash( 'sha256' );
		let inBlock = 0;
		const stream = createReadStream( abs, { highWaterMark: 1024 * 1024 } );
		stream.on( 'data', ( chunk: string | Buffer ) => {
			let data = typeof chunk === 'string' ? Buffer.from( chunk ) : chunk;
			while ( data.length ) {
				const take = Math.min( BLOCK_SIZE - inBlock, data.length );
				block.update( data.subarray( 0, take ) );
				inBlock += take;
				data = data.subarray( take );
				if ( inBlock === BLOCK_SIZE ) {
					overall.update( block.digest() );
					block = createHash( 'sha256' );
					inBlock = 0;
				}
			}
		} );
		stream.on( 'end', () => {
			if ( inBlock > 0 ) {
				overall.update( block.digest() );
			}
			resolve( overall.digest( 'hex' ) );
		} );
		stream.on( 'error', reject );
	} );
}

/** Per-file cache keyed by inode, size and mtime: files are hashed once until they change. */
export class ContentHashes {
	private cache = new Map< string, Promise< string > >();

	get( node: Node ): Promise< string > {
		const key = `${ node.abs }|${ node.stat.ino }|${ node.stat.size }|${ node.stat.mtimeMs }`;
		let hash = this.cache.get( key );
		if ( ! hash ) {
			hash = hashFile( node.abs, node.stat.size );
			hash.catch( () => this.cache.delete( key ) );
			this.cache.set( key, hash );
		}
		return hash;
	}
}
