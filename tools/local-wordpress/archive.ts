/**
 * Unpacking: zip (with `unzip`, or PHP's ZipArchive where unzip is
 * missing), tar.gz (with `tar`) and .deb (with `dpkg-deb`).
 */
import { mkdir } from 'node:fs/promises';

import { exec, execCapture } from './exec';

export async function extractZip( zip: string, dest: string ): Promise< void > {
	await mkdir( dest, { recursive: true } );
	const unzip = await execCapture( 'unzip', [
		'-q',
		'-o',
		zip,
		'-d',
		dest,
	] ).catch( () => undefined );
	if ( unzip?.code === 0 ) {
		return;
	}
	const php = [
		'$z = new ZipArchive();',
		'if ( true !== $z->open( $argv[1] ) ) { fwrite( STDERR, "cannot open zip\\n" ); exit( 1 ); }',
		'if ( ! $z->extractTo( $argv[2] ) ) { fwrite( STDERR, "cannot extract zip\\n" ); exit( 1 ); }',
	].join( ' ' );
	const result = await execCapture( 'php', [ '-r', php, zip, dest ] ).catch(
		() => undefined
	);
	if ( result?.code !== 0 ) {
		const why = unzip ? unzip.stderr.trim() : 'unzip is not installed';
		throw new Error(
			`Could not extract ${ zip }: ${ why }; PHP's ZipArchive failed too (${ result?.stderr.trim() ?? 'php not found' }).`
		);
	}
}

/**
 * Extracts the named members of a .tgz (e.g. an `npm pack` tarball).
 * @param tgz     The tarball.
 * @param dest    Destination folder (created).
 * @param members Members to extract (all when empty).
 */
export async function extractTgz(
	tgz: string,
	dest: string,
	members: string[] = []
): Promise< void > {
	await mkdir( dest, { recursive: true } );
	await exec( 'tar', [ '-xzf', tgz, '-C', dest, ...members ] );
}

export async function extractDeb( deb: string, dest: string ): Promise< void > {
	await mkdir( dest, { recursive: true } );
	await exec( 'dpkg-deb', [ '-x', deb, dest ] );
}
