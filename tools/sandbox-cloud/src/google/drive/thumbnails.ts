import type { Stats } from 'node:fs';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import sharp from 'sharp';

import type { Clock } from '../../shared/clock';
import { hmac, safeEqual, sha1Hex } from '../../shared/random';

/** thumbnailLink lives "on the order of hours" (contract B4.1); the sandbox says 6. */
export const THUMBNAIL_LINK_LIFETIME_MS = 6 * 3600 * 1000;
const PREFIX = 'AJQWtB';

/** A size suffix: `=s220`, `=w800-h600`, `=w800`, `=h600`, optionally `-c` (crop to the box). */
export interface ThumbnailSize {
	width: number | null;
	height: number | null;
	/** Longest edge (`sNNN`); 0 = original size. */
	longest: number | null;
	crop: boolean;
}

/**
 * Parses the part after `=`; null when it is not a size the sandbox serves.
 */
export function parseSize( suffix: string | null ): ThumbnailSize | null {
	const size: ThumbnailSize = {
		width: null,
		height: null,
		longest: suffix === null ? 220 : null,
		crop: false,
	};
	for ( const option of suffix?.split( '-' ) ?? [] ) {
		const m = /^([swh])(\d{1,5})$/.exec( option );
		if ( option === 'c' ) {
			size.crop = true;
		} else if ( m ) {
			const n = Number( m[ 2 ] );
			if ( m[ 1 ] === 's' ) {
				size.longest = n;
			} else if ( m[ 1 ] === 'w' ) {
				size.width = n;
			} else {
				size.height = n;
			}
		} else {
			return null;
		}
	}
	if (
		size.longest === null &&
		size.width === null &&
		size.height === null
	) {
		return null;
	}
	return size;
}

/**
 * Output size for an upright image of width × height: never larger than the original.
 */
export function thumbnailBox(
	width: number,
	height: number,
	size: ThumbnailSize
): [ number, number ] {
	const cap = ( w: number, h: number ): [ number, number ] => {
		const scale = Math.min( 1, width / w, height / h );
		return [
			Math.max( 1, Math.round( w * scale ) ),
			Math.max( 1, Math.round( h * scale ) ),
		];
	};
	if ( size.crop ) {
		const w = size.width ?? size.longest ?? size.height ?? width;
		const h = size.height ?? size.longest ?? size.width ?? height;
		return cap( w || width, h || height );
	}
	let scale: number;
	if ( size.longest !== null ) {
		scale =
			size.longest === 0 ? 1 : size.longest / Math.max( width, height );
	} else if ( size.width !== null && size.height !== null ) {
		scale = Math.min( size.width / width, size.height / height );
	} else if ( size.width !== null ) {
		scale = size.width / width;
	} else {
		scale = ( size.height ?? height ) / height;
	}
	scale = Math.min( 1, scale );
	return [
		Math.max( 1, Math.round( width * scale ) ),
		Math.max( 1, Math.round( height * scale ) ),
	];
}

/**
 * thumbnailLink URLs: `<thumbBase>/drive-storage/<opaque>=s220`, the opaque
 * part a signed (file id, expiry), so links survive restarts and die 6 hours
 * after the call that returned them (sandbox clock).
 */
export class ThumbnailLinks {
	constructor(
		private readonly secret: string,
		private readonly clock: Clock,
		private readonly thumbBase: string
	) {}

	link( fileId: string ): string {
		const body = Buffer.from(
			JSON.stringify( {
				f: fileId,
				e: this.clock.now() + THUMBNAIL_LINK_LIFETIME_MS,
			} )
		).toString( 'base64url' );
		return `${ this.thumbBase }/drive-storage/${ PREFIX }${ body }${ this.mac(
			body
		) }=s220`;
	}

	decode( opaque: string ): { fileId: string; expiresAt: number } | null {
		if (
			! opaque.startsWith( PREFIX ) ||
			opaque.length < PREFIX.length + 23
		) {
			return null;
		}
		const rest = opaque.slice( PREFIX.length );
		const body = rest.slice( 0, -22 );
		if ( ! safeEqual( rest.slice( -22 ), this.mac( body ) ) ) {
			return null;
		}
		try {
			const { f, e } = JSON.parse(
				Buffer.from( body, 'base64url' ).toString( 'utf8' )
			) as { f: unknown; e: unknown };
			return typeof f === 'string' && typeof e === 'number'
				? { fileId: f, expiresAt: e }
				: null;
		} catch {
			return null;
		}
	}

	private mac( body: string ): string {
		return hmac( this.secret, `thumb:${ body }` )
			.subarray( 0, 16 )
			.toString( 'base64url' );
	}
}

/** Renders JPEG thumbnails with sharp (upright, never upscaled) and keeps them on disk. */
export class DriveThumbnails {
	private inFlight = new Map< string, Promise< Buffer | null > >();

	constructor( private readonly cacheDir: string ) {
		mkdirSync( cacheDir, { recursive: true } );
	}

	/**
	 * The thumbnail bytes, or null when the image cannot be decoded.
	 */
	render(
		abs: string,
		stat: Stats,
		size: ThumbnailSize
	): Promise< Buffer | null > {
		const key = sha1Hex(
			[
				abs,
				stat.ino,
				stat.size,
				stat.mtimeMs,
				JSON.stringify( size ),
			].join( '|' )
		);
		let job = this.inFlight.get( key );
		if ( ! job ) {
			job = this.renderToCache(
				abs,
				size,
				join( this.cacheDir, key.slice( 0, 2 ), `${ key }.jpg` )
			).finally( () => this.inFlight.delete( key ) );
			this.inFlight.set( key, job );
		}
		return job;
	}

	private async renderToCache(
		abs: string,
		size: ThumbnailSize,
		file: string
	): Promise< Buffer | null > {
		if ( existsSync( file ) ) {
			return readFile( file );
		}
		let data: Buffer;
		try {
			const meta = await sharp( abs ).metadata();
			const width = meta.autoOrient?.width ?? meta.width;
			const height = meta.autoOrient?.height ?? meta.height;
			if ( ! width || ! height ) {
				return null;
			}
			const [ w, h ] = thumbnailBox( width, height, size );
			data = await sharp( abs, { failOn: 'error' } )
				.rotate()
				.resize( w, h, { fit: size.crop ? 'cover' : 'fill' } )
				.flatten( { background: '#ffffff' } )
				.jpeg( { quality: 80 } )
				.toBuffer();
		} catch {
			return null;
		}
		mkdirSync( join( file, '..' ), { recursive: true } );
		const tmp = `${ file }.${ process.pid }.tmp`;
		await writeFile( tmp, data );
		await rename( tmp, file );
		return data;
	}
}
