import {
	copyFileSync,
	existsSync,
	mkdirSync,
	readdirSync,
	rmSync,
	utimesSync,
	writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

import sharp from 'sharp';

import { parseExif, parseExifDate } from '../shared/exif';
import { FOLDERS, mainPlan, type PlanItem } from './layout';
import {
	GENERATING_MARKER,
	GENERATOR_VERSION,
	LICENCES_DIR,
	type LibraryManifest,
	type LibraryProfile,
	type ManifestPhoto,
	MANIFEST_FILE,
	readManifest,
	writeManifest,
} from './manifest';
import {
	obtainPhotoSources,
	type PhotoSources,
	type SourceMode,
	sourcePath,
} from './photo-sources';
import { produce } from './recipes';
import { buildScale, SCALE_FOLDERS } from './scale';

export interface LibraryOptions {
	/** `small`: everything but the /Scale folders (fast, for most tests). Default `full`. */
	profile?: LibraryProfile;
	/** Where the Debian packages' photos are cached. Default `<dataDir>/photo-sources`. */
	photoCacheDir?: string;
	/** `auto` (Debian when apt is there, else synthesized), `debian` or `synthetic`. */
	sources?: SourceMode;
}

async function describe(
	item: PlanItem,
	data: Buffer
): Promise< ManifestPhoto > {
	const kind =
		item.recipe.kind === 'huge-jpeg'
			? 'jpeg'
			: ( item.recipe.kind as ManifestPhoto[ 'kind' ] );
	const photo: ManifestPhoto = { path: item.path, kind, bytes: data.length };
	if ( kind === 'jpeg' || kind === 'png' || kind === 'webp' ) {
		const meta = await sharp( data ).metadata();
		photo.width = meta.autoOrient?.width ?? meta.width;
		photo.height = meta.autoOrient?.height ?? meta.height;
		photo.orientation = meta.orientation ?? 1;
		const exif = parseExif( meta.exif );
		const taken = parseExifDate( exif.dateTimeOriginal );
		if ( taken !== null ) {
			photo.dateTaken = new Date( taken )
				.toISOString()
				.replace( '.000Z', 'Z' );
		}
		if ( exif.gps ) {
			photo.gps = exif.gps;
		}
	}
	return photo;
}

async function buildMain(
	libraryDir: string,
	src: PhotoSources,
	cacheDir: string
): Promise< ManifestPhoto[] > {
	const plan = mainPlan( src );
	const photos: ManifestPhoto[] = [];
	let next = 0;
	const worker = async () => {
		while ( next < plan.length ) {
			const item = plan[ next++ ]!;
			const abs = join( libraryDir, item.path );
			const data = await produce( item.recipe, ( p ) =>
				sourcePath( cacheDir, p )
			);
			if ( data === null ) {
				mkdirSync( abs, { recursive: true } );
				continue;
			}
			mkdirSync( dirname( abs ), { recursive: true } );
			writeFileSync( abs, data );
			utimesSync( abs, item.mtime / 1000, item.mtime / 1000 );
			photos.push( {
				...( await describe( item, data ) ),
				...( item.role ? { role: item.role } : {} ),
			} );
		}
	};
	await Promise.all( [ worker(), worker(), worker() ] );
	return photos.sort( ( a, b ) => a.path.localeCompare( b.path ) );
}

function roles( photos: ManifestPhoto[] ): Record< string, string > {
	const out: Record< string, string > = {};
	for ( const photo of photos as Array<
		ManifestPhoto & { role?: string }
	> ) {
		if ( photo.role ) {
			out[ photo.role ] = photo.path;
		}
	}
	return out;
}

/**
 * Makes sure the sample library exists: generated on first start (about a
 * minute with the /Scale folders), a no-op when its manifest is current. A
 * folder that holds files but no manifest is the developer's own library and
 * is used as it is.
 */
export async function ensureLibrary(
	libraryDir: string,
	dataDir: string,
	options: LibraryOptions,
	log: ( line: string ) => void
): Promise< LibraryManifest | null > {
	const profile = options.profile ?? 'full';
	const cacheDir = options.photoCacheDir ?? join( dataDir, 'photo-sources' );
	const existing = readManifest( libraryDir );
	const marker = join( libraryDir, GENERATING_MARKER );
	if (
		existing &&
		existing.generator === GENERATOR_VERSION &&
		! existsSync( marker )
	) {
		if ( profile === 'small' || existing.profile === 'full' ) {
			return existing;
		}
		const started = Date.now();
		writeFileSync( marker, 'scale' );
		const src = await obtainPhotoSources(
			cacheDir,
			options.sources ?? 'auto',
			log
		);
		const counts = await buildScale( libraryDir, src, ( p ) =>
			sourcePath( cacheDir, p )
		);
		const manifest: LibraryManifest = {
			...existing,
			profile: 'full',
			paths: { ...existing.paths, ...SCALE_FOLDERS },
			counts: { ...existing.counts, ...counts },
			generationMs: existing.generationMs + Date.now() - started,
		};
		writeManifest( libraryDir, manifest );
		rmSync( marker, { force: true } );
		log( `added the /Scale folders in ${ Date.now() - started } ms` );
		return manifest;
	}
	const entries = existsSync( libraryDir ) ? readdirSync( libraryDir ) : [];
	if (
		! existing &&
		entries.length > 0 &&
		! entries.includes( GENERATING_MARKER )
	) {
		log(
			`using ${ libraryDir } as it is (it has files and no ${ MANIFEST_FILE })`
		);
		return null;
	}
	const started = Date.now();
	mkdirSync( libraryDir, { recursive: true } );
	writeFileSync( marker, 'main' );
	log( `generating the sample library in ${ libraryDir } (${ profile })` );
	const src = await obtainPhotoSources(
		cacheDir,
		options.sources ?? 'auto',
		log
	);
	const photos = await buildMain( libraryDir, src, cacheDir );
	mkdirSync( join( libraryDir, LICENCES_DIR ), { recursive: true } );
	for ( const licence of src.licences ) {
		copyFileSync(
			join( cacheDir, 'photos', licence ),
			join( libraryDir, LICENCES_DIR, licence )
		);
	}
	const counts: Record< string, number > = { mainFiles: photos.length };
	const paths: Record< string, string > = { ...FOLDERS, ...roles( photos ) };
	if ( profile === 'full' ) {
		Object.assign(
			counts,
			await buildScale( libraryDir, src, ( p ) =>
				sourcePath( cacheDir, p )
			)
		);
		Object.assign( paths, SCALE_FOLDERS );
	}
	const manifest: LibraryManifest = {
		generator: GENERATOR_VERSION,
		profile,
		photoSource: src.kind,
		generatedAt: new Date().toISOString(),
		generationMs: Date.now() - started,
		paths,
		appFolders: { 'Customer Gallery': FOLDERS.appFolderCustomerGallery },
		counts,
		photos,
		licences: src.licences.map( ( l ) => `${ LICENCES_DIR }/${ l }` ),
	};
	writeManifest( libraryDir, manifest );
	rmSync( marker, { force: true } );
	log(
		`sample library ready in ${ manifest.generationMs } ms (${ src.kind } photos)`
	);
	return manifest;
}
