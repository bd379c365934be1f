/**
 * Reads and checks the version of a WordPress tree.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { matchesMajor } from './versions';

/**
 * `$wp_version` from wp-includes/version.php, or undefined when it is not a WordPress tree.
 * @param dir A WordPress root.
 */
export async function readWordPressVersion(
	dir: string
): Promise< string | undefined > {
	const text = await readFile(
		path.join( dir, 'wp-includes', 'version.php' ),
		'utf8'
	).catch( () => undefined );
	return text
		? /\$wp_version\s*=\s*['"]([^'"]+)['"]/.exec( text )?.[ 1 ]
		: undefined;
}

/**
 * Throws a clear message unless `dir` holds WordPress `major`.x. Returns the full version.
 * @param dir    A WordPress root.
 * @param major  Major version, e.g. "7.1".
 * @param source Where the tree came from, for messages.
 */
export async function assertWordPressMajor(
	dir: string,
	major: string,
	source: string
): Promise< string > {
	const found = await readWordPressVersion( dir );
	if ( ! found ) {
		throw new Error(
			`${ source }: ${ dir } is not a WordPress folder (no wp-includes/version.php).`
		);
	}
	if ( ! matchesMajor( found, major ) ) {
		throw new Error(
			`${ source } holds WordPress ${ found }, not ${ major }.x.`
		);
	}
	return found;
}
