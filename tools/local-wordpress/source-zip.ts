/**
 * Fallback for machines without a Debian archive but with the internet
 * (macOS, other Linux): the official release zip of the latest point
 * release of the wanted major. This path cannot run on the project's own
 * machines (no route to wordpress.org); it is kept simple and explicit.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { extractZip } from './archive';
import { copyResolvingSymlinks } from './copy-tree';
import { progress } from './log';
import { paths } from './paths';
import type { CoreBuild } from './types';
import { matchesMajor } from './versions';

const compareVersions = ( a: string, b: string ) => {
	const pa = a.split( '.' ).map( Number );
	const pb = b.split( '.' ).map( Number );
	for ( let i = 0; i < Math.max( pa.length, pb.length ); i++ ) {
		const diff = ( pa[ i ] ?? 0 ) - ( pb[ i ] ?? 0 );
		if ( diff !== 0 ) {
			return diff;
		}
	}
	return 0;
};

/**
 * The newest released version of `major` among `versions` (e.g. keys of the stable-check API).
 * @param versions Version strings, e.g. "6.8.3".
 * @param major    Major version, e.g. "7.1".
 */
export function latestOfMajor(
	versions: string[],
	major: string
): string | undefined {
	return versions
		.filter(
			( v ) => /^\d+(\.\d+)+$/.test( v ) && matchesMajor( v, major )
		)
		.sort( compareVersions )
		.pop();
}

async function fetchJson( url: string ): Promise< unknown > {
	const response = await fetch( url, {
		signal: AbortSignal.timeout( 20_000 ),
	} );
	if ( ! response.ok ) {
		throw new Error( `${ url }: HTTP ${ response.status }` );
	}
	return response.json();
}

/**
 * Asks wordpress.org for the latest point release of the major; falls back to `<major>` (its .0 release).
 * @param major Major version, e.g. "7.1".
 */
async function resolveRelease( major: string ): Promise< string > {
	try {
		// { "6.8.3": "latest" | "outdated" | "insecure", … }
		const all = ( await fetchJson(
			'https://api.wordpress.org/core/stable-check/1.0/'
		) ) as Record< string, string >;
		const latest = latestOfMajor( Object.keys( all ), major );
		if ( latest ) {
			return latest;
		}
	} catch {
		// Try the next way.
	}
	try {
		// The update API lists the newest release of the caller's branch among its offers.
		const check = ( await fetchJson(
			`https://api.wordpress.org/core/version-check/1.7/?version=${ major }.0`
		) ) as { offers?: { version?: string }[] };
		const latest = latestOfMajor(
			( check.offers ?? [] ).map( ( offer ) => offer.version ?? '' ),
			major
		);
		if ( latest ) {
			return latest;
		}
	} catch {
		// Fall through.
	}
	return major;
}

async function download( url: string, file: string ): Promise< void > {
	const response = await fetch( url, {
		signal: AbortSignal.timeout( 300_000 ),
	} ).catch( ( error: Error & { cause?: Error } ) => {
		throw new Error(
			`${ url }: ${ error.cause?.message ?? error.message }`
		);
	} );
	if ( ! response.ok ) {
		throw new Error( `${ url }: HTTP ${ response.status }` );
	}
	const body = Buffer.from( await response.arrayBuffer() );
	const sha1 = await fetch( `${ url }.sha1`, {
		signal: AbortSignal.timeout( 20_000 ),
	} )
		.then( ( r ) => ( r.ok ? r.text() : '' ) )
		.catch( () => '' );
	const expected = /^[0-9a-f]{40}/i.exec( sha1.trim() )?.[ 0 ]?.toLowerCase();
	if (
		expected &&
		createHash( 'sha1' ).update( body ).digest( 'hex' ) !== expected
	) {
		throw new Error( `${ url }: checksum does not match ${ url }.sha1` );
	}
	await writeFile( `${ file }.part`, body );
	await rename( `${ file }.part`, file );
}

/**
 * Fills `out` with WordPress `major`.x from the official release zip (cached under .local/cache).
 * @param major Major version, e.g. "7.1".
 * @param out   Empty folder to fill with the core tree.
 */
export async function wordpressFromZip(
	major: string,
	out: string
): Promise< CoreBuild > {
	const release = await resolveRelease( major );
	const url = `https://wordpress.org/wordpress-${ release }.zip`;
	const zip = path.join( paths.cache(), `wordpress-${ release }.zip` );
	await mkdir( paths.cache(), { recursive: true } );
	if ( ! existsSync( zip ) ) {
		progress( `downloading ${ url }…` );
		await download( url, zip );
	}
	const staging = path.join(
		paths.tmp(),
		`zip-${ release }-${ process.pid }`
	);
	await rm( staging, { recursive: true, force: true } );
	try {
		await extractZip( zip, staging );
		const root = path.join( staging, 'wordpress' );
		await readFile( path.join( root, 'wp-load.php' ) ).catch( () => {
			throw new Error( `${ zip } has no wordpress/wp-load.php` );
		} );
		await copyResolvingSymlinks( root, out, { root: staging } );
	} finally {
		await rm( staging, { recursive: true, force: true } );
	}
	return {
		version: release,
		source: `wordpress.org ${ path.basename( zip ) }`,
	};
}
