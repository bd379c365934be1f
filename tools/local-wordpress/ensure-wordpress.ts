/**
 * A pristine WordPress core tree per major, cached in `.local/wordpress/<version>/`.
 * Sources, in order: the folder named by CCG_WP_DIR_7_1 / CCG_WP_DIR_6_8,
 * Debian's archive (through a private apt configuration), the official zip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { copyResolvingSymlinks } from './copy-tree';
import { withLock } from './lock';
import { progress, since } from './log';
import { paths } from './paths';
import { NoDebianArchive, wordpressFromDebian } from './source-debian';
import { wordpressFromZip } from './source-zip';
import type { CoreBuild, WordPressVersion } from './types';
import { isWordPressVersion, VERSIONS } from './versions';
import { assertWordPressMajor } from './wp-version';

export interface CoreInfo extends CoreBuild {
	major: WordPressVersion;
	builtAt: string;
}

/**
 * The metadata of the cached core tree, or undefined when there is none.
 * @param version WordPress major: "7.1" or "6.8".
 */
export function readCoreInfo(
	version: WordPressVersion
): CoreInfo | undefined {
	try {
		const info = JSON.parse(
			readFileSync( paths.coreMeta( version ), 'utf8' )
		) as CoreInfo;
		return existsSync(
			path.join( paths.coreDir( version ), 'wp-includes', 'version.php' )
		)
			? info
			: undefined;
	} catch {
		return undefined;
	}
}

function folderSource( dir: string ): string {
	return `folder ${ path.resolve( dir ) }`;
}

function cachedTreeFits(
	version: WordPressVersion,
	envDir: string | undefined
): boolean {
	const info = readCoreInfo( version );
	return (
		!! info &&
		( envDir
			? info.source === folderSource( envDir )
			: ! info.source.startsWith( 'folder ' ) )
	);
}

async function build(
	version: WordPressVersion,
	envDir: string | undefined,
	out: string
): Promise< CoreBuild > {
	if ( envDir ) {
		const full = await assertWordPressMajor(
			envDir,
			version,
			`${ VERSIONS[ version ].envVar }=${ envDir }`
		);
		progress( `WordPress ${ version }: copying ${ envDir }…` );
		await copyResolvingSymlinks( envDir, out, { root: '/' } );
		await rm( path.join( out, 'wp-config.php' ), { force: true } );
		return { version: full, source: folderSource( envDir ) };
	}
	const notes: string[] = [];
	try {
		progress(
			`WordPress ${ version }: fetching from Debian (${ VERSIONS[ version ].suites.join( ', then ' ) })…`
		);
		return await wordpressFromDebian(
			version,
			VERSIONS[ version ].suites,
			out
		);
	} catch ( error ) {
		notes.push( `Debian archive: ${ ( error as Error ).message }` );
		if ( ! ( error instanceof NoDebianArchive ) ) {
			progress(
				`WordPress ${ version }: Debian did not work, trying wordpress.org…`
			);
		}
	}
	await rm( out, { recursive: true, force: true } );
	try {
		return await wordpressFromZip( version, out );
	} catch ( error ) {
		notes.push( `wordpress.org: ${ ( error as Error ).message }` );
	}
	throw new Error(
		`Could not get WordPress ${ version }.x:\n  ${ notes.join( '\n  ' ).replace( /\n(?! {2})/g, '\n    ' ) }\n` +
			`Set ${ VERSIONS[ version ].envVar } to an existing WordPress ${ version }.x folder to use that instead.`
	);
}

/**
 * Returns the path of a pristine core tree of `version`, building it the first time.
 * @param version WordPress major: "7.1" or "6.8".
 */
export async function ensureWordPress(
	version: WordPressVersion
): Promise< string > {
	if ( ! isWordPressVersion( version ) ) {
		throw new Error(
			`Unsupported WordPress version "${ version }" (supported: ${ Object.keys( VERSIONS ).join( ', ' ) }).`
		);
	}
	const dir = paths.coreDir( version );
	const envDir = process.env[ VERSIONS[ version ].envVar ] || undefined;
	if ( cachedTreeFits( version, envDir ) ) {
		return dir;
	}
	return withLock( `wordpress-${ version }`, async () => {
		if ( cachedTreeFits( version, envDir ) ) {
			return dir;
		}
		const started = Date.now();
		await mkdir( paths.tmp(), { recursive: true } );
		const out = path.join(
			paths.tmp(),
			`core-${ version }-${ process.pid }`
		);
		await rm( out, { recursive: true, force: true } );
		try {
			const built = await build( version, envDir, out );
			built.version = await assertWordPressMajor(
				out,
				version,
				built.source
			);
			await rm( dir, { recursive: true, force: true } );
			await mkdir( path.dirname( dir ), { recursive: true } );
			await rename( out, dir );
			const info: CoreInfo = {
				...built,
				major: version,
				builtAt: new Date().toISOString(),
			};
			await writeFile(
				paths.coreMeta( version ),
				`${ JSON.stringify( info, null, '\t' ) }\n`
			);
			progress(
				`WordPress ${ built.version } ready in ${ since( started ) } (${ built.source.split( ':' )[ 0 ] })`
			);
			return dir;
		} finally {
			await rm( out, { recursive: true, force: true } );
		}
	} );
}
