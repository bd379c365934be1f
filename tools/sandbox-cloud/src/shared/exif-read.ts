/**
 * Reading the EXIF fields a gallery cares about (orientation, date taken,
 * camera, GPS) from the raw block sharp returns. Never throws.
 */
import type { ExifFields } from './exif';

const TYPE_SIZE: Record< number, number > = {
	1: 1,
	2: 1,
	3: 2,
	4: 4,
	5: 8,
	7: 1,
	9: 4,
	10: 8,
};

interface Reader {
	u16: ( at: number ) => number;
	u32: ( at: number ) => number;
}

function readIfd(
	tiff: Buffer,
	r: Reader,
	offset: number
): Map< number, { type: number; count: number; at: number } > {
	const tags = new Map<
		number,
		{ type: number; count: number; at: number }
	>();
	if ( offset <= 0 || offset + 2 > tiff.length ) {
		return tags;
	}
	const n = r.u16( offset );
	for ( let i = 0; i < n; i++ ) {
		const at = offset + 2 + i * 12;
		if ( at + 12 > tiff.length ) {
			break;
		}
		const type = r.u16( at + 2 );
		const count = r.u32( at + 4 );
		const size = ( TYPE_SIZE[ type ] ?? 1 ) * count;
		tags.set( r.u16( at ), {
			type,
			count,
			at: size <= 4 ? at + 8 : r.u32( at + 8 ),
		} );
	}
	return tags;
}

/**
 * Parses an EXIF block (with or without the `Exif\0\0` prefix). Never throws.
 */
export function parseExif( input: Buffer | undefined ): ExifFields {
	const result: ExifFields = {};
	if ( ! input || input.length < 8 ) {
		return result;
	}
	try {
		const tiff =
			input.subarray( 0, 6 ).toString( 'latin1' ) === 'Exif\0\0'
				? input.subarray( 6 )
				: input;
		const little = tiff.toString( 'latin1', 0, 2 ) === 'II';
		const r: Reader = {
			u16: ( at ) =>
				little ? tiff.readUInt16LE( at ) : tiff.readUInt16BE( at ),
			u32: ( at ) =>
				little ? tiff.readUInt32LE( at ) : tiff.readUInt32BE( at ),
		};
		const text = ( t?: { count: number; at: number } ) =>
			t
				? tiff
						.toString( 'latin1', t.at, t.at + t.count )
						.replace( /\0.*$/s, '' )
						.trim()
				: undefined;
		const ifd0 = readIfd( tiff, r, r.u32( 4 ) );
		const orientation = ifd0.get( 0x0112 );
		if ( orientation ) {
			result.orientation = r.u16( orientation.at );
		}
		result.make = text( ifd0.get( 0x010f ) ) || undefined;
		result.model = text( ifd0.get( 0x0110 ) ) || undefined;
		const exifPtr = ifd0.get( 0x8769 );
		if ( exifPtr ) {
			const exif = readIfd( tiff, r, r.u32( exifPtr.at ) );
			result.dateTimeOriginal =
				text( exif.get( 0x9003 ) ) ||
				text( exif.get( 0x9004 ) ) ||
				undefined;
		}
		const gpsPtr = ifd0.get( 0x8825 );
		if ( gpsPtr ) {
			const gps = readIfd( tiff, r, r.u32( gpsPtr.at ) );
			const dms = ( t?: { at: number } ) => {
				if ( ! t ) {
					return undefined;
				}
				const part = ( i: number ) =>
					r.u32( t.at + i * 8 ) / ( r.u32( t.at + i * 8 + 4 ) || 1 );
				return part( 0 ) + part( 1 ) / 60 + part( 2 ) / 3600;
			};
			const lat = dms( gps.get( 0x0002 ) );
			const lon = dms( gps.get( 0x0004 ) );
			if ( lat !== undefined && lon !== undefined ) {
				result.gps = {
					latitude: text( gps.get( 0x0001 ) ) === 'S' ? -lat : lat,
					longitude: text( gps.get( 0x0003 ) ) === 'W' ? -lon : lon,
				};
			}
		}
	} catch {
		// A broken EXIF block means "no EXIF", as for any photo service.
	}
	return result;
}

/**
 * EXIF text date → epoch ms (EXIF has no zone; it is read as UTC, as Dropbox reports it).
 */
export function parseExifDate( text: string | undefined ): number | null {
	const m = text?.match(
		/^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/
	);
	if ( ! m ) {
		return null;
	}
	const ms = Date.UTC(
		+m[ 1 ]!,
		+m[ 2 ]! - 1,
		+m[ 3 ]!,
		+m[ 4 ]!,
		+m[ 5 ]!,
		+m[ 6 ]!
	);
	return Number.isNaN( ms ) ? null : ms;
}
