import { readFile } from 'node:fs/promises';

import sharp from 'sharp';

import {
	buildExifPayload,
	type ExifFields,
	spliceJpegExif,
} from '../shared/exif';
import { makePdf } from './documents';
import type { SourcePhoto } from './photo-sources';

export type Transform =
	| 'none'
	| 'portrait'
	| 'orientation-3'
	| 'orientation-6'
	| 'orientation-8'
	| 'strip-exif';

export type Recipe =
	| {
			kind: 'jpeg';
			source: SourcePhoto;
			transform?: Transform;
			exif?: ExifFields;
	  }
	/** Re-encoded at full quality and padded so it is over 20 MiB: gets no thumbnail. */
	| { kind: 'huge-jpeg'; source: SourcePhoto; exif?: ExifFields }
	| { kind: 'png'; source: SourcePhoto; width: number }
	| { kind: 'webp'; source: SourcePhoto; width: number }
	| { kind: 'heic'; source: SourcePhoto; width: number }
	| { kind: 'pdf'; title: string; lines: string[] }
	| { kind: 'txt'; text: string }
	| { kind: 'folder' };

const TWENTY_MIB = 20 * 1024 * 1024;

/**
 * Pads a JPEG with comment segments (which every decoder skips) up to `minBytes`.
 */
function padJpeg( jpeg: Buffer, minBytes: number ): Buffer {
	if ( jpeg.length >= minBytes ) {
		return jpeg;
	}
	const parts: Buffer[] = [ jpeg.subarray( 0, 2 ) ];
	let size = jpeg.length;
	const chunk = Buffer.alloc( 65535 + 2, 0x20 );
	chunk.writeUInt16BE( 0xfffe, 0 );
	chunk.writeUInt16BE( 65535, 2 );
	while ( size < minBytes ) {
		parts.push( chunk );
		size += chunk.length;
	}
	parts.push( jpeg.subarray( 2 ) );
	return Buffer.concat( parts );
}

async function transformed(
	file: string,
	transform: Transform
): Promise< { data: Buffer; orientation: number } > {
	switch ( transform ) {
		case 'portrait': {
			const meta = await sharp( file ).metadata();
			const height = meta.height ?? 1;
			const width = Math.min(
				meta.width ?? 1,
				Math.round( ( height * 2 ) / 3 )
			);
			const left = Math.floor( ( ( meta.width ?? width ) - width ) / 2 );
			const data = await sharp( file )
				.extract( { left, top: 0, width, height } )
				.jpeg( { quality: 88 } )
				.toBuffer();
			return { data, orientation: 1 };
		}
		// Stored sideways or upside down; the EXIF orientation tells viewers how to turn it upright.
		case 'orientation-3':
			return {
				data: await sharp( file )
					.rotate( 180 )
					.jpeg( { quality: 88 } )
					.toBuffer(),
				orientation: 3,
			};
		case 'orientation-6':
			return {
				data: await sharp( file )
					.rotate( 270 )
					.jpeg( { quality: 88 } )
					.toBuffer(),
				orientation: 6,
			};
		case 'orientation-8':
			return {
				data: await sharp( file )
					.rotate( 90 )
					.jpeg( { quality: 88 } )
					.toBuffer(),
				orientation: 8,
			};
		default:
			return { data: await readFile( file ), orientation: 1 };
	}
}

/**
 * Produces the bytes of one library item (null for a folder).
 */
export async function produce(
	recipe: Recipe,
	pathOf: ( photo: SourcePhoto ) => string
): Promise< Buffer | null > {
	switch ( recipe.kind ) {
		case 'folder':
			return null;
		case 'txt':
			return Buffer.from( recipe.text, 'utf8' );
		case 'pdf':
			return makePdf( recipe.title, recipe.lines );
		case 'jpeg': {
			const { data, orientation } = await transformed(
				pathOf( recipe.source ),
				recipe.transform ?? 'none'
			);
			if ( recipe.transform === 'strip-exif' ) {
				return spliceJpegExif( data, null );
			}
			return spliceJpegExif(
				data,
				buildExifPayload( { ...recipe.exif, orientation } )
			);
		}
		case 'huge-jpeg': {
			const data = await sharp( pathOf( recipe.source ) )
				.jpeg( { quality: 100, chromaSubsampling: '4:4:4' } )
				.toBuffer();
			return padJpeg(
				spliceJpegExif(
					data,
					buildExifPayload( { ...recipe.exif, orientation: 1 } )
				),
				TWENTY_MIB + 512 * 1024
			);
		}
		case 'png':
			return sharp( pathOf( recipe.source ) )
				.resize( { width: recipe.width } )
				.png( { compressionLevel: 6 } )
				.toBuffer();
		case 'webp':
			return sharp( pathOf( recipe.source ) )
				.resize( { width: recipe.width } )
				.webp( { quality: 82 } )
				.toBuffer();
		case 'heic':
			// sharp writes HEIF with AV1 only; any HEIF container is fine: the API answers unsupported_extension.
			return sharp( pathOf( recipe.source ) )
				.resize( { width: recipe.width } )
				.heif( { compression: 'av1', quality: 45, effort: 0 } )
				.toBuffer();
	}
}
