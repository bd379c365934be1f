/**
 * A small EXIF (TIFF) writer and reader: enough for the tags a photo gallery
 * cares about (orientation, date taken, camera, GPS). Writing is byte-level so
 * the library generator can stamp thousands of JPEGs without re-encoding them.
 */

export interface ExifFields {
	orientation?: number;
	/** `YYYY:MM:DD HH:MM:SS`, the EXIF text form. */
	dateTimeOriginal?: string;
	make?: string;
	model?: string;
	gps?: { latitude: number; longitude: number };
}

const ASCII = 2;
const SHORT = 3;
const LONG = 4;
const RATIONAL = 5;
const UNDEFINED = 7;

interface Entry {
	tag: number;
	type: number;
	count: number;
	data: Buffer;
}

function ascii( tag: number, text: string ): Entry {
	const data = Buffer.from( text + '\0', 'latin1' );
	return { tag, type: ASCII, count: data.length, data };
}

function short( tag: number, value: number ): Entry {
	const data = Buffer.alloc( 2 );
	data.writeUInt16LE( value );
	return { tag, type: SHORT, count: 1, data };
}

function long( tag: number, value: number ): Entry {
	const data = Buffer.alloc( 4 );
	data.writeUInt32LE( value );
	return { tag, type: LONG, count: 1, data };
}

function degrees( tag: number, value: number ): Entry {
	const abs = Math.abs( value );
	const deg = Math.floor( abs );
	const min = Math.floor( ( abs - deg ) * 60 );
	const sec = Math.round( ( ( abs - deg ) * 60 - min ) * 60 * 1000 );
	const data = Buffer.alloc( 24 );
	[
		[ deg, 1 ],
		[ min, 1 ],
		[ sec, 1000 ],
	].forEach( ( [ num, den ], i ) => {
		data.writeUInt32LE( num ?? 0, i * 8 );
		data.writeUInt32LE( den ?? 1, i * 8 + 4 );
	} );
	return { tag, type: RATIONAL, count: 3, data };
}

function ifdSize( entries: Entry[] ): number {
	const extra = entries.reduce(
		( sum, e ) =>
			sum +
			( e.data.length > 4 ? e.data.length + ( e.data.length % 2 ) : 0 ),
		0
	);
	return 2 + entries.length * 12 + 4 + extra;
}

function writeIfd( out: Buffer, offset: number, entries: Entry[] ): void {
	entries.sort( ( a, b ) => a.tag - b.tag );
	out.writeUInt16LE( entries.length, offset );
	let dataOffset = offset + 2 + entries.length * 12 + 4;
	entries.forEach( ( entry, i ) => {
		const at = offset + 2 + i * 12;
		out.writeUInt16LE( entry.tag, at );
		out.writeUInt16LE( entry.type, at + 2 );
		out.writeUInt32LE( entry.count, at + 4 );
		if ( entry.data.length <= 4 ) {
			entry.data.copy( out, at + 8 );
		} else {
			out.writeUInt32LE( dataOffset, at + 8 );
			entry.data.copy( out, dataOffset );
			dataOffset += entry.data.length + ( entry.data.length % 2 );
		}
	} );
	out.writeUInt32LE( 0, offset + 2 + entries.length * 12 );
}

/**
 * A TIFF structure (little-endian) holding the given fields, without the `Exif\0\0` prefix.
 */
export function buildTiff( fields: ExifFields ): Buffer {
	const ifd0: Entry[] = [];
	if ( fields.make ) {
		ifd0.push( ascii( 0x010f, fields.make ) );
	}
	if ( fields.model ) {
		ifd0.push( ascii( 0x0110, fields.model ) );
	}
	if ( fields.orientation ) {
		ifd0.push( short( 0x0112, fields.orientation ) );
	}
	if ( fields.dateTimeOriginal ) {
		ifd0.push( ascii( 0x0132, fields.dateTimeOriginal ) );
	}
	const exif: Entry[] = [
		{ tag: 0x9000, type: UNDEFINED, count: 4, data: Buffer.from( '0232' ) },
	];
	if ( fields.dateTimeOriginal ) {
		exif.push(
			ascii( 0x9003, fields.dateTimeOriginal ),
			ascii( 0x9004, fields.dateTimeOriginal )
		);
	}
	const gps: Entry[] = [];
	if ( fields.gps ) {
		gps.push(
			{
				tag: 0x0000,
				type: 1,
				count: 4,
				data: Buffer.from( [ 2, 3, 0, 0 ] ),
			},
			ascii( 0x0001, fields.gps.latitude >= 0 ? 'N' : 'S' ),
			degrees( 0x0002, fields.gps.latitude ),
			ascii( 0x0003, fields.gps.longitude >= 0 ? 'E' : 'W' ),
			degrees( 0x0004, fields.gps.longitude )
		);
	}
	// Pointers are added before sizes are computed so IFD0's size is final.
	ifd0.push( long( 0x8769, 0 ) );
	if ( gps.length ) {
		ifd0.push( long( 0x8825, 0 ) );
	}
	const ifd0At = 8;
	const exifAt = ifd0At + ifdSize( ifd0 );
	const gpsAt = exifAt + ifdSize( exif );
	ifd0.find( ( e ) => e.tag === 0x8769 )?.data.writeUInt32LE( exifAt );
	ifd0.find( ( e ) => e.tag === 0x8825 )?.data.writeUInt32LE( gpsAt );
	const out = Buffer.alloc( gpsAt + ( gps.length ? ifdSize( gps ) : 0 ) );
	out.write( 'II', 0, 'latin1' );
	out.writeUInt16LE( 42, 2 );
	out.writeUInt32LE( ifd0At, 4 );
	writeIfd( out, ifd0At, ifd0 );
	writeIfd( out, exifAt, exif );
	if ( gps.length ) {
		writeIfd( out, gpsAt, gps );
	}
	return out;
}

/**
 * The APP1 payload (`Exif\0\0` + TIFF), as sharp's `metadata().exif` returns it.
 */
export function buildExifPayload( fields: ExifFields ): Buffer {
	return Buffer.concat( [
		Buffer.from( 'Exif\0\0', 'latin1' ),
		buildTiff( fields ),
	] );
}

/**
 * `YYYY:MM:DD HH:MM:SS` for a UTC instant.
 */
export function exifDate( ms: number ): string {
	const iso = new Date( ms ).toISOString();
	return `${ iso.slice( 0, 4 ) }:${ iso.slice( 5, 7 ) }:${ iso.slice( 8, 10 ) } ${ iso.slice( 11, 19 ) }`;
}

/**
 * Replaces any EXIF APP1 segment of a JPEG with the given payload (or removes
 * it when the payload is null), inserted
 * after SOI (and after a JFIF APP0 when present). Pixels are untouched.
 */
export function spliceJpegExif(
	jpeg: Buffer,
	exifPayload: Buffer | null
): Buffer {
	if ( jpeg[ 0 ] !== 0xff || jpeg[ 1 ] !== 0xd8 ) {
		throw new Error( 'not a JPEG' );
	}
	const parts: Buffer[] = [ jpeg.subarray( 0, 2 ) ];
	let at = 2;
	let inserted = false;
	const app1 = Buffer.alloc( 4 );
	app1.writeUInt16BE( 0xffe1, 0 );
	app1.writeUInt16BE( ( exifPayload?.length ?? 0 ) + 2, 2 );
	// With no payload the EXIF block is only removed.
	const segment = exifPayload
		? Buffer.concat( [ app1, exifPayload ] )
		: Buffer.alloc( 0 );
	while ( at + 4 <= jpeg.length && jpeg[ at ] === 0xff ) {
		const marker = jpeg[ at + 1 ]!;
		if ( marker === 0xda || marker === 0xd9 ) {
			break;
		}
		const length = jpeg.readUInt16BE( at + 2 );
		const isExif =
			marker === 0xe1 &&
			jpeg.toString( 'latin1', at + 4, at + 10 ) === 'Exif\0\0';
		if ( ! inserted && marker !== 0xe0 ) {
			parts.push( segment );
			inserted = true;
		}
		if ( ! isExif ) {
			parts.push( jpeg.subarray( at, at + 2 + length ) );
		}
		at += 2 + length;
	}
	if ( ! inserted ) {
		parts.push( segment );
	}
	parts.push( jpeg.subarray( at ) );
	return Buffer.concat( parts );
}

export { parseExif, parseExifDate } from './exif-read';
