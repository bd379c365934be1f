import { createHash } from 'node:crypto';
import {
	closeSync,
	createReadStream,
	openSync,
	readSync,
	type Stats,
} from 'node:fs';

import sharp from 'sharp';

import { parseExif } from '../../shared/exif';

/** `imageMediaMetadata` as Drive reports it (contract B4.1). */
export interface ImageFacts {
	/** As stored: Drive does not swap them for EXIF orientation; `rotation` tells. */
	width: number;
	height: number;
	/** Clockwise quarter turns from EXIF orientation (6 → 1, 3 → 2, 8 → 3). */
	rotation: number;
	/** EXIF DateTimeOriginal as written: `YYYY:MM:DD HH:MM:SS`. */
	time?: string;
	cameraMake?: string;
	cameraModel?: string;
	location?: { latitude: number; longitude: number };
}

export interface Checksums {
	md5: string;
	sha1: string;
	sha256: string;
}

/** EXIF orientation → Drive's rotation; mirrored orientations turn like their unmirrored twin. */
const ROTATION: Record< number, number > = {
	1: 0,
	2: 0,
	3: 2,
	4: 2,
	5: 1,
	6: 1,
	7: 3,
	8: 3,
};

/** Enough of a JPEG to reach its frame header in practice (EXIF blocks are under 64 KiB). */
const JPEG_HEAD_BYTES = 128 * 1024;

/**
 * Stored size and the EXIF block of a JPEG, read from its first bytes
 * (sharp reads headers through libvips, about 1 ms a file, which a page of
 * 1,000 photos notices). null when the frame header is not within reach.
 * Synchronous on purpose: a small read costs microseconds, while each
 * async fs call waits for the thread pool (~0.2 ms here).
 */
function jpegHeader(
	abs: string,
	size: number
): { width: number; height: number; exif?: Buffer } | null {
	const head = Buffer.allocUnsafe( Math.min( size, JPEG_HEAD_BYTES ) );
	const fd = openSync( abs, 'r' );
	try {
		readSync( fd, head, 0, head.length, 0 );
	} finally {
		closeSync( fd );
	}
	if ( head[ 0 ] !== 0xff || head[ 1 ] !== 0xd8 ) {
		return null;
	}
	let exif: Buffer | undefined;
	let at = 2;
	while ( at + 9 < head.length && head[ at ] === 0xff ) {
		const marker = head[ at + 1 ]!;
		const length = head.readUInt16BE( at + 2 );
		// SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
		if (
			marker >= 0xc0 &&
			marker <= 0xcf &&
			! [ 0xc4, 0xc8, 0xcc ].includes( marker )
		) {
			return {
				height: head.readUInt16BE( at + 5 ),
				width: head.readUInt16BE( at + 7 ),
				exif,
			};
		}
		if (
			marker === 0xe1 &&
			head.toString( 'latin1', at + 4, at + 10 ) === 'Exif\0\0'
		) {
			exif = head.subarray( at + 4, at + 2 + length );
		}
		at += 2 + length;
	}
	return null;
}

async function readImage(
	abs: string,
	size: number
): Promise< ImageFacts | null > {
	let header = null;
	if ( /\.jpe?g$/i.test( abs ) ) {
		try {
			header = jpegHeader( abs, size );
		} catch {
			// Unreadable here: sharp gets the last word.
		}
	}
	const meta: {
		width?: number;
		height?: number;
		exif?: Buffer;
		orientation?: number;
	} = header ?? ( await sharp( abs ).metadata() );
	if ( ! meta.width || ! meta.height ) {
		return null;
	}
	const exif = parseExif( meta.exif );
	const orientation = meta.orientation ?? exif.orientation ?? 1;
	const out: ImageFacts = {
		width: meta.width,
		height: meta.height,
		rotation: ROTATION[ orientation ] ?? 0,
	};
	if ( exif.dateTimeOriginal ) {
		out.time = exif.dateTimeOriginal;
	}
	if ( exif.make ) {
		out.cameraMake = exif.make;
	}
	if ( exif.model ) {
		out.cameraModel = exif.model;
	}
	if ( exif.gps ) {
		out.location = {
			latitude: Math.round( exif.gps.latitude * 1e6 ) / 1e6,
			longitude: Math.round( exif.gps.longitude * 1e6 ) / 1e6,
		};
	}
	return out;
}

const versionKey = ( abs: string, stat: Stats ) =>
	`${ abs }|${ stat.ino }|${ stat.size }|${ stat.mtimeMs }`;

function hashFile( abs: string ): Promise< Checksums > {
	return new Promise( ( resolve, reject ) => {
		const md5 = createHash( 'md5' );
		const sha1 = createHash( 'sha1' );
		const sha256 = createHash( 'sha256' );
		createReadStream( abs, { highWaterMark: 1024 * 1024 } )
			.on( 'data', ( chunk ) => {
				md5.update( chunk );
				sha1.update( chunk );
				sha256.update( chunk );
			} )
			.on( 'end', () =>
				resolve( {
					md5: md5.digest( 'hex' ),
					sha1: sha1.digest( 'hex' ),
					sha256: sha256.digest( 'hex' ),
				} )
			)
			.on( 'error', reject );
	} );
}

/**
 * Facts Drive computes at upload (image metadata, checksums), computed here
 * on first request and cached per file version, so only what a `fields`
 * selection asks for costs anything.
 */
export class FileFacts {
	private images = new Map< string, Promise< ImageFacts | null > >();
	private sums = new Map< string, Promise< Checksums > >();

	image( abs: string, stat: Stats ): Promise< ImageFacts | null > {
		const key = versionKey( abs, stat );
		let facts = this.images.get( key );
		if ( ! facts ) {
			facts = readImage( abs, stat.size ).catch( () => null );
			this.images.set( key, facts );
		}
		return facts;
	}

	checksums( abs: string, stat: Stats ): Promise< Checksums > {
		const key = versionKey( abs, stat );
		let sums = this.sums.get( key );
		if ( ! sums ) {
			sums = hashFile( abs );
			sums.catch( () => this.sums.delete( key ) );
			this.sums.set( key, sums );
		}
		return sums;
	}
}
