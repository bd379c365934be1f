/**
 * A WordPress site on the stack: the same core tree, plugin link and
 * installer as tools/local-wordpress, but on MariaDB (no SQLite drop-in)
 * with the Redis object-cache drop-in from tests/hosting/. Its fresh-install
 * snapshot is a SQL dump; resetting restores it and empties the site's
 * Redis database.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

import {
	ensureWordPress,
	readCoreInfo,
} from '../local-wordpress/ensure-wordpress';
import { progress, since } from '../local-wordpress/log';
import { paths, phpDir, repoRoot, sitePaths } from '../local-wordpress/paths';
import { runPhpScript } from '../local-wordpress/php-cli';
import { ADMIN, ROLE_USERS } from '../local-wordpress/site';
import {
	ensureSiteFiles,
	linkCore,
	PLUGIN_FILE,
} from '../local-wordpress/site-layout';
import {
	ensureSalts,
	readState,
	writeJson,
	type SiteState,
} from '../local-wordpress/site-state';
import type { Site } from '../local-wordpress/types';
import { renderWpConfig } from '../local-wordpress/wp-config';
import { DB_PASSWORD, DB_USER, type MariaDb } from './mariadb';
import type { Redis } from './redis';

export const OBJECT_CACHE_DROP_IN = path.join(
	repoRoot,
	'tests/hosting/object-cache.php'
);
const MU_PLUGIN = path.join( __dirname, 'php', 'production-stack.php' );

/** WordPress's standard .htaccess (developer.wordpress.org, "htaccess", Basic WP). */
export const WORDPRESS_HTACCESS = [
	'# BEGIN WordPress',
	'<IfModule mod_rewrite.c>',
	'RewriteEngine On',
	'RewriteRule .* - [E=HTTP_AUTHORIZATION:%{HTTP:Authorization}]',
	'RewriteBase /',
	'RewriteRule ^index\\.php$ - [L]',
	'RewriteCond %{REQUEST_FILENAME} !-f',
	'RewriteCond %{REQUEST_FILENAME} !-d',
	'RewriteRule . /index.php [L]',
	'</IfModule>',
	'# END WordPress',
	'',
].join( '\n' );

export interface StackSite extends Site {
	database: string;
	redisDatabase: number;
}

export interface StackSiteOptions {
	name: string;
	port: number;
	/** Each site of a stack has its own Redis database, 1–15. */
	redisDatabase: number;
	constants?: Record< string, string | boolean | number >;
}

async function writeIfChanged(
	file: string,
	content: string
): Promise< void > {
	if (
		( await readFile( file, 'utf8' ).catch( () => undefined ) ) !== content
	) {
		await rm( file, { force: true } );
		await writeFile( file, content );
	}
}

/**
 * Creates or updates the site; quick when it exists. A new core point
 * release reinstalls it (its database is a test fixture, not data).
 */
export async function ensureStackSite(
	options: StackSiteOptions,
	db: MariaDb,
	redis: Redis
): Promise< StackSite > {
	const started = Date.now();
	const core = await ensureWordPress( '7.1' );
	const coreInfo = readCoreInfo( '7.1' );
	if ( ! coreInfo ) {
		throw new Error(
			`WordPress 7.1 core metadata is missing; remove ${ core } and try again.`
		);
	}
	const dir = paths.siteDir( options.name );
	const files = sitePaths( dir );
	const database = `wp_${ options.name.replace( /[^A-Za-z0-9]/g, '_' ) }`;
	const site: StackSite = {
		name: options.name,
		version: '7.1',
		dir,
		url: `http://localhost:${ options.port }`,
		adminUser: ADMIN.user,
		adminPassword: ADMIN.password,
		dbFile: path.join( files.meta, 'fresh-install.sql' ),
		debugLog: files.debugLog,
		database,
		redisDatabase: options.redisDatabase,
	};
	const state = readState( files.state );
	const coreChanged =
		! state ||
		state.coreBuiltAt !== coreInfo.builtAt ||
		! existsSync( path.join( dir, 'wp-load.php' ) );
	if ( coreChanged ) {
		progress(
			`stack site ${ options.name }: linking WordPress ${ coreInfo.version } files…`
		);
		await linkCore( core, dir );
	}
	await ensureSiteFiles( dir );
	// MariaDB, not SQLite: no db.php drop-in.
	await rm( path.join( files.wpContent, 'db.php' ), { force: true } );
	await writeIfChanged(
		path.join( files.wpContent, 'object-cache.php' ),
		await readFile( OBJECT_CACHE_DROP_IN, 'utf8' )
	);
	await writeIfChanged(
		path.join( files.wpContent, 'mu-plugins', 'production-stack.php' ),
		await readFile( MU_PLUGIN, 'utf8' )
	);
	await writeIfChanged(
		files.wpConfig,
		renderWpConfig( {
			url: site.url,
			dbDir: files.dbDir,
			dbFile: 'unused',
			debugLog: site.debugLog,
			salts: await ensureSalts( files.salts ),
			constants: {
				DB_NAME: database,
				DB_USER,
				DB_PASSWORD,
				DB_HOST: `127.0.0.1:${ db.port }`,
				WP_REDIS_HOST: '127.0.0.1',
				WP_REDIS_PORT: redis.port,
				WP_REDIS_DATABASE: options.redisDatabase,
				WP_CACHE_KEY_SALT: `${ options.name }:`,
				...options.constants,
			},
		} )
	);
	const installed =
		!! state?.installed &&
		! coreChanged &&
		existsSync( site.dbFile ) &&
		(
			await db
				.sql( `SHOW TABLES FROM \`${ database }\` LIKE 'wp_options';` )
				.catch( () => '' )
		).trim() !== '';
	if ( ! installed ) {
		progress(
			`stack site ${ options.name }: installing WordPress ${ coreInfo.version } (MariaDB, Redis)…`
		);
		await db.sql(
			`DROP DATABASE IF EXISTS \`${ database }\`; CREATE DATABASE \`${ database }\`;`
		);
		await redis.flush( options.redisDatabase );
		await runPhpScript(
			dir,
			path.join( phpDir, 'install.php' ),
			[
				dir,
				JSON.stringify( {
					host: `localhost:${ options.port }`,
					title: 'Cloud Gallery (production-like stack)',
					adminUser: ADMIN.user,
					adminPassword: ADMIN.password,
					adminEmail: ADMIN.email,
					theme: 'twentytwentyfive',
					plugins: [ PLUGIN_FILE ],
					users: ROLE_USERS.map( ( role ) => ( {
						login: role,
						password: ADMIN.password,
						email: `${ role }@localhost.test`,
						role,
					} ) ),
				} ),
			],
			`Installing WordPress in ${ dir } (MariaDB)`
		);
		// wp_install() rewrites .htaccess from the CLI; the stack's Apache needs the standard rules.
		await writeFile( path.join( dir, '.htaccess' ), WORDPRESS_HTACCESS );
		await db.dump( database, site.dbFile );
		const next: SiteState = {
			version: '7.1',
			coreBuiltAt: coreInfo.builtAt,
			coreVersion: coreInfo.version,
			installed: true,
			port: options.port,
		};
		await writeJson( files.state, next );
		progress(
			`stack site ${ options.name } ready in ${ since( started ) }: ${ site.url }`
		);
	}
	return site;
}

/**
 * The fresh-install database back, an empty object cache, a new debug log
 * (the old one kept as debug.previous.log). Between requests, not during one.
 */
export async function resetStackSite(
	site: StackSite,
	db: MariaDb,
	redis: Redis
): Promise< void > {
	await db.restore( site.database, site.dbFile );
	await redis.flush( site.redisDatabase );
	const log = await stat( site.debugLog ).catch( () => undefined );
	if ( log && log.size > 0 ) {
		await rename(
			site.debugLog,
			path.join( path.dirname( site.debugLog ), 'debug.previous.log' )
		);
	}
}
