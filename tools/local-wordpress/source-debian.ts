/**
 * WordPress from Debian's archive: the `wordpress` package of a newer suite
 * (sid → 7.1.x, trixie → 6.8.x) plus the libraries Debian unbundled from it,
 * extracted (not installed) and copied into a self-contained tree.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';

import { bundledLibraries, PrivateApt } from './apt-download';
import { findDebianArchive } from './apt-sources';
import { extractDeb } from './archive';
import { copyResolvingSymlinks } from './copy-tree';
import { execCapture } from './exec';
import { progress, warn } from './log';
import { paths } from './paths';
import type { CoreBuild } from './types';
import { matchesMajor, upstreamVersion } from './versions';

/** Thrown when this machine has no Debian archive to use (so the caller tries the next source). */
export class NoDebianArchive extends Error {}

const THEME = 'wordpress-theme-twentytwentyfive';
const CA_BUNDLE = 'wp-includes/certificates/ca-bundle.crt';
/** Links into the host that no package ships (written by maintainer scripts). */
const HOST_FALLBACKS = [ '/etc/ssl/certs/ca-certificates.crt' ];

async function haveTools(): Promise< boolean > {
	for ( const tool of [ 'apt-get', 'dpkg-deb' ] ) {
		const found = await execCapture( tool, [ '--version' ] ).catch(
			() => undefined
		);
		if ( found?.code !== 0 ) {
			return false;
		}
	}
	return true;
}

async function fromSuite(
	apt: PrivateApt,
	major: string,
	out: string
): Promise< CoreBuild | string > {
	const wordpress = await apt.show( 'wordpress' );
	if ( ! wordpress ) {
		return `Debian ${ apt.suite } has no wordpress package`;
	}
	const debianVersion = wordpress.get( 'Version' ) ?? '';
	const upstream = upstreamVersion( debianVersion );
	if ( ! matchesMajor( upstream, major ) ) {
		return `Debian ${ apt.suite } has WordPress ${ upstream }, not ${ major }.x`;
	}
	const names = [
		'wordpress',
		...bundledLibraries( wordpress.get( 'Depends' ) ?? '' ),
	];
	if ( await apt.show( THEME ) ) {
		names.push( THEME );
	}
	const debs = await apt.download( names, paths.debCache( apt.suite ) );

	const staging = path.join(
		paths.tmp(),
		`deb-${ apt.suite }-${ process.pid }`
	);
	await rm( staging, { recursive: true, force: true } );
	try {
		progress( `extracting ${ debs.length } packages…` );
		await Promise.all( debs.map( ( deb ) => extractDeb( deb, staging ) ) );
		const report = await copyResolvingSymlinks(
			path.join( staging, 'usr/share/wordpress' ),
			out,
			{
				root: staging,
				hostFallbacks: HOST_FALLBACKS,
			}
		);
		const missing = report.unresolved.filter( ( item ) => {
			const relative = item.link.split( path.sep ).slice( 1 ).join( '/' );
			if ( relative === '.htaccess' ) {
				return false; // Debian's points into /etc/wordpress; each site writes its own.
			}
			if ( relative === CA_BUNDLE ) {
				warn(
					`${ CA_BUNDLE } points to ${ item.target }, which this machine lacks; HTTPS requests from WordPress will fail verification.`
				);
				return false;
			}
			return true;
		} );
		if ( missing.length > 0 ) {
			throw new Error(
				`The Debian ${ apt.suite } wordpress tree links to files no downloaded package provides:\n` +
					missing
						.map(
							( item ) => `  ${ item.link } -> ${ item.target }`
						)
						.join( '\n' ) +
					`\nThe package's dependencies changed: add the providing packages in tools/local-wordpress/apt-download.ts (bundledLibraries).`
			);
		}
		// Debian's wp-config.php reads /etc/wordpress; each site writes its own.
		await rm( path.join( out, 'wp-config.php' ), { force: true } );
		await rm( path.join( out, '.htaccess' ), { force: true } );
		return {
			version: upstream,
			source: `Debian ${ apt.suite }: ${ debs.map( ( deb ) => path.basename( deb ) ).join( ' ' ) }`,
		};
	} finally {
		await rm( staging, { recursive: true, force: true } );
	}
}

/**
 * Fills `out` with WordPress `major`.x from the first of `suites` that carries it.
 * @param major  Major version, e.g. "7.1".
 * @param suites Debian suites to try, in order.
 * @param out    Empty folder to fill with the core tree.
 */
export async function wordpressFromDebian(
	major: string,
	suites: string[],
	out: string
): Promise< CoreBuild > {
	const archive = await findDebianArchive();
	if ( ! archive ) {
		throw new NoDebianArchive(
			"this machine's apt sources name no Debian archive"
		);
	}
	if ( ! ( await haveTools() ) ) {
		throw new NoDebianArchive( 'apt-get or dpkg-deb is not installed' );
	}
	const notes: string[] = [];
	for ( const suite of suites ) {
		const apt = new PrivateApt( suite );
		try {
			await apt.update( archive );
		} catch ( error ) {
			notes.push( ( error as Error ).message );
			continue;
		}
		await mkdir( out, { recursive: true } );
		const result = await fromSuite( apt, major, out );
		if ( typeof result !== 'string' ) {
			return result;
		}
		notes.push( result );
		await rm( out, { recursive: true, force: true } );
	}
	throw new Error( notes.join( '\n' ) );
}
