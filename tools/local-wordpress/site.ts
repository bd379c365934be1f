/**
 * ensureSite / resetSite: a local WordPress site in `.local/sites/<name>/`,
 * on SQLite, with the repository as its (active) plugin.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { removeDatabase, restoreDatabase, snapshotDatabase } from './database';
import { ensureWordPress, readCoreInfo } from './ensure-wordpress';
import { withLock } from './lock';
import { progress, since } from './log';
import { paths, phpDir, sitePaths } from './paths';
import { runPhpScript } from './php-cli';
import {
	ensureSiteFiles,
	linkCore,
	PLUGIN_FILE,
	wipeSite,
} from './site-layout';
import {
	ensureSalts,
	readState,
	writeJson,
	type SiteState,
} from './site-state';
import { installSqlite, SQLITE_PLUGIN_FILE } from './sqlite';
import type { Site, SiteOptions } from './types';
import { isWordPressVersion } from './versions';
import { renderWpConfig } from './wp-config';

export const ADMIN = {
	user: 'admin',
	password: 'password',
	email: 'admin@localhost.test',
};
export const ROLE_USERS = [
	'editor',
	'author',
	'contributor',
	'subscriber',
] as const;
const TITLE = 'Cloud Gallery Dev';
const THEME = 'twentytwentyfive';

function describe( name: string, options: SiteOptions ): Site {
	const dir = paths.siteDir( name );
	const files = sitePaths( dir );
	return {
		name,
		version: options.version,
		dir,
		url: `http://localhost:${ options.port }`,
		adminUser: ADMIN.user,
		adminPassword: ADMIN.password,
		dbFile: files.dbFile,
		debugLog: files.debugLog,
	};
}

function validate( options: SiteOptions ): void {
	if ( ! /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test( options.name ) ) {
		throw new Error(
			`Invalid site name "${ options.name }" (letters, digits, . _ -).`
		);
	}
	if ( ! isWordPressVersion( options.version ) ) {
		throw new Error(
			`Unsupported WordPress version "${ options.version }".`
		);
	}
	if (
		! Number.isInteger( options.port ) ||
		options.port < 1 ||
		options.port > 65535
	) {
		throw new Error( `Invalid port ${ options.port }.` );
	}
}

async function writeIfChanged(
	file: string,
	content: string
): Promise< void > {
	if (
		( await readFile( file, 'utf8' ).catch( () => undefined ) ) !== content
	) {
		const tmp = `${ file }.tmp-${ process.pid }`;
		await writeFile( tmp, content );
		await rename( tmp, file );
	}
}

async function install( site: Site, port: number ): Promise< void > {
	const files = sitePaths( site.dir );
	await removeDatabase( site.dbFile );
	await mkdir( files.dbDir, { recursive: true } );
	const options = {
		host: `localhost:${ port }`,
		title: TITLE,
		adminUser: ADMIN.user,
		adminPassword: ADMIN.password,
		adminEmail: ADMIN.email,
		theme: THEME,
		plugins: [ SQLITE_PLUGIN_FILE, PLUGIN_FILE ],
		users: ROLE_USERS.map( ( role ) => ( {
			login: role,
			password: ADMIN.password,
			email: `${ role }@localhost.test`,
			role,
		} ) ),
	};
	await runPhpScript(
		site.dir,
		path.join( phpDir, 'install.php' ),
		[ site.dir, JSON.stringify( options ) ],
		`Installing WordPress in ${ site.dir }`
	);
	await snapshotDatabase( site.dbFile, files.snapshot );
}

/**
 * After the cached core moved to a newer point release: upgrade the live database and the snapshot.
 * @param site The site.
 * @param port Its port.
 */
async function upgrade( site: Site, port: number ): Promise< void > {
	const files = sitePaths( site.dir );
	const script = path.join( phpDir, 'upgrade.php' );
	const args = [ site.dir, `localhost:${ port }` ];
	await runPhpScript( site.dir, script, args, 'Upgrading the database' );
	const live = `${ site.dbFile }.live-${ process.pid }`;
	await rename( site.dbFile, live );
	try {
		await restoreDatabase( files.snapshot, site.dbFile );
		await runPhpScript(
			site.dir,
			script,
			args,
			'Upgrading the fresh-install snapshot'
		);
		await snapshotDatabase( site.dbFile, files.snapshot );
	} finally {
		await restoreDatabase( live, site.dbFile );
		await rm( live, { force: true } );
	}
}

/**
 * Creates or updates the site: idempotent, and fast (well under a second)
 * when the site exists. wp-config.php is rewritten on every call.
 * @param options Name, version, port and extra wp-config constants.
 */
export async function ensureSite( options: SiteOptions ): Promise< Site > {
	validate( options );
	const core = await ensureWordPress( options.version );
	const coreInfo = readCoreInfo( options.version );
	if ( ! coreInfo ) {
		throw new Error(
			`WordPress ${ options.version } core metadata is missing; remove ${ core } and try again.`
		);
	}
	const site = describe( options.name, options );
	const files = sitePaths( site.dir );
	return withLock( `site-${ options.name }`, async () => {
		const started = Date.now();
		let state = readState( files.state );
		if ( state && state.version !== options.version ) {
			progress(
				`site ${ options.name }: WordPress ${ state.version } → ${ options.version }, rebuilding it`
			);
			await wipeSite( site.dir );
			state = undefined;
		}
		const installed =
			!! state?.installed &&
			existsSync( site.dbFile ) &&
			existsSync( files.snapshot );
		const coreChanged =
			! state ||
			state.coreBuiltAt !== coreInfo.builtAt ||
			! existsSync( path.join( site.dir, 'wp-load.php' ) );
		if ( coreChanged ) {
			progress(
				`site ${ options.name }: linking WordPress ${ coreInfo.version } files…`
			);
			await linkCore( core, site.dir );
		}
		await ensureSiteFiles( site.dir );
		await installSqlite( site.dir );
		await writeIfChanged(
			files.wpConfig,
			renderWpConfig( {
				url: site.url,
				dbDir: files.dbDir,
				dbFile: path.basename( site.dbFile ),
				debugLog: site.debugLog,
				salts: await ensureSalts( files.salts ),
				...( options.constants
					? { constants: options.constants }
					: {} ),
			} )
		);
		if ( ! installed ) {
			progress(
				`site ${ options.name }: installing WordPress ${ coreInfo.version } (SQLite)…`
			);
			await install( site, options.port );
		} else if ( coreChanged ) {
			progress(
				`site ${ options.name }: upgrading the database to WordPress ${ coreInfo.version }…`
			);
			await upgrade( site, options.port );
		}
		const next: SiteState = {
			version: options.version,
			coreBuiltAt: coreInfo.builtAt,
			coreVersion: coreInfo.version,
			installed: true,
			port: options.port,
		};
		if ( JSON.stringify( next ) !== JSON.stringify( state ) ) {
			await writeJson( files.state, next );
		}
		if ( ! installed || coreChanged ) {
			progress(
				`site ${ options.name } ready in ${ since( started ) }: ${ site.url }`
			);
		}
		return site;
	} );
}

/**
 * Restores the database to the fresh-install snapshot (the plugin active,
 * nothing else) and starts a new debug log (the old one is kept as
 * debug.previous.log). Call it between requests, not during one.
 * @param site The site.
 */
export async function resetSite( site: Site ): Promise< void > {
	const files = sitePaths( site.dir );
	if ( ! existsSync( files.snapshot ) ) {
		throw new Error(
			`Site ${ site.name } has no fresh-install snapshot; call ensureSite() first.`
		);
	}
	await restoreDatabase( files.snapshot, site.dbFile );
	const log = await stat( site.debugLog ).catch( () => undefined );
	if ( log && log.size > 0 ) {
		await rename(
			site.debugLog,
			path.join( path.dirname( site.debugLog ), 'debug.previous.log' )
		);
	}
}
