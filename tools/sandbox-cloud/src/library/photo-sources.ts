import { execFile } from 'node:child_process';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	readdirSync,
	renameSync,
	rmSync,
	statSync,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { readJson, writeJson } from '../shared/json-file';
import { synthesizePhotos } from './synthetic-photos';

const run = promisify( execFile );

/** One real photograph (or a synthesized stand-in) the library is built from. */
export interface SourcePhoto {
	title: string;
	file: string;
}

export interface PhotoSources {
	kind: 'debian' | 'synthetic';
	/** Macro and nature photographs (mate-backgrounds `nature/`). */
	nature: SourcePhoto[];
	/** Landscapes and scenes (plasma-workspace-wallpapers). */
	scenes: SourcePhoto[];
	/** Elephants, 5640×3172, about 16 MB. */
	elephantsLarge: SourcePhoto;
	/** Elephants at a normal size. */
	elephants: SourcePhoto;
	/** Licence texts of the packages, copied next to the photos. */
	licences: string[];
}

export type SourceMode = 'auto' | 'debian' | 'synthetic';

const PACKAGES = [ 'mate-backgrounds', 'plasma-workspace-wallpapers' ];
/** The photographic Plasma wallpapers (the others are illustrations), in the order the layout uses them. */
const SCENES = [
	'Path',
	'EveningGlow',
	'BytheWater',
	'ColdRipple',
	'Kite',
	'FallenLeaf',
	'ColorfulCups',
	'summer_1am',
	'DarkestHour',
	'OneStandsOut',
	'Grey',
	'Volna',
	'Autumn',
];
const SOURCES_VERSION = 1;

/**
 * Picks the wallpaper size to use: the largest one at most 2560 wide, else the largest.
 */
function pickWallpaper( dir: string ): string | null {
	const sized = readdirSync( dir )
		.filter( ( f ) => /^\d+x\d+\.jpg$/.test( f ) )
		.map( ( f ) => {
			const [ w, h ] = f.replace( '.jpg', '' ).split( 'x' ).map( Number );
			return { f, w: w ?? 0, area: ( w ?? 0 ) * ( h ?? 0 ) };
		} )
		.sort( ( a, b ) => b.area - a.area );
	const landscapeUpTo2560 = sized.find(
		( s ) => s.w <= 2560 && s.w * s.w >= s.area
	);
	const choice = landscapeUpTo2560 ?? sized[ 0 ];
	return choice ? join( dir, choice.f ) : null;
}

async function download(
	debDir: string,
	log: ( line: string ) => void
): Promise< void > {
	try {
		await run( 'apt-get', [ 'download', ...PACKAGES ], {
			cwd: debDir,
			maxBuffer: 16 * 1024 * 1024,
		} );
	} catch ( error ) {
		// A fresh machine may have no package lists yet: refresh them once (root only).
		if ( typeof process.getuid !== 'function' || process.getuid() !== 0 ) {
			throw error;
		}
		log(
			'apt-get download failed; running apt-get update once and retrying'
		);
		await run( 'apt-get', [ 'update' ], { maxBuffer: 16 * 1024 * 1024 } );
		await run( 'apt-get', [ 'download', ...PACKAGES ], {
			cwd: debDir,
			maxBuffer: 16 * 1024 * 1024,
		} );
	}
}

async function fetchDebianPhotos(
	cacheDir: string,
	log: ( line: string ) => void
): Promise< PhotoSources > {
	const work = join( cacheDir, `work-${ process.pid }` );
	const debDir = join( work, 'debs' );
	const rootDir = join( work, 'root' );
	const photosDir = join( work, 'photos' );
	mkdirSync( debDir, { recursive: true } );
	mkdirSync( rootDir, { recursive: true } );
	mkdirSync( photosDir, { recursive: true } );
	try {
		log(
			`downloading ${ PACKAGES.join( ', ' ) } with apt-get (about 140 MB, once)`
		);
		await download( debDir, log );
		for ( const deb of readdirSync( debDir ).filter( ( f ) =>
			f.endsWith( '.deb' )
		) ) {
			await run( 'dpkg-deb', [ '-x', join( debDir, deb ), rootDir ] );
		}
		const keep = ( from: string, name: string ): SourcePhoto => {
			copyFileSync( from, join( photosDir, name ) );
			return {
				title: name.replace( /\.jpg$/, '' ).replace( /^[a-z]+-/, '' ),
				file: name,
			};
		};
		const mate = join( rootDir, 'usr/share/backgrounds/mate' );
		const nature = readdirSync( join( mate, 'nature' ) )
			.filter( ( f ) => f.endsWith( '.jpg' ) )
			.sort()
			.map( ( f ) => keep( join( mate, 'nature', f ), `nature-${ f }` ) );
		const wallpapers = join( rootDir, 'usr/share/wallpapers' );
		const scenes: SourcePhoto[] = [];
		for ( const name of SCENES ) {
			const images = join( wallpapers, name, 'contents/images' );
			const chosen = existsSync( images )
				? pickWallpaper( images )
				: null;
			if ( chosen ) {
				scenes.push( keep( chosen, `scene-${ name }.jpg` ) );
			}
		}
		const abstract = join( mate, 'abstract' );
		const sources: PhotoSources = {
			kind: 'debian',
			nature,
			scenes,
			elephantsLarge: keep(
				join( abstract, 'Elephants_5640x3172.jpg' ),
				'elephants-Elephants_5640x3172.jpg'
			),
			elephants: keep(
				join( abstract, 'Elephants.jpg' ),
				'elephants-Elephants.jpg'
			),
			licences: PACKAGES.map( ( pkg ) => {
				copyFileSync(
					join( rootDir, 'usr/share/doc', pkg, 'copyright' ),
					join( photosDir, `${ pkg }.copyright` )
				);
				return `${ pkg }.copyright`;
			} ),
		};
		if ( nature.length < 6 || scenes.length < 6 ) {
			throw new Error( 'the packages held fewer photos than expected' );
		}
		writeJson( join( photosDir, 'sources.json' ), {
			version: SOURCES_VERSION,
			...sources,
		} );
		const target = join( cacheDir, 'photos' );
		if ( ! existsSync( target ) ) {
			renameSync( photosDir, target );
		}
		return sources;
	} finally {
		rmSync( work, { recursive: true, force: true } );
	}
}

/**
 * Resolves a source's file name against the cache folder it lives in.
 */
export function sourcePath( cacheDir: string, photo: SourcePhoto ): string {
	return join( cacheDir, 'photos', photo.file );
}

function cached( cacheDir: string ): PhotoSources | null {
	const saved = readJson< ( PhotoSources & { version?: number } ) | null >(
		join( cacheDir, 'photos', 'sources.json' ),
		null
	);
	if ( ! saved || saved.version !== SOURCES_VERSION ) {
		return null;
	}
	const all = [
		...saved.nature,
		...saved.scenes,
		saved.elephants,
		saved.elephantsLarge,
	];
	return all.every( ( p ) => existsSync( sourcePath( cacheDir, p ) ) )
		? saved
		: null;
}

/**
 * Real photographs from Debian's archive when apt/dpkg are there (fetched
 * once into `cacheDir`, like WordPress itself), synthesized images otherwise.
 */
export async function obtainPhotoSources(
	cacheDir: string,
	mode: SourceMode,
	log: ( line: string ) => void
): Promise< PhotoSources > {
	const hit = cached( cacheDir );
	if ( hit && ( mode === 'auto' || mode === hit.kind ) ) {
		return hit;
	}
	if ( hit ) {
		rmSync( join( cacheDir, 'photos' ), { recursive: true, force: true } );
	}
	mkdirSync( cacheDir, { recursive: true } );
	const haveApt = [ '/usr/bin/apt-get', '/usr/bin/dpkg-deb' ].every(
		( f ) => existsSync( f ) && statSync( f ).isFile()
	);
	if ( mode !== 'synthetic' && haveApt ) {
		try {
			return await fetchDebianPhotos( cacheDir, log );
		} catch ( error ) {
			if ( mode === 'debian' ) {
				throw error;
			}
			log(
				`could not fetch Debian photos (${ error instanceof Error ? error.message.split( '\n' )[ 0 ] : String( error ) }); synthesizing images instead`
			);
		}
	} else if ( mode === 'debian' ) {
		throw new Error( 'apt-get/dpkg-deb are not available on this machine' );
	}
	const sources = await synthesizePhotos(
		join( cacheDir, `work-${ process.pid }` )
	);
	writeJson( join( cacheDir, `work-${ process.pid }`, 'sources.json' ), {
		version: SOURCES_VERSION,
		...sources,
	} );
	const target = join( cacheDir, 'photos' );
	if ( ! existsSync( target ) ) {
		renameSync( join( cacheDir, `work-${ process.pid }` ), target );
	} else {
		rmSync( join( cacheDir, `work-${ process.pid }` ), {
			recursive: true,
			force: true,
		} );
	}
	return sources;
}
