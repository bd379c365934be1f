/**
 * Runs PHP scripts against a site with the PHP CLI. On failure the error
 * carries what PHP printed and what it appended to the site's debug log
 * (WP_DEBUG_DISPLAY is off, so fatals land only there).
 */
import { mkdir, open, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { execCapture } from './exec';
import { sitePaths } from './paths';
import type { Site } from './types';

async function sizeOf( file: string ): Promise< number > {
	return ( await stat( file ).catch( () => undefined ) )?.size ?? 0;
}

async function readFrom( file: string, offset: number ): Promise< string > {
	const handle = await open( file, 'r' ).catch( () => undefined );
	if ( ! handle ) {
		return '';
	}
	try {
		const size = ( await handle.stat() ).size;
		const start = size < offset ? 0 : offset;
		const buffer = Buffer.alloc( Math.min( size - start, 64 * 1024 ) );
		await handle.read( buffer, 0, buffer.length, start );
		return buffer.toString( 'utf8' );
	} finally {
		await handle.close();
	}
}

/**
 * Runs `php script args…` in the site folder; resolves with stdout, throws with details.
 * @param siteDir The site's WordPress root.
 * @param script  PHP script to run.
 * @param args    Its arguments.
 * @param what    What it does, for the error message.
 */
export async function runPhpScript(
	siteDir: string,
	script: string,
	args: string[],
	what: string
): Promise< string > {
	const debugLog = sitePaths( siteDir ).debugLog;
	const before = await sizeOf( debugLog );
	const result = await execCapture(
		'php',
		[
			'-d',
			'display_errors=stderr',
			'-d',
			'memory_limit=512M',
			script,
			...args,
		],
		{ cwd: siteDir }
	);
	if ( result.code === 0 ) {
		return result.stdout;
	}
	const logged = ( await readFrom( debugLog, before ) ).trim();
	const parts = [
		`${ what } failed (php exit code ${ result.code }).`,
		result.stderr.trim() && `stderr:\n${ result.stderr.trim() }`,
		result.stdout.trim() &&
			`stdout:\n${ result.stdout.trim().slice( -4000 ) }`,
		logged && `debug log (${ debugLog }):\n${ logged.slice( -4000 ) }`,
	].filter( Boolean );
	throw new Error( parts.join( '\n' ) );
}

const quote = ( value: string ) =>
	`'${ value.replaceAll( '\\', '\\\\' ).replaceAll( "'", "\\'" ) }'`;

/**
 * The code that fakes a request to the site and loads WordPress.
 * @param site The site.
 */
export function runPreamble( site: Site ): string {
	const url = new URL( site.url );
	return [
		'<?php',
		`$_SERVER['HTTP_HOST'] = ${ quote( url.host ) };`,
		"$_SERVER['SERVER_NAME'] = 'localhost';",
		`$_SERVER['SERVER_PORT'] = ${ quote( url.port || '80' ) };`,
		// A subsite of a subdirectory network is found by its path.
		`$_SERVER['REQUEST_URI'] = ${ quote( url.pathname.replace( /\/?$/, '/' ) ) };`,
		"$_SERVER['REQUEST_METHOD'] = 'GET';",
		"$_SERVER['REMOTE_ADDR'] = '127.0.0.1';",
		`require_once ${ quote( path.join( site.dir, 'wp-load.php' ) ) };`,
		'',
	].join( '\n' );
}

let counter = 0;

/**
 * Runs a PHP snippet (with or without a leading `<?php`) with WordPress loaded; resolves with its output.
 * @param site The site.
 * @param code PHP code, with or without a leading `<?php`.
 */
export async function runPhp( site: Site, code: string ): Promise< string > {
	const dir = sitePaths( site.dir ).runDir;
	await mkdir( dir, { recursive: true } );
	const file = path.join(
		dir,
		`snippet-${ process.pid }-${ ++counter }.php`
	);
	const body = code.replace( /^\s*<\?php\b/, '' );
	await writeFile( file, `${ runPreamble( site ) }${ body }\n` );
	try {
		return await runPhpScript( site.dir, file, [], 'runPhp' );
	} finally {
		await rm( file, { force: true } );
	}
}
