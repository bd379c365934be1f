/**
 * The SQLite database drop-in: the `sqlite-database-integration` plugin
 * that WordPress Playground ships inside its CLI's npm tarball. Only the
 * tarball is fetched (`npm pack`), none of its dependencies.
 */
import { existsSync } from 'node:fs';
import {
	mkdir,
	readdir,
	readFile,
	rename,
	rm,
	writeFile,
} from 'node:fs/promises';
import path from 'node:path';

import { extractTgz, extractZip } from './archive';
import { linkTree } from './copy-tree';
import { exec } from './exec';
import { withLock } from './lock';
import { progress } from './log';
import { paths } from './paths';

/** Pinned: the drop-in inside changes with it. */
export const PLAYGROUND_CLI = '@wp-playground/cli@3.1.56';
export const SQLITE_PLUGIN_SLUG = 'sqlite-database-integration';
export const SQLITE_PLUGIN_FILE = `${ SQLITE_PLUGIN_SLUG }/load.php`;
const MARKER = '.ccg-source';

function cachedPluginDir(): string {
	const version = PLAYGROUND_CLI.split( '@' ).pop() ?? 'unknown';
	return path.join(
		paths.cache(),
		`sqlite-database-integration-from-cli-${ version }`,
		SQLITE_PLUGIN_SLUG
	);
}

/** The extracted plugin in .local/cache, fetched the first time. */
export async function ensureSqlitePlugin(): Promise< string > {
	const dir = cachedPluginDir();
	if ( existsSync( path.join( dir, 'db.copy' ) ) ) {
		return dir;
	}
	return withLock( 'sqlite-plugin', async () => {
		if ( existsSync( path.join( dir, 'db.copy' ) ) ) {
			return dir;
		}
		progress( `SQLite drop-in: npm pack ${ PLAYGROUND_CLI }…` );
		const work = path.join( paths.tmp(), `sqlite-${ process.pid }` );
		await rm( work, { recursive: true, force: true } );
		await mkdir( work, { recursive: true } );
		try {
			const { stdout } = await exec(
				'npm',
				[
					'pack',
					PLAYGROUND_CLI,
					'--pack-destination',
					work,
					'--json',
					'--silent',
				],
				{ cwd: work }
			);
			const packed = (
				JSON.parse( stdout ) as { filename: string }[]
			 )[ 0 ]?.filename;
			if ( ! packed ) {
				throw new Error(
					`npm pack ${ PLAYGROUND_CLI } printed no file name`
				);
			}
			await extractTgz(
				path.join( work, path.basename( packed ) ),
				work,
				[ 'package/sqlite-database-integration.zip' ]
			);
			await extractZip(
				path.join( work, 'package', 'sqlite-database-integration.zip' ),
				path.join( work, 'zip' )
			);
			const [ top ] = await readdir( path.join( work, 'zip' ) );
			const extracted = path.join( work, 'zip', top ?? '' );
			if ( ! top || ! existsSync( path.join( extracted, 'db.copy' ) ) ) {
				throw new Error(
					`${ PLAYGROUND_CLI }'s sqlite-database-integration.zip has no db.copy`
				);
			}
			await writeFile(
				path.join( extracted, MARKER ),
				`${ PLAYGROUND_CLI }\n`
			);
			await mkdir( path.dirname( dir ), { recursive: true } );
			await rm( dir, { recursive: true, force: true } );
			await rename( extracted, dir );
			return dir;
		} finally {
			await rm( work, { recursive: true, force: true } );
		}
	} );
}

/**
 * `db.copy` with its placeholders filled in.
 * @param template  Contents of the plugin's db.copy.
 * @param pluginDir Absolute path of the installed SQLite plugin.
 */
export function renderDbDropIn( template: string, pluginDir: string ): string {
	return template
		.replaceAll(
			'{SQLITE_IMPLEMENTATION_FOLDER_PATH}',
			pluginDir.replaceAll( '\\', '\\\\' ).replaceAll( "'", "\\'" )
		)
		.replaceAll( '{SQLITE_PLUGIN}', SQLITE_PLUGIN_FILE );
}

/**
 * Puts the plugin into the site's wp-content/plugins and writes wp-content/db.php.
 * @param siteDir The site's WordPress root.
 */
export async function installSqlite( siteDir: string ): Promise< void > {
	const cached = await ensureSqlitePlugin();
	const target = path.join(
		siteDir,
		'wp-content',
		'plugins',
		SQLITE_PLUGIN_SLUG
	);
	const installed = await readFile(
		path.join( target, MARKER ),
		'utf8'
	).catch( () => '' );
	if ( installed.trim() !== PLAYGROUND_CLI ) {
		await rm( target, { recursive: true, force: true } );
		await linkTree( cached, target );
	}
	const dropIn = renderDbDropIn(
		await readFile( path.join( cached, 'db.copy' ), 'utf8' ),
		target
	);
	const dbPhp = path.join( siteDir, 'wp-content', 'db.php' );
	if ( ( await readFile( dbPhp, 'utf8' ).catch( () => '' ) ) !== dropIn ) {
		await writeFile( dbPhp, dropIn );
	}
}
