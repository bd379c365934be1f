import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import sharp from 'sharp';

import { buildExifPayload, exifDate, spliceJpegExif } from '../shared/exif';
import type { PhotoSources, SourcePhoto } from './photo-sources';
import { seededRandom } from './synthetic-photos';

export const SCALE_FOLDERS = {
	scale5000: '/Scale/5000 photos',
	scale200Folders: '/Scale/200 folders',
	scaleBig: '/Scale/Big',
} as const;

export const SCALE_PHOTOS = 5000;
export const SCALE_SUBFOLDERS = 200;
export const PHOTOS_PER_SUBFOLDER = 3;

interface ScaleFile {
	path: string;
	data: Buffer;
	mtime: number;
}

const SHAPES: Array< [ number, number ] > = [
	[ 200, 133 ],
	[ 133, 200 ],
	[ 160, 160 ],
	[ 96, 64 ],
	[ 200, 112 ],
];

/**
 * Small JPEGs cut from the real photos: a few dozen variants the scale folders reuse.
 */
async function variants(
	sources: SourcePhoto[],
	pathOf: ( p: SourcePhoto ) => string
): Promise< Buffer[] > {
	const out: Buffer[] = [];
	for ( const [ i, source ] of sources.entries() ) {
		const base = await sharp( pathOf( source ) )
			.resize( { width: 480 } )
			.toBuffer();
		for ( const [ w, h ] of [
			SHAPES[ i % SHAPES.length ]!,
			SHAPES[ ( i + 2 ) % SHAPES.length ]!,
		] ) {
			out.push(
				await sharp( base )
					.resize( w, h, { fit: 'cover' } )
					.jpeg( { quality: 72 } )
					.toBuffer()
			);
		}
	}
	return out;
}

async function writeAll(
	libraryDir: string,
	files: ScaleFile[],
	concurrency = 48
): Promise< void > {
	const dirs = new Set(
		files.map( ( f ) => dirname( join( libraryDir, f.path ) ) )
	);
	for ( const dir of dirs ) {
		await mkdir( dir, { recursive: true } );
	}
	let next = 0;
	const worker = async () => {
		while ( next < files.length ) {
			const file = files[ next++ ]!;
			const abs = join( libraryDir, file.path );
			await writeFile( abs, file.data );
			const seconds = file.mtime / 1000;
			await utimes( abs, seconds, seconds );
		}
	};
	await Promise.all( Array.from( { length: concurrency }, worker ) );
}

/**
 * `/Scale/5000 photos`, `/Scale/200 folders` and `/Scale/Big` (both at once,
 * as in "a folder with 5,000 photos and 200 subfolders"). Names and EXIF dates
 * differ per file and are not in the same order, so sorting is meaningful.
 */
export async function buildScale(
	libraryDir: string,
	src: PhotoSources,
	pathOf: ( p: SourcePhoto ) => string
): Promise< Record< string, number > > {
	const pool = await variants(
		[ ...src.scenes, ...src.nature ].slice( 0, 24 ),
		pathOf
	);
	const rand = seededRandom( 5000 );
	const start = Date.UTC( 2024, 0, 1 );
	const span = 2 * 365 * 24 * 3600 * 1000;
	const files: ScaleFile[] = [];
	const add = ( path: string, i: number ) => {
		const taken = start + Math.floor( ( rand() * span ) / 1000 ) * 1000;
		const exif = buildExifPayload( {
			make: 'SONY',
			model: 'ILCE-7M4',
			orientation: 1,
			dateTimeOriginal: exifDate( taken ),
		} );
		files.push( {
			path,
			data: spliceJpegExif( pool[ i % pool.length ]!, exif ),
			mtime: taken + 3600 * 1000,
		} );
	};
	const pad = ( i: number, width: number ) =>
		String( i ).padStart( width, '0' );
	for ( let i = 1; i <= SCALE_PHOTOS; i++ ) {
		add( `${ SCALE_FOLDERS.scale5000 }/Photo ${ pad( i, 4 ) }.jpg`, i );
		add( `${ SCALE_FOLDERS.scaleBig }/DSC_${ pad( i, 5 ) }.jpg`, i * 7 );
	}
	for ( let f = 1; f <= SCALE_SUBFOLDERS; f++ ) {
		for ( let p = 1; p <= PHOTOS_PER_SUBFOLDER; p++ ) {
			add(
				`${ SCALE_FOLDERS.scale200Folders }/Folder ${ pad( f, 3 ) }/Photo ${ p }.jpg`,
				f * 3 + p
			);
			add(
				`${ SCALE_FOLDERS.scaleBig }/Session ${ pad( f, 3 ) }/IMG_${ pad( p, 2 ) }.jpg`,
				f * 5 + p
			);
		}
	}
	await writeAll( libraryDir, files );
	return {
		scale5000Photos: SCALE_PHOTOS,
		scale200FoldersSubfolders: SCALE_SUBFOLDERS,
		scaleBigPhotos: SCALE_PHOTOS,
		scaleBigSubfolders: SCALE_SUBFOLDERS,
		photosPerSubfolder: PHOTOS_PER_SUBFOLDER,
		scaleFiles: files.length,
	};
}
