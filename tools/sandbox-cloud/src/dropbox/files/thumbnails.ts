import { existsSync, mkdirSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import sharp from 'sharp';

import { sha1Hex } from '../../shared/random';
import type { Node } from './library';
import { extensionOf, type MediaInfo } from './media-info';

/** Extensions Dropbox thumbnails (spec route doc); HEIC is not among them. */
export const THUMBNAIL_EXTENSIONS = new Set( [
	'jpg',
	'jpeg',
	'png',
	'tiff',
	'tif',
	'gif',
	'webp',
	'ppm',
	'bmp',
] );
/** "Photos that are larger than 20MB in size won't be converted to a thumbnail." */
export const MAX_THUMBNAIL_SOURCE_BYTES = 20 * 1024 * 1024;

export const SIZES: Record< string, [ number, number ] > = {
	w32h32: [ 32, 32 ],
	w64h64: [ 64, 64 ],
	w128h128: [ 128, 128 ],
	w256h256: [ 256, 256 ],
	w480h320: [ 480, 320 ],
	w640h480: [ 640, 480 ],
	w960h640: [ 960, 640 ],
	w1024h768: [ 1024, 768 ],
	w2048h1536: [ 2048, 1536 ],
};

export type ThumbnailMode =
	'strict' | 'bestfit' | 'fitone_bestfit' | 'original';
export type ThumbnailFormat = 'jpeg' | 'png' | 'webp';

/** A ThumbnailError / ThumbnailV2Error tag. */
export class ThumbnailFailure extends Error {
	constructor(
		readonly tag:
			'unsupported_extension' | 'unsupported_image' | 'conversion_error'
	) {
		super( tag );
	}
}

/**
 * Output size for an image of (width × height) as displayed. Thumbnails only
 * ever scale down:
 * - strict: fit inside the box;
 * - bestfit: fit inside the box or its transpose, whichever is larger;
 * - fitone_bestfit: cover the box or its transpose, whichever is smaller;
 * - original: no resizing.
 */
export function targetSize(
	width: number,
	height: number,
	size: string,
	mode: ThumbnailMode
): [ number, number ] {
	const [ bw, bh ] = SIZES[ size ] ?? [ 64, 64 ];
	const scaleToFit = ( w: number, h: number ) =>
		Math.min( w / width, h / height );
	const cover = ( w: number, h: number ) => Math.max( w / width, h / height );
	let scale: number;
	switch ( mode ) {
		case 'strict':
			scale = scaleToFit( bw, bh );
			break;
		case 'bestfit':
			scale = Math.max( scaleToFit( bw, bh ), scaleToFit( bh, bw ) );
			break;
		case 'fitone_bestfit':
			scale = Math.min( cover( bw, bh ), cover( bh, bw ) );
			break;
		default:
			scale = 1;
	}
	scale = Math.min( 1, scale );
	return [
		Math.max( 1, Math.round( width * scale ) ),
		Math.max( 1, Math.round( height * scale ) ),
	];
}

/** Renders thumbnails with sharp and keeps them on disk, so big test runs stay fast. */
export class Thumbnailer {
	private inFlight = new Map< string, Promise< Buffer > >();

	constructor(
		private readonly cacheDir: string,
		private readonly media: MediaInfo
	) {
		mkdirSync( cacheDir, { recursive: true } );
	}

	async render(
		node: Node,
		size: string,
		mode: ThumbnailMode,
		format: ThumbnailFormat
	): Promise< Buffer > {
		if ( ! THUMBNAIL_EXTENSIONS.has( extensionOf( node.name ) ) ) {
			throw new ThumbnailFailure( 'unsupported_extension' );
		}
		if ( node.stat.size > MAX_THUMBNAIL_SOURCE_BYTES ) {
			throw new ThumbnailFailure( 'unsupported_image' );
		}
		const key = sha1Hex(
			[
				node.abs,
				node.stat.ino,
				node.stat.size,
				node.stat.mtimeMs,
				size,
				mode,
				format,
			].join( '|' )
		);
		const file = join(
			this.cacheDir,
			key.slice( 0, 2 ),
			`${ key }.${ format }`
		);
		let job = this.inFlight.get( key );
		if ( ! job ) {
			job = this.renderToCache( node, size, mode, format, file ).finally(
				() => this.inFlight.delete( key )
			);
			this.inFlight.set( key, job );
		}
		return job;
	}

	private async renderToCache(
		node: Node,
		size: string,
		mode: ThumbnailMode,
		format: ThumbnailFormat,
		file: string
	): Promise< Buffer > {
		if ( existsSync( file ) ) {
			return readFile( file );
		}
		const facts = await this.media.facts( node );
		if ( ! facts ) {
			throw new ThumbnailFailure( 'unsupported_image' );
		}
		const [ width, height ] = targetSize(
			facts.width,
			facts.height,
			size,
			mode
		);
		let data: Buffer;
		try {
			let image = sharp( node.abs, { failOn: 'error' } ).rotate();
			if ( width !== facts.width || height !== facts.height ) {
				image = image.resize( width, height, { fit: 'fill' } );
			}
			if ( format === 'jpeg' ) {
				data = await image
					.flatten( { background: '#ffffff' } )
					.jpeg( { quality: 80 } )
					.toBuffer();
			} else if ( format === 'png' ) {
				data = await image.png().toBuffer();
			} else {
				data = await image.webp( { quality: 80 } ).toBuffer();
			}
		} catch {
			throw new ThumbnailFailure( 'unsupported_image' );
		}
		mkdirSync( join( file, '..' ), { recursive: true } );
		const tmp = `${ file }.${ process.pid }.tmp`;
		await writeFile( tmp, data );
		await rename( tmp, file );
		return data;
	}
}
